import { describe, expect, it } from "vitest";
import permutations from "./__fixtures__/numpy_permutation.json" with { type: "json" };
import heads from "./__fixtures__/numpy_randn_heads.json" with { type: "json" };
import { CoreError } from "./errors";
import { RandomState } from "./random";

describe("RandomState", () => {
  for (const [seed, expected] of Object.entries(heads)) {
    it(`reproduces numpy's randn(12) after seed(${seed}) bit for bit`, () => {
      expect(Array.from(new RandomState(Number(seed)).randn(12))).toEqual(expected);
    });
  }

  for (const { seed, n, permutation, rand_after } of permutations.cases) {
    it(`reproduces numpy's permutation(${n}) and the rand() that follows after seed(${seed})`, () => {
      const rs = new RandomState(seed);
      expect(Array.from(rs.permutation(n))).toEqual(permutation);
      expect(Array.from({ length: 5 }, () => rs.random())).toEqual(rand_after);
    });
  }

  it("returns the cached second polar value before drawing again", () => {
    const one = new RandomState(3);
    const pairs = [one.standardNormal(), one.standardNormal()];
    expect(Array.from(new RandomState(3).randn(2))).toEqual(pairs);
  });

  it("draws uniforms in [0, 1) and integers in [0, max]", () => {
    const rs = new RandomState(5);
    for (let k = 0; k < 10_000; k++) {
      const u = rs.random();
      expect(u >= 0 && u < 1).toBe(true);
      const j = rs.interval(6);
      expect(Number.isInteger(j) && j >= 0 && j <= 6).toBe(true);
    }
  });

  it("rejects seeds numpy would reject", () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => new RandomState(seed)).toThrow(CoreError);
    }
  });
});
