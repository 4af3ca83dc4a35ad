import { FEATURE_LABELS, type FeatureName, LINEAR_FEATURES } from "@margin/core";

export const formatLoss = (loss: number) => (Number.isFinite(loss) ? loss.toFixed(4) : "—");
export const formatNumber = (value: number, digits = 3) => value.toFixed(digits);
export const formatPercent = (value: number) => `${Math.round(value * 100)}%`;

/** The boundary w·φ(x) + b = 0 as an equation a student can read aloud (features default to x₁, x₂). */
export function describeModel(
  w: readonly number[],
  b: number,
  features: readonly FeatureName[] = LINEAR_FEATURES,
): string {
  const terms = features.map((feature, j) => `${formatNumber(w[j] ?? 0)}·${FEATURE_LABELS[feature]}`);
  return `${terms.join(" + ")} ${b < 0 ? "−" : "+"} ${formatNumber(Math.abs(b))} = 0`;
}

/** "x₁, x₂, x₁²": the features a model uses, as people write them. */
export const describeFeatures = (features: readonly FeatureName[]) =>
  features.map((feature) => FEATURE_LABELS[feature]).join(", ");

/** Distinct, colour-blind-aware hues for boundaries on the projector. */
export const BOUNDARY_COLORS = [
  "#4338ca",
  "#2b8a3e",
  "#c2255c",
  "#0b7285",
  "#862e9c",
  "#e67700",
  "#364fc7",
  "#5c940d",
  "#a61e4d",
  "#1098ad",
  "#6741d9",
  "#d9480f",
];
