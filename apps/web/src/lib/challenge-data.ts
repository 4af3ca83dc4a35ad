import { allowedFeatures, type Box, type Dataset, datasetFromArrays, isLinear } from "@margin/core";
import type { LabelledPoint } from "@margin/ui/scatter-boundary-chart";

export interface PlainDataset {
  x: number[];
  y: number[];
  d: number;
  featureNames: string[];
}

/** Rebuilds the typed-array data set the server sent as JSON. */
export function toDataset(plain: PlainDataset): Dataset {
  return datasetFromArrays(
    Float64Array.from(plain.x),
    Float64Array.from(plain.y),
    plain.d,
    plain.featureNames,
  );
}

export function toPoints(data: Dataset): LabelledPoint[] {
  const points: LabelledPoint[] = [];
  for (let i = 0; i < data.n; i += 1) {
    points.push({
      x: data.x[i * data.d] ?? 0,
      y: data.x[i * data.d + 1] ?? 0,
      label: data.y[i] === 1 ? 1 : 0,
    });
  }
  return points;
}

/**
 * A plotting window around the data with 10% margin on each side, rounded outwards to whole units, or to
 * halves when the data spans less than 10 units (a ring of radius 1 should fill the chart, not a quarter).
 */
export function boxAround(data: Dataset): Box {
  let xMin = Number.POSITIVE_INFINITY;
  let xMax = Number.NEGATIVE_INFINITY;
  let yMin = Number.POSITIVE_INFINITY;
  let yMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < data.n; i += 1) {
    const x = data.x[i * data.d] ?? 0;
    const y = data.x[i * data.d + 1] ?? 0;
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  if (!Number.isFinite(xMin)) return { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
  const padX = (xMax - xMin || 1) * 0.1;
  const padY = (yMax - yMin || 1) * 0.1;
  const step = Math.max(xMax - xMin + 2 * padX, yMax - yMin + 2 * padY) < 10 ? 0.5 : 1;
  const down = (value: number) => Math.floor(value / step) * step;
  const up = (value: number) => Math.ceil(value / step) * step;
  return { xMin: down(xMin - padX), xMax: up(xMax + padX), yMin: down(yMin - padY), yMax: up(yMax + padY) };
}

export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export const ALERT_TEXT: Record<string, string> = {
  diverging: "Loss diverging: learning rate too high?",
  "stuck-at-chance": "Stuck near 0.693: predicting 0.5 everywhere",
  "confidently-wrong": "Confidently wrong on a point (p ≥ 0.99)",
  flipped: "Boundary flipped: predicting the wrong class",
};

/** Badge-sized versions for the leaderboard; the full sentence is the badge's title and screen-reader text. */
export const ALERT_SHORT: Record<string, string> = {
  diverging: "⚠ diverging",
  "stuck-at-chance": "⚠ stuck at 0.693",
  "confidently-wrong": "⚠ confidently wrong",
  flipped: "⚠ flipped",
};

const KIND_NAMES: Record<string, string> = {
  "cats-vs-dogs": "Cats vs dogs",
  blobs: "Two blobs",
  circles: "Ring around a disc",
  moons: "Two moons",
};

/** "Cats vs dogs · overlap 0.40 · 20% dogs · 5% of training labels flipped": what makes this data hard. */
export function describeDataset(
  kind: string,
  knobs: { noise: number; classBalance: number; labelFlips: number; outliers: number },
): string {
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  return [
    KIND_NAMES[kind] ?? kind,
    `overlap ${knobs.noise.toFixed(2)}`,
    knobs.classBalance === 0.5
      ? "balanced classes"
      : `${percent(knobs.classBalance)} ${kind === "cats-vs-dogs" ? "dogs" : "class 1"}`,
    knobs.labelFlips > 0 ? `${percent(knobs.labelFlips)} of training labels flipped` : null,
    knobs.outliers > 0 ? `${percent(knobs.outliers)} outliers in the training points` : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Below this the best possible model has (all but) separated the private points. */
const SEPARABLE_LOSS = 5e-4;

/**
 * "The best possible model scores 0.3120 on the private points.", saying when the points can be separated
 * perfectly, by a straight line or (with feature crosses allowed) by a curve.
 */
export function describeBestPossible(privateLoss: number, controls: readonly string[]): string {
  const start = `The best possible model scores ${privateLoss.toFixed(4)} on the private points`;
  if (privateLoss >= SEPARABLE_LOSS) return `${start}.`;
  const separator = isLinear(allowedFeatures(controls))
    ? "a straight line"
    : "a curve in the allowed features";
  return `${start}: ${separator} separates them perfectly.`;
}
