import { describe, expect, it } from "vitest";
import { type Box, decisionBoundary } from "./boundary";
import { type BoundaryPath, boundaryPaths } from "./boundary-curve";
import { isCoreError } from "./errors";
import type { FeatureName } from "./features";

const box: Box = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
const squares: FeatureName[] = ["x1^2", "x2^2"];
const onEdge = (point: { x: number; y: number }) =>
  [point.x - box.xMin, box.xMax - point.x, point.y - box.yMin, box.yMax - point.y].some(
    (gap) => Math.abs(gap) < 1e-9,
  );
const closed = (path: BoundaryPath) => {
  const [first, last] = [path[0], path[path.length - 1]];
  return first !== undefined && last !== undefined && first.x === last.x && first.y === last.y;
};

describe("boundaryPaths", () => {
  it("draws a straight model as exactly its segment", () => {
    const model = { w: [0.5, -2], b: 1 };
    const segment = decisionBoundary(model, box);
    if (!segment) throw new Error("the line crosses the box");
    expect(boundaryPaths({ ...model, features: ["x1", "x2"] }, box)).toEqual([[segment.from, segment.to]]);
    // A cross with a zero weight changes nothing: still the exact line.
    expect(boundaryPaths({ w: [0.5, -2, 0], b: 1, features: ["x1", "x2", "x1x2"] }, box)).toEqual([
      [segment.from, segment.to],
    ]);
  });

  it("traces x₁² + x₂² = 4 as one closed loop on the circle of radius 2", () => {
    const paths = boundaryPaths({ w: [1, 1], b: -4, features: squares }, box);
    expect(paths).toHaveLength(1);
    const [loop = []] = paths;
    expect(closed(loop)).toBe(true);
    expect(loop.length).toBeGreaterThan(60);
    for (const { x, y } of loop) expect(Math.abs(Math.hypot(x, y) - 2)).toBeLessThan(0.01);
    // It goes all the way round, with no gap wider than a grid cell (under 9°).
    const angles = loop.map(({ x, y }) => Math.atan2(y, x)).sort((a, b) => a - b);
    const gaps = angles.slice(1).map((angle, k) => angle - (angles[k] as number));
    gaps.push(2 * Math.PI - ((angles.at(-1) as number) - (angles[0] as number)));
    expect(Math.max(...gaps)).toBeLessThan(0.15);
  });

  it("traces the hyperbola x₁x₂ = 1 as its two branches, each ending on the box's edge", () => {
    const paths = boundaryPaths({ w: [1], b: -1, features: ["x1x2"] }, box);
    expect(paths).toHaveLength(2);
    for (const branch of paths) {
      expect(closed(branch)).toBe(false);
      expect(onEdge(branch[0] as { x: number; y: number })).toBe(true);
      expect(onEdge(branch[branch.length - 1] as { x: number; y: number })).toBe(true);
      for (const { x, y } of branch)
        expect(Math.abs(x * y - 1)).toBeLessThan(0.05 * Math.max(1, Math.abs(x), Math.abs(y)));
    }
    expect(new Set(paths.map((branch) => Math.sign((branch[0] as { x: number }).x)))).toEqual(
      new Set([1, -1]),
    );
  });

  it("cuts a circle that leaves the box into an open arc ending on the edge", () => {
    // (x₁ − 4)² + x₂² = 4: centre on the right, half of it outside the box.
    const paths = boundaryPaths({ w: [-8, 1, 1], b: 12, features: ["x1", "x1^2", "x2^2"] }, box);
    expect(paths).toHaveLength(1);
    const [arc = []] = paths;
    expect(closed(arc)).toBe(false);
    expect(onEdge(arc[0] as { x: number; y: number }) && onEdge(arc.at(-1) as { x: number; y: number })).toBe(
      true,
    );
    for (const { x, y } of arc) expect(Math.abs(Math.hypot(x - 4, y) - 2)).toBeLessThan(0.01);
  });

  it("resolves the saddle of x₁² − x₂² = 0 into the two diagonals", () => {
    const paths = boundaryPaths({ w: [1, -1], b: 0, features: squares }, box, 33);
    expect(paths.length).toBeGreaterThanOrEqual(2);
    for (const { x, y } of paths.flat()) expect(Math.abs(Math.abs(x) - Math.abs(y))).toBeLessThan(0.2);
  });

  it("is empty when the boundary misses the box or the model isn't finite", () => {
    expect(boundaryPaths({ w: [1, 1], b: 1, features: squares }, box)).toEqual([]);
    expect(boundaryPaths({ w: [1, 1], b: -1e4, features: squares }, box)).toEqual([]);
    expect(boundaryPaths({ w: [Number.NaN, 1], b: -4, features: squares }, box)).toEqual([]);
  });

  it("refuses a bad box, resolution or feature list", () => {
    const circle = { w: [1, 1], b: -4, features: squares };
    const codeOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isCoreError(error) ? error.code : "not a CoreError";
      }
      return "no error";
    };
    expect(codeOf(() => boundaryPaths(circle, { ...box, xMax: -6 }))).toBe("BAD_OPTION");
    expect(codeOf(() => boundaryPaths(circle, box, 1))).toBe("BAD_OPTION");
    expect(codeOf(() => boundaryPaths(circle, box, 10_000))).toBe("BAD_OPTION");
    expect(codeOf(() => boundaryPaths({ ...circle, features: ["x2^2", "x1^2"] }, box))).toBe("BAD_OPTION");
    expect(codeOf(() => boundaryPaths({ ...circle, w: [1] }, box))).toBe("DIMENSION_MISMATCH");
  });
});
