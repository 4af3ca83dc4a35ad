import { expect } from "vitest";

/** |actual − expected| ≤ atol + rtol·|expected| (numpy's `isclose`, without its default tolerances). */
export function isClose(actual: number, expected: number, rtol: number, atol = 0): boolean {
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

/**
 * Asserts element-wise relative closeness with an explicit tolerance, naming the first bad index.
 * Used instead of `toBeCloseTo`, whose second argument counts decimal digits.
 */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tolerance: { rtol: number; atol?: number },
): void {
  const a = typeof actual === "number" ? [actual] : Array.from(actual);
  const e = typeof expected === "number" ? [expected] : Array.from(expected);
  expect(a.length, "length").toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const ai = a[i] as number;
    const ei = e[i] as number;
    if (!isClose(ai, ei, tolerance.rtol, tolerance.atol ?? 0)) {
      const rel = Math.abs(ai - ei) / Math.abs(ei);
      expect.fail(`index ${i}: ${ai} vs expected ${ei} (relative error ${rel}, rtol ${tolerance.rtol})`);
    }
  }
}
