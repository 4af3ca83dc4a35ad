import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import { CATS_VS_DOGS_FEATURES, catsVsDogs } from "./cats-vs-dogs";
import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { fitLikeSklearn } from "./fit-sklearn";
import { accuracy } from "./metrics";
import { circles, moons, xor } from "./toy-datasets";

function bestLinearAccuracy(data: Dataset): number {
  return accuracy(fitLikeSklearn(data, { C: 100 }).model, data);
}

function classCounts(data: Dataset): [number, number] {
  let ones = 0;
  for (const label of data.y) ones += label;
  return [data.n - ones, ones];
}

describe("datasets", () => {
  const makers = {
    seedBlobs: () => seedBlobs({ seed: 7, nPerClass: 40 }),
    catsVsDogs: () => catsVsDogs({ n: 80, seed: 7 }),
    circles: () => circles({ n: 80, seed: 7 }),
    moons: () => moons({ n: 80, seed: 7 }),
    xor: () => xor({ n: 80, seed: 7 }),
  };

  for (const [name, make] of Object.entries(makers)) {
    it(`${name} is deterministic for a seed, finite, labelled 0/1 and 2-dimensional`, () => {
      const a = make();
      expect(make()).toEqual(a);
      expect(a.d).toBe(2);
      expect(a.x.length).toBe(2 * a.n);
      expect(a.x.every(Number.isFinite)).toBe(true);
      expect(a.y.every((v) => v === 0 || v === 1)).toBe(true);
      expect(classCounts(a)[0]).toBeGreaterThan(0);
      expect(classCounts(a)[1]).toBeGreaterThan(0);
    });
  }

  it("catsVsDogs names its features with units and keeps them plausible", () => {
    const data = catsVsDogs({ n: 400, noise: 1, seed: 1 });
    expect(data.featureNames).toEqual(CATS_VS_DOGS_FEATURES);
    expect(classCounts(data)).toEqual([200, 200]);
    for (let i = 0; i < data.n; i++) {
      const mass = data.x[2 * i] as number;
      const ear = data.x[2 * i + 1] as number;
      expect(mass >= 1.5 && mass <= 40).toBe(true);
      expect(ear >= 3 && ear <= 18).toBe(true);
    }
  });

  it("catsVsDogs goes from separable at noise 0 to overlapping at noise 1", () => {
    expect(bestLinearAccuracy(catsVsDogs({ n: 200, noise: 0, seed: 2 }))).toBe(1);
    expect(bestLinearAccuracy(catsVsDogs({ n: 200, noise: 1, seed: 2 }))).toBeLessThan(0.97);
  });

  it("circles, moons and xor defeat a straight line", () => {
    expect(bestLinearAccuracy(circles({ n: 200, seed: 3 }))).toBeLessThan(0.7);
    expect(bestLinearAccuracy(xor({ n: 200, seed: 3 }))).toBeLessThan(0.7);
    expect(bestLinearAccuracy(moons({ n: 200, seed: 3 }))).toBeLessThan(0.95);
  });

  it("circles puts class 1 inside the ring", () => {
    const data = circles({ n: 100, noise: 0, seed: 0 });
    for (let i = 0; i < data.n; i++) {
      const r = Math.hypot(data.x[2 * i] as number, data.x[2 * i + 1] as number);
      expect(r).toBeCloseTo(data.y[i] === 1 ? 0.5 : 1, 12);
    }
  });

  it("rejects impossible sizes and noise levels", () => {
    expect(() => catsVsDogs({ n: 1 })).toThrow(CoreError);
    expect(() => catsVsDogs({ noise: 2 })).toThrow(CoreError);
    expect(() => circles({ n: 0 })).toThrow(CoreError);
    expect(() => moons({ noise: -1 })).toThrow(CoreError);
    expect(() => seedBlobs({ nPerClass: 2.5 })).toThrow(CoreError);
  });
});
