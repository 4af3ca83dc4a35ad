import { createDataset } from "@margin/core";
import { describe, expect, it } from "vitest";
import { boxAround, describeBestPossible } from "./challenge-data";

describe("boxAround", () => {
  it("rounds a wide data set outwards to whole units, with a 10% margin", () => {
    const kilos = createDataset(
      [
        [2.2, 4.1],
        [31.5, 9.7],
      ],
      [0, 1],
    );
    // x: 2.2…31.5 ± 2.93 → [−1, 35]; y: 4.1…9.7 ± 0.56 → [3, 11]
    expect(boxAround(kilos)).toEqual({ xMin: -1, xMax: 35, yMin: 3, yMax: 11 });
  });

  it("rounds a small one (a ring of radius 1) to halves, so it fills the chart", () => {
    const ring = createDataset(
      [
        [-1.1, -1.05],
        [1.13, 1.16],
      ],
      [0, 1],
    );
    expect(boxAround(ring)).toEqual({ xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 });
  });
});

describe("describeBestPossible", () => {
  it("gives the best possible private loss, and says when a line or a curve separates the points", () => {
    expect(describeBestPossible(0.31204, ["learningRate"])).toBe(
      "The best possible model scores 0.3120 on the private points.",
    );
    expect(describeBestPossible(1e-6, ["learningRate"])).toBe(
      "The best possible model scores 0.0000 on the private points: a straight line separates them perfectly.",
    );
    expect(describeBestPossible(1e-6, ["featureCrosses"])).toBe(
      "The best possible model scores 0.0000 on the private points: a curve in the allowed features separates them perfectly.",
    );
  });
});
