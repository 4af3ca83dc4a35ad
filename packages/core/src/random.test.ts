import { describe, expect, it } from "vitest";
import keyed from "./__fixtures__/numpy_key_seeding.json" with { type: "json" };
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

  for (const { key, randn, permutation, rand_after } of keyed.cases) {
    it(`reproduces numpy's RandomState(key) for a ${key.length}-word key (init_by_array) bit for bit`, () => {
      const rs = new RandomState(key);
      expect(Array.from(rs.randn(6))).toEqual(randn);
      expect(Array.from(rs.permutation(20))).toEqual(permutation);
      expect(Array.from({ length: 3 }, () => rs.random())).toEqual(rand_after);
    });
  }

  it("leaves the key array it was seeded with untouched", () => {
    const key = [7, 8, 9];
    new RandomState(key).randn(3);
    expect(key).toEqual([7, 8, 9]);
  });

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
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN, [], [1, -1], [2 ** 32], [0.5]]) {
      expect(() => new RandomState(seed)).toThrow(CoreError);
    }
  });
});
