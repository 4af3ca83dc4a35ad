import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import { createDataset, datasetFromArrays } from "./dataset";
import { type CoreErrorCode, isCoreError } from "./errors";
import { logLoss } from "./loss";
import { predictProba } from "./predict";
import { MAX_ITERATIONS, trainGD } from "./train";

function codeOf(action: () => unknown): CoreErrorCode | "no error" | "not a CoreError" {
  try {
    action();
    return "no error";
  } catch (error) {
    return isCoreError(error) ? error.code : "not a CoreError";
  }
}

function messageOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

const rows = [
  [0, 1],
  [2, 3],
];

describe("bad input", () => {
  it("rejects empty data", () => {
    expect(codeOf(() => createDataset([], []))).toBe("EMPTY_DATA");
    expect(codeOf(() => createDataset([[]], [0]))).toBe("EMPTY_DATA");
    expect(codeOf(() => datasetFromArrays(new Float64Array(0), new Float64Array(0), 2))).toBe("EMPTY_DATA");
  });

  it("rejects mismatched lengths, naming the counts", () => {
    expect(codeOf(() => createDataset(rows, [0]))).toBe("LENGTH_MISMATCH");
    expect(messageOf(() => createDataset(rows, [0]))).toBe("X has 2 rows but y has 1 labels");
    expect(codeOf(() => createDataset([[0, 1], [2]], [0, 1]))).toBe("LENGTH_MISMATCH");
    expect(codeOf(() => createDataset(rows, [0, 1], ["only one name"]))).toBe("LENGTH_MISMATCH");
    expect(codeOf(() => datasetFromArrays(new Float64Array(5), new Float64Array(2), 2))).toBe(
      "LENGTH_MISMATCH",
    );
  });

  it("rejects NaN and ±Infinity in X or y, naming the position", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(
        codeOf(() =>
          createDataset(
            [
              [0, 1],
              [2, bad],
            ],
            [0, 1],
          ),
        ),
      ).toBe("NON_FINITE");
      expect(codeOf(() => createDataset(rows, [0, bad]))).toBe("NON_FINITE");
      expect(codeOf(() => datasetFromArrays(new Float64Array([0, bad]), new Float64Array([1]), 2))).toBe(
        "NON_FINITE",
      );
    }
    expect(
      messageOf(() =>
        createDataset(
          [
            [0, 1],
            [2, Number.NaN],
          ],
          [0, 1],
        ),
      ),
    ).toBe("X[1][1] is NaN");
  });

  it("rejects labels other than 0 and 1", () => {
    for (const label of [2, -1, 0.5, true as unknown as number]) {
      expect(codeOf(() => createDataset(rows, [0, label]))).toBe("BAD_LABEL");
    }
    expect(messageOf(() => createDataset(rows, [0, 2]))).toBe("label y[1] is 2, expected 0 or 1");
  });

  it("rejects non-positive or non-finite learning rates", () => {
    const data = seedBlobs();
    for (const learningRate of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(() => trainGD(data, { learningRate, iterations: 10 }))).toBe("BAD_LEARNING_RATE");
    }
  });

  it("rejects absurd iteration counts", () => {
    const data = seedBlobs();
    for (const iterations of [-1, 1.5, MAX_ITERATIONS + 1, 1e12, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(codeOf(() => trainGD(data, { learningRate: 0.1, iterations }))).toBe("BAD_ITERATIONS");
    }
    expect(messageOf(() => trainGD(data, { learningRate: 0.1, iterations: 1e12 }))).toMatch(
      /from 0 to 1000000/,
    );
  });

  it("rejects unknown losses, negative L2 and a bad progress interval", () => {
    const data = seedBlobs();
    const base = { learningRate: 0.1, iterations: 1 };
    expect(codeOf(() => trainGD(data, { ...base, loss: "hinge" as "log" }))).toBe("BAD_OPTION");
    expect(codeOf(() => trainGD(data, { ...base, l2: -1 }))).toBe("BAD_OPTION");
    expect(codeOf(() => trainGD(data, { ...base, progressEvery: 0 }))).toBe("BAD_OPTION");
  });

  it("rejects a model whose size does not match the data, or with non-finite parameters", () => {
    const data = seedBlobs();
    expect(codeOf(() => logLoss({ w: [1], b: 0 }, data))).toBe("DIMENSION_MISMATCH");
    expect(codeOf(() => predictProba({ w: [1, Number.NaN], b: 0 }, data))).toBe("NON_FINITE");
    expect(codeOf(() => trainGD(data, { learningRate: 0.1, iterations: 1, initial: { w: [0], b: 0 } }))).toBe(
      "DIMENSION_MISMATCH",
    );
  });

  it("copies its input, leaving the caller's arrays untouched", () => {
    const X = [
      [1, 2],
      [3, 4],
    ];
    const y = [0, 1];
    const data = createDataset(X, y);
    data.x[0] = 99;
    expect(X).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(y).toEqual([0, 1]);
  });
});
