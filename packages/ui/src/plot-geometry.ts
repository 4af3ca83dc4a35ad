import type { Box, Segment } from "@margin/core";

/** The rectangle recharts draws data into, in CSS pixels from the chart's top-left corner. */
export interface PlotArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PixelPoint {
  px: number;
  py: number;
}

/** Data coordinates → CSS pixels inside the chart (y grows upwards in data, downwards on screen). */
export function toPixel(box: Box, area: PlotArea, x: number, y: number): PixelPoint {
  return {
    px: area.x + ((x - box.xMin) / (box.xMax - box.xMin)) * area.width,
    py: area.y + ((box.yMax - y) / (box.yMax - box.yMin)) * area.height,
  };
}

export function sameArea(a: PlotArea | null, b: PlotArea | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** Shortest distance in pixels from a point to the segment [a, b]. */
export function distanceToSegment(point: PixelPoint, a: PixelPoint, b: PixelPoint): number {
  const dx = b.px - a.px;
  const dy = b.py - a.py;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.min(1, Math.max(0, ((point.px - a.px) * dx + (point.py - a.py) * dy) / lengthSquared));
  return Math.hypot(point.px - (a.px + t * dx), point.py - (a.py + t * dy));
}

/** Points of the plane joined in order. */
export type DataPath = readonly { x: number; y: number }[];

export interface HitCandidate {
  id: string;
  segment: Segment | null;
  /** Sampled points of a curved boundary, joined in order. */
  points?: DataPath;
  /** The pieces of a curved boundary (a contour can have several, e.g. a hyperbola's two branches). */
  paths?: readonly DataPath[];
}

/** Every polyline of a candidate: its segment, its sampled points and its pieces. */
function pathsOf(candidate: HitCandidate): DataPath[] {
  const paths: DataPath[] = [...(candidate.paths ?? [])];
  if (candidate.segment) paths.push([candidate.segment.from, candidate.segment.to]);
  if (candidate.points) paths.push(candidate.points);
  return paths;
}

/**
 * The boundary nearest to the pointer, if any lies within `tolerancePx`. Used for hover and tap: a finger
 * is about 20 px wide, so callers pass a larger tolerance for touch than for a mouse.
 */
export function nearestBoundary(
  pointer: PixelPoint,
  candidates: readonly HitCandidate[],
  box: Box,
  area: PlotArea,
  tolerancePx: number,
): string | null {
  let best: string | null = null;
  let bestDistance = tolerancePx;
  for (const candidate of candidates) {
    for (const path of pathsOf(candidate)) {
      for (let index = 1; index < path.length; index++) {
        const from = path[index - 1];
        const to = path[index];
        if (!from || !to) continue;
        const distance = distanceToSegment(
          pointer,
          toPixel(box, area, from.x, from.y),
          toPixel(box, area, to.x, to.y),
        );
        if (distance <= bestDistance) {
          bestDistance = distance;
          best = candidate.id;
        }
      }
    }
  }
  return best;
}

/**
 * The smallest "round" number (1, 2, 2.5 or 5 times a power of ten) at or above `value`, so an axis ends on
 * a readable tick and only changes when the data outgrows it. Non-positive or non-finite input gives 1.
 */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    const candidate = step * magnitude;
    // Rounding guards against 0.30000000000000004-style overshoot leaving the value just above the step.
    if (candidate >= value * (1 - 1e-12)) return Number(candidate.toPrecision(12));
  }
  return 10 * magnitude;
}

/**
 * Evenly spaced round ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering [min, max], at most
 * `target` + 1 of them, so an axis over [−1.5, 1.5] reads −1.5, −1, −0.5, … rather than −1.1, −0.7, ….
 * Empty for a degenerate or non-finite range.
 */
export function niceTicks(min: number, max: number, target = 8): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min) || !(target >= 1)) return [];
  const step = niceCeiling((max - min) / target);
  const first = Math.ceil(min / step - 1e-9);
  const ticks: number[] = [];
  // `|| 0` turns −0 (from k = 0 with a negative first) into 0, which axes print without a sign.
  for (let k = first; k * step <= max + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)) || 0);
  return ticks;
}
