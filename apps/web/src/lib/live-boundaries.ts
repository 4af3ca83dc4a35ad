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

/** Traced boundaries by the scored boundary they came from: a batch replaces only its own students. */
const traced = new WeakMap<StudentBoundary, { box: Box; paths: BoundaryPath[] }>();

/**
 * Each student's boundary as pieces to stroke in `box`: the exact segment of a straight model, or the
 * contour w·φ(x) + b = 0 of one with feature crosses (about 0.1 ms each). A student whose boundary didn't
 * change since the last call (the same object, as `mergeBoundaryBatch` keeps it) is not traced again.
 */
export function boundaryPathsById(
  live: ReadonlyMap<string, StudentBoundary>,
  box: Box,
): Map<string, BoundaryPath[]> {
  const paths = new Map<string, BoundaryPath[]>();
  for (const [studentId, boundary] of live) {
    let entry = traced.get(boundary);
    if (entry?.box !== box) {
      entry = { box, paths: boundaryPaths(boundary, box) };
      traced.set(boundary, entry);
    }
    paths.set(studentId, entry.paths);
  }
  return paths;
}
