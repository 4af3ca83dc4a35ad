"use client";

import { FEATURE_CROSSES, FEATURE_LABELS, type FeatureName } from "@margin/core";

/** "z = w₁x₁ + w₂x₂ + w₃x₁² + b": the model a feature list makes, for the student to read. */
export function modelEquation(features: readonly FeatureName[]): string {
  const subscript = (n: number) => String(n).replace(/\d/g, (digit) => "₀₁₂₃₄₅₆₇₈₉"[Number(digit)] ?? digit);
  return `z = ${features.map((feature, j) => `w${subscript(j + 1)}${FEATURE_LABELS[feature]}`).join(" + ")} + b`;
}

/**
 * Checkboxes for the crosses a teacher allowed on top of x₁ and x₂ (TensorFlow Playground's feature
 * column), with the equation they make. With x₁² and x₂² the boundary can close into a circle.
 */
export function FeaturePicker({
  features,
  onToggle,
  disabled,
}: {
  features: readonly FeatureName[];
  onToggle: (feature: FeatureName, on: boolean) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="ml-choices">
      <legend>Features</legend>
      <p className="ml-field-hint">
        x₁ and x₂ are always in. Crosses let your boundary bend: x₁² and x₂² can close it into a circle.
      </p>
      <div className="ml-choices-row">
        {FEATURE_CROSSES.map((feature) => (
          <label key={feature} className="ml-check">
            <input
              type="checkbox"
              checked={features.includes(feature)}
              disabled={disabled}
              onChange={(event) => onToggle(feature, event.target.checked)}
            />
            <span>
              <span aria-hidden="true">{FEATURE_LABELS[feature]}</span>
              <span className="ml-visually-hidden">{spoken(feature)}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="ml-widget-equation">{modelEquation(features)}</p>
    </fieldset>
  );
}

/** What a screen reader should say for a cross (it reads "x₁²" as "x 1 2"). */
function spoken(feature: FeatureName): string {
  switch (feature) {
    case "x1^2":
      return "x1 squared";
    case "x2^2":
      return "x2 squared";
    case "x1x2":
      return "x1 times x2";
    default:
      return feature;
  }
}
