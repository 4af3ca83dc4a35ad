import { describe, expect, it } from "vitest";
import { type ChallengeDatasetSpec, challengeDatasets } from "./challenge-data";
import { createDataset } from "./dataset";
import { isCoreError } from "./errors";
import { expandFeatures, type FeatureName, LINEAR_FEATURES } from "./features";
import { logLoss } from "./loss";
import { accuracy } from "./metrics";
import { predictProba } from "./predict";
import { applyScaler, fitScaler } from "./standardize";
import { evaluateSubmission, scoreSubmission } from "./submission";
import { expectClose } from "./test-support/close";

const sizes = { trainSize: 200, publicTestSize: 150, privateTestSize: 150 };
const spec: ChallengeDatasetSpec = { kind: "cats-vs-dogs", seed: 42, noise: 0.4, ...sizes };
/** The held-out points' secret (any 256 bits will do here). */
const SECRET = "5e".repeat(32);

describe("scoreSubmission", () => {
  const { train, publicTest } = challengeDatasets(spec, SECRET);

  it("is bit for bit logLoss for a raw model", () => {
    const model = { w: [0.31, 0.72], b: -9.4 };
    expect(scoreSubmission(model, null, publicTest)).toBe(logLoss(model, publicTest));
  });

  it("scores a standardised model on raw data like logLoss on the standardised data", () => {
    const scaler = fitScaler(train);
    const model = { w: [1.7, 2.1], b: 0.2 };
    const viaScaledData = logLoss(model, applyScaler(scaler, publicTest));
    expectClose(scoreSubmission(model, scaler, publicTest), viaScaledData, { rtol: 1e-12 });
    const copy = Array.from(publicTest.x);
    scoreSubmission(model, scaler, publicTest);
    expect(Array.from(publicTest.x)).toEqual(copy);
  });

  it("scores a point on the boundary as class 0, the lesson's ŷ > 0.5 rule", () => {
    // w = 0, b = 0 puts every point on the boundary (p = 0.5): all predicted cats, so 2 of 3 are right.
    const twoCatsOneDog = createDataset(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [0, 0, 1],
    );
    expect(evaluateSubmission({ w: [0, 0], b: 0 }, null, twoCatsOneDog).accuracy).toBe(2 / 3);
  });

  it("counts accuracy and confidently wrong points like predict/predictProba", () => {
    const model = { w: [-3, -2], b: 40 }; // flipped and steep
    const evaluation = evaluateSubmission(model, null, publicTest);
    expect(evaluation.accuracy).toBe(accuracy(model, publicTest));
    const p = predictProba(model, publicTest);
    let wrong = 0;
    for (let i = 0; i < publicTest.n; i++) {
      const pTrue = publicTest.y[i] === 1 ? (p[i] as number) : 1 - (p[i] as number);
      if (pTrue <= 1 - 0.99) wrong += 1;
    }
    expect(evaluation.confidentlyWrong).toBe(wrong);
    expect(wrong).toBeGreaterThan(0);
    expect(evaluation.accuracy).toBeLessThan(0.5);
  });

  it.each([
    ["a zero std", { mean: [0, 0], std: [0, 1] }],
    ["a negative std", { mean: [0, 0], std: [1, -1] }],
    ["a NaN mean", { mean: [Number.NaN, 0], std: [1, 1] }],
    ["a short std", { mean: [0, 0], std: [1] }],
  ])("refuses a standardisation with %s", (_label, standardisation) => {
    expect(() => scoreSubmission({ w: [1, 1], b: 0 }, standardisation, publicTest)).toThrow(
      expect.objectContaining({ name: "CoreError" }),
    );
  });

  it("refuses a non-finite model", () => {
    let error: unknown;
    try {
      scoreSubmission({ w: [Number.POSITIVE_INFINITY, 1], b: 0 }, null, publicTest);
    } catch (caught) {
      error = caught;
    }
    expect(isCoreError(error, "NON_FINITE")).toBe(true);
  });
});

describe("scoring a model with feature crosses", () => {
  const rings = challengeDatasets({ ...spec, kind: "circles", noise: 0.05 }, SECRET);
  const features: FeatureName[] = ["x1", "x2", "x1^2", "x2^2", "x1x2"];

  it("computes φ itself: the loss of logLoss on the expanded held-out points", () => {
    const model = { w: [0.2, -0.1, -3, -2.5, 0.4], b: 1.4, features };
    const expected = logLoss(model, expandFeatures(rings.publicTest, features));
    expectClose(scoreSubmission(model, null, rings.publicTest), expected, { rtol: 1e-12 });
  });

  it("undoes a standardisation of the expanded features, fitted on the training points", () => {
    const scaler = fitScaler(expandFeatures(rings.train, features));
    const model = { w: [0.1, 0.3, -2, -2, 0.2], b: -0.5, features };
    const expected = logLoss(model, applyScaler(scaler, expandFeatures(rings.publicTest, features)));
    expectClose(scoreSubmission(model, scaler, rings.publicTest), expected, { rtol: 1e-10 });
  });

  it("scores x₁, x₂ spelt out exactly as a two-weight model without features", () => {
    const model = { w: [0.31, 0.72], b: -9.4 };
    const { publicTest } = challengeDatasets(spec, SECRET);
    expect(scoreSubmission({ ...model, features: LINEAR_FEATURES }, null, publicTest)).toBe(
      scoreSubmission(model, null, publicTest),
    );
  });

  it("separates the ring from the disc with x₁² and x₂², where no straight line can", () => {
    // Inner class (y = 1) on radius 0.5, outer (y = 0) on radius 1: the circle r = 0.75 between them.
    const circle = { w: [-10, -10], b: 10 * 0.75 ** 2, features: ["x1^2", "x2^2"] as FeatureName[] };
    expect(evaluateSubmission(circle, null, rings.privateTest).accuracy).toBeGreaterThanOrEqual(0.95);
    const line = { w: [1, 1], b: 0 };
    expect(evaluateSubmission(line, null, rings.privateTest).accuracy).toBeLessThan(0.7);
  });

  it.each([
    ["more weights than features", { w: [1, 2, 3], b: 0, features: LINEAR_FEATURES }, "DIMENSION_MISMATCH"],
    ["fewer weights than features", { w: [1], b: 0, features: ["x1", "x1^2"] }, "DIMENSION_MISMATCH"],
    ["an unknown feature", { w: [1, 1], b: 0, features: ["x1", "sin(x1)"] }, "BAD_OPTION"],
    ["features out of order", { w: [1, 1], b: 0, features: ["x1^2", "x1"] }, "BAD_OPTION"],
    ["a NaN weight", { w: [1, Number.NaN], b: 0, features: ["x1", "x1^2"] }, "NON_FINITE"],
  ])("refuses %s with a CoreError", (_label, model, code) => {
    let error: unknown;
    try {
      scoreSubmission(model as { w: number[]; b: number; features: FeatureName[] }, null, rings.publicTest);
    } catch (caught) {
      error = caught;
    }
    expect(isCoreError(error)).toBe(true);
    expect((error as { code: string }).code).toBe(code);
  });

  it("refuses a standardisation that doesn't have one mean and one std per feature", () => {
    const model = { w: [1, 1, 1], b: 0, features: ["x1", "x2", "x1^2"] as FeatureName[] };
    expect(() => scoreSubmission(model, { mean: [0, 0], std: [1, 1] }, rings.publicTest)).toThrow(
      "standardisation has 2/2 values for 3 features",
    );
  });
});
