import { type BoundaryPath, type Box, boundaryPaths } from "@margin/core";
import type { StudentBoundary } from "@margin/core/protocol";
import { BOUNDARY_COLORS } from "./format";

/** A student's latest boundary on a teacher's dashboard, in the colour they keep for the session. */
export type ColoredBoundary = StudentBoundary & { color: string };

/**
 * Folds one `boundaries:updated` batch into a dashboard's map (a new map; the old one is untouched). A
 * student keeps the colour they got when first seen, in arrival order, so lines don't change colour as
 * the race goes on; `extend` adds whatever else the page tracks about them (a loss history, presence).
 */
export function mergeBoundaryBatch<T extends ColoredBoundary>(
  previous: ReadonlyMap<string, T>,
  batch: readonly StudentBoundary[],
  extend: (boundary: ColoredBoundary, before: T | undefined) => T,
): Map<string, T> {
  const next = new Map(previous);
  for (const boundary of batch) {
    const before = next.get(boundary.studentId);
    const color = before?.color ?? BOUNDARY_COLORS[next.size % BOUNDARY_COLORS.length] ?? "#333";
    next.set(boundary.studentId, extend({ ...boundary, color }, before));
  }
  return next;
}

/**
 * Each student's boundary as pieces to stroke in `box`: the exact segment of a straight model, or the
 * contour w·φ(x) + b = 0 of one with feature crosses. Worth memoising per batch: a contour costs a few
 * thousand evaluations.
 */
export function boundaryPathsById(
  live: ReadonlyMap<string, StudentBoundary>,
  box: Box,
): Map<string, BoundaryPath[]> {
  const paths = new Map<string, BoundaryPath[]>();
  for (const [studentId, boundary] of live) paths.set(studentId, boundaryPaths(boundary, box));
  return paths;
}
