import { CoreError } from "./errors";
import type { Model } from "./model";

/** A plotting window in feature space (x = feature 1, y = feature 2). */
export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A line segment between two points of a {@link Box}. */
export interface Segment {
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/** The boundary w₁x₁ + w₂x₂ + b = 0 as a line: x₂ = slope·x₁ + intercept, or x₁ = x for a vertical one. */
export type BoundaryLine =
  | { kind: "line"; slope: number; intercept: number }
  | { kind: "vertical"; x: number }
  | { kind: "none" };

function assert2d(model: Model): [number, number] {
  if (model.w.length !== 2) {
    throw new CoreError("DIMENSION_MISMATCH", `a boundary needs 2 weights, the model has ${model.w.length}`);
  }
  return [model.w[0] as number, model.w[1] as number];
}

/**
 * The decision boundary of a 2-feature model: slope −w₁/w₂ and intercept −b/w₂; vertical at
 * x₁ = −b/w₁ when w₂ = 0; "none" when w = 0 (every point gets the same class) or not finite.
 */
export function boundaryLine(model: Model): BoundaryLine {
  const [w1, w2] = assert2d(model);
  const { b } = model;
  if (!Number.isFinite(w1) || !Number.isFinite(w2) || !Number.isFinite(b)) return { kind: "none" };
  if (w2 !== 0) return { kind: "line", slope: -w1 / w2, intercept: -b / w2 };
  if (w1 !== 0) return { kind: "vertical", x: -b / w1 };
  return { kind: "none" };
}

/**
 * The part of w₁x₁ + w₂x₂ + b = 0 inside `box`, as the segment between its two extreme crossings of
 * the box's edges; `null` when w = 0, when the line misses the box or only touches a corner.
 */
export function decisionBoundary(model: Model, box: Box): Segment | null {
  const [w1, w2] = assert2d(model);
  const { b } = model;
  const { xMin, xMax, yMin, yMax } = box;
  if (![xMin, xMax, yMin, yMax].every(Number.isFinite) || !(xMin < xMax && yMin < yMax)) {
    throw new CoreError("BAD_OPTION", `box ${JSON.stringify(box)} must be finite with min < max`);
  }
  if (!Number.isFinite(w1) || !Number.isFinite(w2) || !Number.isFinite(b)) return null;
  if (w1 === 0 && w2 === 0) return null;

  const points: { x: number; y: number }[] = [];
  // Solving along the axis with the larger coefficient keeps the division well conditioned.
  if (w2 !== 0) {
    for (const x of [xMin, xMax]) {
      const y = -(w1 * x + b) / w2;
      if (y >= yMin && y <= yMax) points.push({ x, y });
    }
  }
  if (w1 !== 0) {
    for (const y of [yMin, yMax]) {
      const x = -(w2 * y + b) / w1;
      if (x >= xMin && x <= xMax) points.push({ x, y });
    }
  }
  let best: Segment | null = null;
  let bestLength = 0;
  for (let i = 0; i < points.length; i++) {
    for (let k = i + 1; k < points.length; k++) {
      const p = points[i] as { x: number; y: number };
      const q = points[k] as { x: number; y: number };
      const length = Math.hypot(p.x - q.x, p.y - q.y);
      if (length > bestLength) {
        bestLength = length;
        best = { from: p, to: q };
      }
    }
  }
  // A line grazing one corner yields a zero-length "segment": nothing to draw.
  const scale = Math.hypot(xMax - xMin, yMax - yMin);
  return best !== null && bestLength > 1e-12 * scale ? best : null;
}
