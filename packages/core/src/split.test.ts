import { describe, expect, it } from "vitest";
import { catsVsDogs } from "./cats-vs-dogs";
import { row } from "./dataset";
import { CoreError } from "./errors";
import { predictProba } from "./predict";
import { trainTestSplit } from "./split";
import { fitScaler, standardize, unscaleModel } from "./standardize";
import { expectClose } from "./test-support/close";

const data = catsVsDogs({ n: 100, noise: 0.5, seed: 4 });

describe("trainTestSplit", () => {
  it("partitions the rows, keeping each class's share in both parts", () => {
    const split = trainTestSplit(data, { testFraction: 0.2, seed: 1 });
    const all = [...split.trainIndices, ...split.testIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(split.test.n).toBe(20);
    expect(split.test.y.filter((v) => v === 1).length).toBe(10);
    expect(split.train.y.filter((v) => v === 1).length).toBe(40);
    split.testIndices.forEach((source, k) => {
      expect(row(split.test, k)).toEqual(row(data, source));
    });
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(trainTestSplit(data, { seed: 5 })).toEqual(trainTestSplit(data, { seed: 5 }));
    expect(trainTestSplit(data, { seed: 5 }).testIndices).not.toEqual(
      trainTestSplit(data, { seed: 6 }).testIndices,
    );
  });

  it("rejects fractions outside (0, 1)", () => {
    expect(() => trainTestSplit(data, { testFraction: 0 })).toThrow(CoreError);
    expect(() => trainTestSplit(data, { testFraction: 1 })).toThrow(CoreError);
  });
});

describe("standardize", () => {
  it("centres and scales the training set and applies the same scaler to the test set", () => {
    const { train, test } = trainTestSplit(data, { seed: 2 });
    const scaled = standardize(train, test);
    const refit = fitScaler(scaled.train);
    expectClose(refit.mean, [0, 0], { rtol: 0, atol: 1e-12 });
    expectClose(refit.std, [1, 1], { rtol: 1e-12 });
    const first = row(test, 0);
    expectClose(
      row(scaled.test as typeof test, 0),
      first.map((v, j) => (v - (scaled.scaler.mean[j] as number)) / (scaled.scaler.std[j] as number)),
      { rtol: 1e-15 },
    );
  });

  it("maps a model learnt on scaled data back to raw units with identical predictions", () => {
    const scaled = standardize(data);
    const model = { w: [1.5, -0.5], b: 0.2 };
    const raw = unscaleModel(model, scaled.scaler);
    expectClose(predictProba(raw, data), predictProba(model, scaled.train), { rtol: 1e-12 });
  });
});
