import { describe, expect, it } from "vitest";
import { fromScratchOutput, numpyArray, pythonFloat, sklearnOutput } from "./notebook-output";

// Expected strings printed by numpy 2.4 / Python 3 for the reference numbers (numpy 1.24 and
// scikit-learn 1.2 on the lesson's data: w = [2.223316977360948, 1.823372789301316],
// b = −0.3127012420621861, loss 0.007311740915743808; sklearn coef [1.6263424439112946,
// 1.3060560733441817], intercept −0.3744669498121551).
describe("the notebook's printed output", () => {
  it("prints what the from-scratch listing prints", () => {
    expect(fromScratchOutput()).toBe(
      ["Final w: [2.22331698 1.82337279]", "Final b: -0.313", "Final loss: 0.0073", "Accuracy: 1.000"].join(
        "\n",
      ),
    );
  });

  it("prints the exact optimum of the scikit-learn listing's objective", () => {
    // The reference's lbfgs (tol=1e-12) stopped with a gradient of 2e-7 and prints [[1.62634244
    // 1.30605607]] [-0.37446695]; Newton's method, and numpy's own solve, reach a gradient of 1e-16 here.
    expect(sklearnOutput()).toBe(
      [
        "sklearn weights: [[1.62634246 1.30605609]]",
        "sklearn bias: [-0.37446682]",
        "sklearn accuracy: 1.0",
      ].join("\n"),
    );
  });

  it("formats arrays and floats like numpy and Python", () => {
    expect(numpyArray([1.5, 2.25])).toBe("[1.5  2.25]");
    expect(numpyArray([1, 2])).toBe("[1. 2.]");
    expect(numpyArray([-1.5, 2.25])).toBe("[-1.5   2.25]");
    expect(numpyArray([0.1, -12.25, 3])).toBe("[  0.1  -12.25   3.  ]");
    expect(pythonFloat(1)).toBe("1.0");
    expect(pythonFloat(0.25)).toBe("0.25");
  });
});
