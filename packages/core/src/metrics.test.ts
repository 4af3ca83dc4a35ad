import { describe, expect, it } from "vitest";
import { createDataset } from "./dataset";
import { CoreError } from "./errors";
import { accuracy, confusionMatrix } from "./metrics";
import { predict, predictedLabel } from "./predict";

// z = x: points at −2, −1, 1, 2 are predicted 0, 0, 1, 1.
const data = createDataset([[-2], [-1], [1], [2]], [0, 1, 0, 1]);
const model = { w: [1], b: 0 };

describe("metrics", () => {
  it("predicts class 1 when p > threshold", () => {
    expect(Array.from(predict(model, data))).toEqual([0, 0, 1, 1]);
    expect(Array.from(predict(model, data, 0.9))).toEqual([0, 0, 0, 0]);
    expect(Array.from(predict(model, data, 0))).toEqual([1, 1, 1, 1]);
  });

  it("puts a point exactly on the boundary in class 0, as the lesson's ŷ > 0.5 and scikit-learn do", () => {
    // z = 0 ⇒ p = 0.5 exactly: "predict class 1 if ŷ > 0.5, else class 0" (sklearn: decision_function > 0).
    const onTheLine = createDataset([[0], [0]], [0, 1]);
    expect(Array.from(predict(model, onTheLine))).toEqual([0, 0]);
    expect(accuracy(model, onTheLine)).toBe(0.5);
    expect(predictedLabel(0.5)).toBe(0);
    expect(predictedLabel(0.5000000000000001)).toBe(1);
  });

  it("counts the confusion matrix with dogs (1) as positive", () => {
    expect(confusionMatrix(model, data)).toEqual({ tn: 1, fp: 1, fn: 1, tp: 1 });
    expect(accuracy(model, data)).toBe(0.5);
  });

  it("rejects a threshold outside [0, 1]", () => {
    expect(() => accuracy(model, data, 1.5)).toThrow(CoreError);
    expect(() => predict(model, data, Number.NaN)).toThrow(CoreError);
  });
});
