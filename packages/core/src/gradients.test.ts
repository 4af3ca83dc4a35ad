import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import { createDataset } from "./dataset";
import { gradients } from "./gradients";
import { l2Penalty, logLoss, mseLoss } from "./loss";
import type { Model } from "./model";
import { expectClose } from "./test-support/close";

const data = seedBlobs({ nPerClass: 20, seed: 3 });
// Small enough that no prediction reaches the ε clip, where the loss stops being differentiable and
// log(1 − p) turns into rounding noise that a finite difference would amplify.
const weight = fc.double({ min: -1, max: 1, noNaN: true });
const model = fc.record({ w: fc.tuple(weight, weight), b: weight });

function numericGradient(f: (m: Model) => number, m: Model): { dw: number[]; db: number } {
  const h = 1e-5;
  const dw = m.w.map((_, j) => {
    const plus = { w: m.w.map((v, k) => (k === j ? v + h : v)), b: m.b };
    const minus = { w: m.w.map((v, k) => (k === j ? v - h : v)), b: m.b };
    return (f(plus) - f(minus)) / (2 * h);
  });
  const db = (f({ w: m.w, b: m.b + h }) - f({ w: m.w, b: m.b - h })) / (2 * h);
  return { dw, db };
}

describe("gradients", () => {
  for (const loss of ["log", "mse"] as const) {
    for (const l2 of [0, 0.3]) {
      it(`equal finite differences of the ${loss} loss with l2 = ${l2}`, () => {
        const objective = (m: Model) =>
          (loss === "log" ? logLoss(m, data) : mseLoss(m, data)) + l2Penalty(m, l2);
        fc.assert(
          fc.property(model, (m) => {
            const analytic = gradients(m, data, { loss, l2 });
            const numeric = numericGradient(objective, m);
            expectClose([...analytic.dw, analytic.db], [...numeric.dw, numeric.db], {
              rtol: 1e-6,
              atol: 1e-8,
            });
          }),
          { numRuns: 50 },
        );
      });
    }
  }

  it("are the notebook's (1/n)·Xᵀ(p − y) and mean(p − y) at w = 0", () => {
    const small = createDataset(
      [
        [1, 2],
        [3, -1],
      ],
      [0, 1],
    );
    // p = ½ everywhere: residuals ½, −½.
    const g = gradients({ w: [0, 0], b: 0 }, small);
    expect(g).toEqual({ dw: [(0.5 * 1 - 0.5 * 3) / 2, (0.5 * 2 + 0.5 * 1) / 2], db: 0 });
  });

  it("leave the model and the data unchanged", () => {
    const m = { w: [0.5, -1], b: 0.25 };
    const x = data.x.slice();
    gradients(m, data, { l2: 1 });
    expect(m).toEqual({ w: [0.5, -1], b: 0.25 });
    expect(data.x).toEqual(x);
  });
});
