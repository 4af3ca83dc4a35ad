import { describe, expect, it } from "vitest";
import { createDataset, datasetFromArrays, row, toRows } from "./dataset";

describe("Dataset", () => {
  it("stores rows row-major with default feature names", () => {
    const data = createDataset(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [0, 1, 1],
    );
    expect(data).toMatchObject({ n: 3, d: 2, featureNames: ["x1", "x2"] });
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(row(data, 1)).toEqual([3, 4]);
    expect(toRows(data)).toEqual({
      X: [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      y: [0, 1, 1],
    });
  });

  it("wraps transferred typed arrays without copying them", () => {
    const x = new Float64Array([1, 2, 3, 4]);
    const y = new Float64Array([0, 1]);
    const data = datasetFromArrays(x, y, 2, ["mass", "ear"]);
    expect(data.x).toBe(x);
    expect(data.y).toBe(y);
    expect(data.featureNames).toEqual(["mass", "ear"]);
  });
});
