import { accuracy, createDataset, sigmoid } from "@margin/core";
import { describeLine } from "@margin/ui/widgets/boundary-explorer";
import { leastSquaresLine } from "@margin/ui/widgets/linear-vs-sigmoid";
import { exampleLoss } from "@margin/ui/widgets/per-example-loss";
import { ellipseBoundary, ringData, ringFeatures } from "@margin/ui/widgets/ring-features";
import { describe, expect, it } from "vitest";
import { lessonData } from "./lesson-data";

const close = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);

describe("the lesson widgets' numbers", () => {
  it("linear regression on the 0/1 labels gives the lesson's 1.7 and −3", () => {
    const points = lessonData().points.map((p) => ({ x: p.x, y: p.label }));
    const before = JSON.stringify(points);
    const { slope, intercept } = leastSquaresLine(points);
    close(slope * 6 + intercept, 1.7, 0.05);
    close(slope * -17.5 + intercept, -3, 0.1);
    expect(JSON.stringify(points)).toBe(before);
  });

  it("fits an exact line exactly and survives degenerate input", () => {
    expect(
      leastSquaresLine([
        { x: 0, y: 1 },
        { x: 2, y: 5 },
      ]),
    ).toEqual({ slope: 2, intercept: 1 });
    expect(leastSquaresLine([])).toEqual({ slope: 0, intercept: 0 });
    expect(
      leastSquaresLine([
        { x: 3, y: 1 },
        { x: 3, y: 0 },
      ]),
    ).toEqual({ slope: 0, intercept: 0.5 });
  });

  it("per-example loss gives the lesson's 0, 0.69 and 4.6", () => {
    close(exampleLoss(1, 1), 0, 1e-12);
    close(exampleLoss(1, 0.5), Math.LN2, 1e-12); // the lesson rounds it to 0.69
    close(exampleLoss(1, 0.01), 4.6052, 1e-4);
    close(exampleLoss(0, 0.99), 4.6052, 1e-4);
  });

  it("describes vertical and missing boundaries instead of dividing by zero", () => {
    expect(describeLine(1, -1, 0)).toBe("x₂ = 1.00·x₁ + 0.00");
    expect(describeLine(2, 0, -4)).toMatch(/^x₁ = 2\.00/);
    expect(describeLine(0, 0, 1)).toMatch(/^no boundary/);
  });

  it("ring data cannot be separated by a line but a circle does it", () => {
    const ring = ringData();
    expect(ring.points).toHaveLength(200);
    const squares = createDataset(ringFeatures(ring.rows, true), ring.labels);
    // x₁² + x₂² = 2.3² separates radius ≤ 1.6 from radius ≥ 3.
    expect(accuracy({ w: [0, 0, 1, 1], b: -(2.3 ** 2) }, squares)).toBe(1);
    expect(ringData()).toEqual(ring);
  });

  it("draws the ellipse of a squared-feature model where σ(z) = 0.5", () => {
    const model = { w: [0, 0, 1, 4], b: -4 };
    const outline = ellipseBoundary(model, 16);
    expect(outline).not.toBeNull();
    for (const { x, y } of outline ?? []) close(sigmoid(x * x + 4 * y * y - 4), 0.5, 1e-12);
    expect(ellipseBoundary({ w: [0, 0, 1, -1], b: -1 })).toBeNull();
    expect(ellipseBoundary({ w: [0, 0, 1, 1], b: 1 })).toBeNull();
  });
});
