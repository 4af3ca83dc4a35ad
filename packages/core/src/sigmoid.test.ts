import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sigmoid, sigmoidDerivative } from "./sigmoid";

const anyDouble = fc.double({ noNaN: true });

describe("sigmoid", () => {
  it("is symmetric: σ(−z) = 1 − σ(z)", () => {
    fc.assert(
      fc.property(anyDouble, (z) => {
        expect(Math.abs(sigmoid(-z) - (1 - sigmoid(z)))).toBeLessThanOrEqual(2 ** -53);
      }),
    );
  });

  it("stays within [0, 1] and never returns NaN, for every double including ±∞", () => {
    fc.assert(
      fc.property(anyDouble, (z) => {
        const p = sigmoid(z);
        expect(p >= 0 && p <= 1).toBe(true);
      }),
    );
  });

  it("saturates where the naive formula overflows", () => {
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(-745)).toBeGreaterThan(0);
    expect(sigmoid(800)).toBe(1);
    expect(sigmoid(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(sigmoid(Number.POSITIVE_INFINITY)).toBe(1);
    expect(sigmoid(-Number.MAX_VALUE)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });

  it("matches the notebook's 1/(1 + e^−z) to 1e-15 relative wherever that does not overflow", () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (z) => {
        const naive = 1 / (1 + Math.exp(-z));
        expect(Math.abs(sigmoid(z) - naive)).toBeLessThanOrEqual(1e-15 * naive);
      }),
    );
  });

  it("has derivative σ(1 − σ), equal to a central difference", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
        const h = 1e-5;
        const numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        expect(Math.abs(sigmoidDerivative(z) - numeric)).toBeLessThanOrEqual(1e-9);
      }),
    );
    expect(sigmoidDerivative(0)).toBe(0.25);
  });
});
