import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expNonPositive } from "./fast-exp";
import { isClose } from "./test-support/close";

describe("expNonPositive", () => {
  it("agrees with Math.exp to 4e-16 relative over the whole non-positive range", () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 0, noNaN: true }), (x) => {
        expect(isClose(expNonPositive(x), Math.exp(x), 4e-16)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("is exact at 0 and vanishes far below the underflow threshold", () => {
    expect(expNonPositive(0)).toBe(1);
    expect(expNonPositive(-0)).toBe(1);
    expect(expNonPositive(-800)).toBe(0);
    expect(expNonPositive(Number.NEGATIVE_INFINITY)).toBe(0);
  });

  it("stays non-negative and monotone through the subnormal range", () => {
    let previous = expNonPositive(-700);
    for (let x = -700.5; x >= -760; x -= 0.5) {
      const value = expNonPositive(x);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(previous);
      previous = value;
    }
  });
});
