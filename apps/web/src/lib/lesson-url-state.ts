import type { WidgetKind } from "~/content/lesson-types";

/**
 * Every widget's state lives in the page's search params so a teacher can share an exercise as a link.
 * Keys are unique across all widgets (one page holds them all) and `hide` lists controls to leave out.
 * Anything a URL can carry is untrusted: values are clamped, snapped and defaulted, never rejected.
 */

export interface NumberParam {
  kind: "number";
  label: string;
  min: number;
  max: number;
  step: number;
  default: number;
}

export interface ChoiceParam {
  kind: "choice";
  label: string;
  options: readonly number[];
  default: number;
}

export interface FlagParam {
  kind: "flag";
  label: string;
  default: boolean;
}

export type ParamSpec = NumberParam | ChoiceParam | FlagParam;

const number = (label: string, min: number, max: number, step: number, fallback: number): NumberParam => ({
  kind: "number",
  label,
  min,
  max,
  step,
  default: fallback,
});

export const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3] as const;
export const ITERATION_CHOICES = [10, 50, 100, 250, 500, 1000, 2000, 5000] as const;

export const WIDGET_PARAMS = {
  "sigmoid-explorer": { z: number("z", -10, 10, 0.1, 0) },
  "linear-vs-sigmoid": {
    lx: number("Animal's x₁", -20, 20, 0.5, 6),
    squash: { kind: "flag", label: "Squash with σ", default: false },
  },
  "per-example-loss": {
    yhat: number("Predicted ŷ", 0.01, 0.99, 0.01, 0.5),
    y: { kind: "choice", label: "True label y", options: [1, 0], default: 1 },
  },
  "mse-vs-log-loss": { mw: number("Weight w", -8, 10, 0.1, -4) },
  "boundary-explorer": {
    w1: number("w₁", -5, 5, 0.1, 0.5),
    w2: number("w₂", -5, 5, 0.1, -1),
    b: number("b", -10, 10, 0.1, 0),
  },
  "train-from-scratch": {
    lr: { kind: "choice", label: "Learning rate", options: LEARNING_RATES, default: 0.1 },
    iters: { kind: "choice", label: "Iterations", options: ITERATION_CHOICES, default: 1000 },
    kgcm: { kind: "flag", label: "Cats and dogs in kg and cm", default: false },
  },
  "ring-features": { squares: { kind: "flag", label: "Squared features", default: false } },
} as const satisfies Record<WidgetKind, Record<string, ParamSpec>>;

export type WidgetParams = typeof WIDGET_PARAMS;
type ValueOf<S extends ParamSpec> = S extends FlagParam ? boolean : number;
export type WidgetState<K extends WidgetKind> = {
  -readonly [P in keyof WidgetParams[K]]: ValueOf<WidgetParams[K][P] & ParamSpec>;
};
export type AnyWidgetState = Record<string, number | boolean>;

/** The name under which the list of hidden controls travels. */
export const HIDE_KEY = "hide";

function decimals(step: number): number {
  const text = String(step);
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** One raw search-param value as the spec's type: clamped to range, snapped to the step or nearest option. */
export function parseParam(spec: ParamSpec, raw: string | null | undefined): number | boolean {
  if (raw === null || raw === undefined || raw.trim() === "") return spec.default;
  if (spec.kind === "flag") {
    if (raw === "1" || raw === "true") return true;
    if (raw === "0" || raw === "false") return false;
    return spec.default;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) return spec.default;
  if (spec.kind === "choice") {
    let best = spec.options[0] ?? spec.default;
    for (const option of spec.options) {
      if (Math.abs(option - value) < Math.abs(best - value)) best = option;
    }
    return best;
  }
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const snapped = spec.min + Math.round((clamped - spec.min) / spec.step) * spec.step;
  // Rounding to the step's decimals turns 0.30000000000000004 back into 0.3 before it reaches the URL.
  return Number(Math.min(spec.max, snapped).toFixed(decimals(spec.step)));
}

export function formatParam(value: number | boolean): string {
  return typeof value === "boolean" ? (value ? "1" : "0") : String(value);
}

interface ParamSource {
  get(name: string): string | null;
}

export function parseWidgetState<K extends WidgetKind>(kind: K, params: ParamSource): WidgetState<K> {
  const specs = WIDGET_PARAMS[kind] as Record<string, ParamSpec>;
  const state: AnyWidgetState = {};
  for (const [key, spec] of Object.entries(specs)) state[key] = parseParam(spec, params.get(key));
  return state as WidgetState<K>;
}

/** Controls named in `hide=` that this widget has; unknown names are ignored rather than trusted. */
export function parseHidden(kind: WidgetKind, params: ParamSource): string[] {
  const known = Object.keys(WIDGET_PARAMS[kind]);
  const raw = params.get(HIDE_KEY) ?? "";
  const names = raw
    .split(",")
    .map((name) => name.trim())
    .filter((name) => known.includes(name));
  return [...new Set(names)];
}

/**
 * Writes a widget's state into `params` (a copy is returned), dropping values equal to the default so an
 * untouched page keeps a clean URL. Other widgets' keys and `hide` are kept.
 */
export function withWidgetState(kind: WidgetKind, state: AnyWidgetState, params: URLSearchParams) {
  const next = new URLSearchParams(params);
  for (const [key, spec] of Object.entries(WIDGET_PARAMS[kind] as Record<string, ParamSpec>)) {
    const value = state[key];
    if (value === undefined || value === spec.default) next.delete(key);
    else next.set(key, formatParam(value));
  }
  return next;
}

/**
 * A link to one widget as an exercise: all of its values pinned (defaults included, so a later change of
 * default cannot alter a shared exercise), the chosen controls hidden, and an anchor that scrolls to it.
 */
export function exerciseUrl(
  pageUrl: string,
  kind: WidgetKind,
  state: AnyWidgetState,
  hidden: readonly string[],
  anchor: string,
): string {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = anchor;
  const specs = WIDGET_PARAMS[kind] as Record<string, ParamSpec>;
  for (const key of Object.keys(specs)) {
    const value = state[key];
    if (value !== undefined) url.searchParams.set(key, formatParam(value));
  }
  const known = hidden.filter((name) => name in specs);
  if (known.length > 0) url.searchParams.set(HIDE_KEY, known.join(","));
  return url.toString();
}
