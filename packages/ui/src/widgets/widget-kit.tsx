import type { TrainerClient } from "@margin/core/trainer";
import type { ReactNode } from "react";

/**
 * Widgets are controlled: the page owns their state (it mirrors it into the URL) and may hide controls
 * by key for a constrained exercise. `onChange` takes a patch so a control never has to know the rest.
 */
export interface WidgetProps<S> {
  state: S;
  onChange: (patch: Partial<S>) => void;
  /** Keys of controls to leave out (their values stay fixed at `state`). */
  hidden?: readonly string[];
}

/** The part of the trainer worker's client a widget needs; training never runs on the main thread. */
export type WidgetTrainer = Pick<TrainerClient, "train" | "cancel">;

export function shown(hidden: readonly string[] | undefined, key: string): boolean {
  return !hidden?.includes(key);
}

/** Tells the learner which values the teacher pinned, so a missing slider reads as intended. */
export function FixedNote({ items }: { items: readonly { label: string; value: string }[] }) {
  if (items.length === 0) return null;
  return (
    <p className="ml-widget-fixed">
      <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="11" width="14" height="10" rx="2" fill="currentColor" />
        <path d="M8 11V8a4 4 0 0 1 8 0v3" stroke="currentColor" strokeWidth="2.5" fill="none" />
      </svg>{" "}
      Fixed for this exercise: {items.map((item) => `${item.label} = ${item.value}`).join(", ")}
    </p>
  );
}

/** Chart beside controls on wide screens, stacked on phones. */
export function WidgetLayout({ visual, controls }: { visual: ReactNode; controls: ReactNode }) {
  return (
    <div className="ml-widget">
      <div className="ml-widget-visual">{visual}</div>
      <div className="ml-widget-controls">{controls}</div>
    </div>
  );
}

/** A two-state toggle announced as pressed or not. */
export function ToggleButton({
  pressed,
  onToggle,
  children,
  disabled,
}: {
  pressed: boolean;
  onToggle: () => void;
  children: ReactNode;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className={`ml-button ml-toggle ${pressed ? "ml-toggle-on" : ""}`}
      aria-pressed={pressed}
      onClick={onToggle}
      disabled={disabled}
    >
      <span className="ml-toggle-track" aria-hidden="true">
        <span className="ml-toggle-thumb" />
      </span>
      {children}
    </button>
  );
}

/** A row of buttons that set a value; the current one is marked pressed. */
export function Presets<T extends number>({
  label,
  options,
  value,
  onPick,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onPick: (value: T) => void;
}) {
  return (
    <fieldset className="ml-presets">
      <legend>{label}</legend>
      <div className="ml-presets-row">
        {options.map((option) => (
          <button
            key={option.label}
            type="button"
            className="ml-preset"
            aria-pressed={Math.abs(option.value - value) < 1e-9}
            onClick={() => onPick(option.value)}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export const fixed = (value: number, digits = 2) =>
  // A minus sign, not a hyphen, so negative numbers read like the lesson's formulas.
  (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toFixed(digits).replace("-", "−");

/** Samples f on [from, to] for a smooth line chart. */
export function sample(f: (x: number) => number, from: number, to: number, count = 161) {
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < count; i++) {
    const x = from + ((to - from) * i) / (count - 1);
    points.push({ x, y: f(x) });
  }
  return points;
}
