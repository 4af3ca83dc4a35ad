import { describe, expect, it } from "vitest";
import { challengeDatasets } from "./challenge-data";
import { createDataset, type Dataset } from "./dataset";
import { gradients } from "./gradients";
import { logLoss } from "./loss";
import { baseRateModel, bestAchievableModel } from "./reference-models";
import { applyScaler, fitScaler, unscaleModel } from "./standardize";
import { circles } from "./toy-datasets";
import { trainGD } from "./train";

const SECRET = "0badc0ffee0ddf00d15ea5e5b01dface0badc0ffee0ddf00d15ea5e5b01dface";
const { train, privateTest } = challengeDatasets(
  {
    kind: "cats-vs-dogs",
    seed: 3,
    noise: 1,
    classBalance: 0.35,
    trainSize: 200,
    publicTestSize: 150,
    privateTestSize: 150,
  },
  SECRET,
);

describe("baseRateModel", () => {
  it("predicts the training share of class 1 everywhere", () => {
    const model = baseRateModel(train);
    const share = train.y.reduce((sum, label) => sum + label, 0) / train.n;
    expect(model.w).toEqual([0, 0]);
    expect(1 / (1 + Math.exp(-model.b))).toBeCloseTo(share, 12);
  });

  it("is the zero model on balanced data", () => {
    const balanced = createDataset([[1], [2], [3], [4]], [0, 1, 0, 1]);
    expect(baseRateModel(balanced)).toEqual({ w: [0], b: 0 });
  });

  it("stays finite when only one class is present", () => {
    const model = baseRateModel(createDataset([[1], [2]], [1, 1]));
    expect(Number.isFinite(model.b)).toBe(true);
  });
});

/** Max |∂L/∂θ| of the mean log loss (no penalty) at `model`. */
function slope(model: { w: readonly number[]; b: number }, data: Dataset): number {
  const { dw, db } = gradients(model, data);
  return Math.max(...dw.map(Math.abs), Math.abs(db));
}

describe("bestAchievableModel", () => {
  it("finds where the mean log loss is flat, on overlapping classes", () => {
    const best = bestAchievableModel(privateTest);
    // What is left is the negligible penalty (and rounding), in raw units (kg, cm).
    expect(slope(best.model, privateTest)).toBeLessThan(1e-6);
    expect(best.logLoss).toBe(logLoss(best.model, privateTest));
    expect(best.logLoss).toBeGreaterThan(0.05);
  });

  it("is a lower bound: gradient descent with any settings scores no lower on the same points", () => {
    const best = bestAchievableModel(privateTest).logLoss;
    const scaler = fitScaler(privateTest);
    const scaled = applyScaler(scaler, privateTest);
    for (const [learningRate, iterations, l2] of [
      [0.1, 500, 0],
      [1, 5000, 0],
      [3, 20_000, 0],
      [1, 5000, 0.01],
    ] as const) {
      const fitted = unscaleModel(trainGD(scaled, { learningRate, iterations, l2 }).model, scaler);
      expect(logLoss(fitted, privateTest)).toBeGreaterThanOrEqual(best - 1e-9);
    }
    // Long enough, plain gradient descent gets there too (to rounding).
    const converged = unscaleModel(trainGD(scaled, { learningRate: 3, iterations: 50_000 }).model, scaler);
    expect(logLoss(converged, privateTest) - best).toBeLessThan(1e-6);
  });

  it("approaches 0 on separable points", () => {
    const separable = createDataset(
      [
        [0, 0],
        [1, 0.5],
        [0.5, 1],
        [3, 3],
        [4, 3.5],
        [3.5, 4],
      ],
      [0, 0, 0, 1, 1, 1],
    );
    expect(bestAchievableModel(separable).logLoss).toBeLessThan(1e-4);
  });

  it("takes any feature set: with x₁², x₂² and x₁x₂ the ring becomes nearly solvable", () => {
    const ring = circles({ n: 300, noise: 0.1, seed: 4 });
    const crossed = createDataset(
      Array.from({ length: ring.n }, (_, i) => {
        const a = ring.x[2 * i] as number;
        const b = ring.x[2 * i + 1] as number;
        return [a, b, a * a, b * b, a * b];
      }),
      Array.from(ring.y),
    );
    const linear = bestAchievableModel(ring).logLoss;
    const curved = bestAchievableModel(crossed);
    expect(curved.model.w).toHaveLength(5);
    expect(linear).toBeGreaterThan(0.6);
    expect(curved.logLoss).toBeLessThan(0.1);
  });

  it("leaves its input untouched", () => {
    const copy = Float64Array.from(privateTest.x);
    bestAchievableModel(privateTest);
    expect(privateTest.x).toEqual(copy);
  });
});
