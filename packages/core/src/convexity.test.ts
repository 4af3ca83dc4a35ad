import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import { logLoss, mseLoss } from "./loss";
import type { Model } from "./model";

const data = seedBlobs();
// |w·x + b| stays below 34 here, so the ε clip (which flattens the loss, breaking convexity) never acts.
const weight = fc.double({ min: -1.5, max: 1.5, noNaN: true });
const model = fc.record({ w: fc.tuple(weight, weight), b: weight });

function midpoint(a: Model, c: Model): Model {
  return { w: a.w.map((v, j) => (v + (c.w[j] as number)) / 2), b: (a.b + c.b) / 2 };
}

function convexAlong(f: (m: Model) => number, a: Model, c: Model): boolean {
  // Rounding in log(1 − p) for confident predictions is far below this; MSE's violations are far above.
  const slack = 1e-9 * (1 + Math.abs(f(a)) + Math.abs(f(c)));
  return f(midpoint(a, c)) <= (f(a) + f(c)) / 2 + slack;
}

describe("loss landscapes", () => {
  it("log loss is convex along every random line: L(mid) ≤ average of the ends", () => {
    fc.assert(
      fc.property(model, model, (a, c) => convexAlong((m) => logLoss(m, data), a, c)),
      { numRuns: 300 },
    );
  });

  it("MSE composed with the sigmoid is not convex: fast-check finds a witness", () => {
    const result = fc.check(
      fc.property(model, model, (a, c) => convexAlong((m) => mseLoss(m, data), a, c)),
      { numRuns: 2000, seed: 42 },
    );
    expect(result.failed).toBe(true);
    const [a, c] = result.counterexample as [Model, Model];
    expect(mseLoss(midpoint(a, c), data)).toBeGreaterThan((mseLoss(a, data) + mseLoss(c, data)) / 2);
  });
});
