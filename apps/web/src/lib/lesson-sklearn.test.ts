import { fitLikeSklearn, seedBlobs, trainGD } from "@margin/core";
import { describe, expect, it } from "vitest";
import { sklearnEquivalent } from "./lesson-sklearn";

const close = (actual: number, expected: number, tolerance: number) =>
  expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);

describe("sklearnEquivalent", () => {
  const data = seedBlobs();
  const settings = sklearnEquivalent(data.n);
  const { model } = trainGD(data, settings);

  it("reaches scikit-learn's printed coefficients on the lesson's data", () => {
    close(model.w[0] ?? Number.NaN, 1.6263, 5e-5);
    close(model.w[1] ?? Number.NaN, 1.3061, 5e-5);
    close(model.b, -0.3745, 5e-5);
  });

  it("agrees with core's Newton solver for scikit-learn's objective", () => {
    const newton = fitLikeSklearn(data, { C: 1 }).model;
    close(model.w[0] ?? Number.NaN, newton.w[0] ?? Number.NaN, 1e-9);
    close(model.w[1] ?? Number.NaN, newton.w[1] ?? Number.NaN, 1e-9);
    close(model.b, newton.b, 1e-9);
  });

  it("scales the penalty with C and N", () => {
    expect(sklearnEquivalent(200, 0.5).l2).toBe(0.01);
  });
});
