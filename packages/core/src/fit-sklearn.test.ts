import { describe, expect, it } from "vitest";
import ref from "./__fixtures__/seed_notebook.json" with { type: "json" };
import { seedBlobs } from "./blobs";
import { CoreError } from "./errors";
import { fitLikeSklearn } from "./fit-sklearn";
import { gradients } from "./gradients";
import { expectClose } from "./test-support/close";

const data = seedBlobs();

describe("fitLikeSklearn", () => {
  it("matches scikit-learn's LogisticRegression(C=1) on the lesson's data to 1e-6", () => {
    const fit = fitLikeSklearn(data);
    expect(fit.converged).toBe(true);
    expectClose(fit.model.w, ref.sklearn_C1.coef, { rtol: 1e-6 });
    expectClose(fit.model.b, ref.sklearn_C1.intercept, { rtol: 1e-6 });
  });

  it("stops where ∇F = w + C·Σ(pᵢ − yᵢ)xᵢ vanishes to 1e-10", () => {
    for (const C of [0.01, 1, 100]) {
      const fit = fitLikeSklearn(data, { C });
      // gradients() is of the mean loss: scale by n to get the summed loss's gradient.
      const { dw, db } = gradients(fit.model, data);
      const full = [...dw.map((g, j) => C * data.n * g + (fit.model.w[j] as number)), C * data.n * db];
      expect(Math.max(...full.map(Math.abs))).toBeLessThan(1e-9 * Math.max(1, C));
      expect(fit.iterations).toBeLessThan(30);
    }
  });

  it("shrinks the weights as C falls", () => {
    const norms = [0.01, 0.1, 1, 10].map((C) => Math.hypot(...fitLikeSklearn(data, { C }).model.w));
    expect([...norms].sort((a, b) => a - b)).toEqual(norms);
  });

  it("rejects a non-positive C", () => {
    expect(() => fitLikeSklearn(data, { C: 0 })).toThrow(CoreError);
    expect(() => fitLikeSklearn(data, { C: Number.NaN })).toThrow(CoreError);
  });
});
