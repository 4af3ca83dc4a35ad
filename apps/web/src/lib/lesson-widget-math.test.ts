import { accuracy, createDataset, logLoss, seedBlobs, sigmoid, trainGD } from "@margin/core";
import { describeLine } from "@margin/ui/widgets/boundary-explorer";
import { leastSquaresLine } from "@margin/ui/widgets/linear-vs-sigmoid";
import {
  compareSlopes,
  oneWeightData,
  oneWeightMinima,
  oneWeightSlopes,
} from "@margin/ui/widgets/mse-vs-log-loss";
import { exampleLoss } from "@margin/ui/widgets/per-example-loss";
import { ellipseBoundary, ringData, ringFeatures } from "@margin/ui/widgets/ring-features";
import { describeRun } from "@margin/ui/widgets/train-from-scratch";
import { describe, expect, it } from "vitest";
import { kgCmData, lessonData } from "./lesson-data";
import { LEARNING_RATES, WIDGET_PARAMS } from "./lesson-url-state";

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

describe("MSE versus log loss: the read-out comes from the slopes", () => {
  const data = oneWeightData(lessonData().points);
  const verdictAt = (w: number) => {
    const slopes = oneWeightSlopes(data, w);
    return compareSlopes(slopes.mse, slopes.log).verdict;
  };

  it("finds MSE's minimum near w = 4.95 and log loss's near w = 6.38", () => {
    const minima = oneWeightMinima(data);
    close(minima.mse, 4.95, 0.01);
    close(minima.log, 6.38, 0.01);
  });

  it("says the slopes disagree at the 'Near log loss's best' preset, w = 6", () => {
    const slopes = oneWeightSlopes(data, 6);
    expect(slopes.mse).toBeGreaterThan(0); // MSE: downhill is towards a smaller w…
    expect(slopes.log).toBeLessThan(0); // …log loss: towards a larger one
    expect(verdictAt(6)).toBe("disagree");
  });

  it("says they disagree exactly between the two minima, at every slider position", () => {
    const { mse, log } = oneWeightMinima(data);
    for (let step = 0; step <= 180; step += 1) {
      const w = Number((-8 + step / 10).toFixed(1));
      const between = w > mse + 0.01 && w < log - 0.01;
      const outside = w < mse - 0.01 || w > log + 0.01;
      if (between) expect(verdictAt(w), `w = ${w}`).toBe("disagree");
      if (outside) expect(verdictAt(w), `w = ${w}`).not.toBe("disagree");
    }
  });

  it("calls the gradient vanishing only where the model is confidently wrong, not near MSE's minimum", () => {
    expect(verdictAt(-6)).toBe("vanishing");
    expect(verdictAt(-4)).toBe("vanishing");
    expect(verdictAt(4.9)).toBe("agree");
    expect(verdictAt(8)).toBe("agree");
    expect(compareSlopes(0, -1).verdict).toBe("flat");
  });
});

describe("the learning-rate widget", () => {
  const start = Math.LN2; // w = 0, b = 0 predicts 0.5 for every point
  /** The loss before training, then after each step: what the widget reads. */
  const lossesAt = (learningRate: number, data = kgCmData().data, iterations = 1000) => [
    logLoss({ w: [0, 0], b: 0 }, data),
    ...trainGD(data, { learningRate, iterations }).lossHistory,
  ];

  it("starts the kg and cm data at ln 2, like any data set", () => {
    close(logLoss({ w: [0, 0], b: 0 }, kgCmData().data), start, 1e-12);
  });

  it("diverges on the cats and dogs in kg and cm at the slider's top rates: the loss leaps above its start", () => {
    for (const rate of [1, 3]) {
      const losses = lossesAt(rate);
      const run = describeRun(losses);
      expect(run.verdict, `rate ${rate}`).toBe("diverging");
      expect(run.peak).toBeGreaterThan(10 * start);
      expect(run.rises).toBeGreaterThan(50);
      // A hundred steps in, it is still worse than not training at all.
      expect(losses[100]).toBeGreaterThan(start);
    }
  });

  it("converges on the same data at a sane rate: the loss falls at every step", () => {
    const losses = lossesAt(0.03);
    expect(describeRun(losses).verdict).toBe("falling");
    expect(losses[losses.length - 1]).toBeLessThan(0.4);
  });

  it("converges on the notebook's data even at 3, which is why the widget needs the kg and cm data", () => {
    expect(describeRun(lossesAt(3, seedBlobs())).verdict).toBe("falling");
    expect(describeRun(lossesAt(100, seedBlobs(), 200)).verdict).not.toBe("diverging");
  });

  it("offers the rates that diverge and the switch to the kg and cm data", () => {
    expect(LEARNING_RATES).toContain(1);
    expect(LEARNING_RATES).toContain(3);
    expect(LEARNING_RATES).toContain(0.03);
    expect(WIDGET_PARAMS["train-from-scratch"].kgcm).toMatchObject({ kind: "flag", default: false });
  });

  it("reads a run that never goes above its start but bumps as zig-zagging, and a NaN as diverging", () => {
    expect(describeRun([0.6, 0.5, 0.55, 0.4])).toEqual({ verdict: "zig-zagging", peak: 0.55, rises: 1 });
    expect(describeRun([0.6, Number.NaN]).verdict).toBe("diverging");
    // Rounding in the very first loss is no rise: only a later step above the start is.
    expect(describeRun([Math.LN2 + 1e-16, Math.LN2, 0.5]).verdict).toBe("falling");
  });
});
