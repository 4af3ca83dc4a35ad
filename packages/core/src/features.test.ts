import { describe, expect, it } from "vitest";
import { createDataset } from "./dataset";
import { isCoreError } from "./errors";
import {
  allowedFeatures,
  canonicalFeatures,
  decisionAt,
  expandFeatures,
  FEATURE_CROSSES_CONTROL,
  FEATURES,
  featureListProblem,
  featureRefusal,
  featureValue,
  isLinear,
  LINEAR_FEATURES,
  quadraticOf,
} from "./features";

describe("the feature map φ", () => {
  it("computes x₁, x₂, x₁², x₂² and x₁x₂ of a point (hand-computed)", () => {
    expect(FEATURES.map((feature) => featureValue(feature, 2, -3))).toEqual([2, -3, 4, 9, -6]);
    expect(FEATURES.map((feature) => featureValue(feature, 0.5, 0.25))).toEqual([
      0.5, 0.25, 0.25, 0.0625, 0.125,
    ]);
  });

  it("expands a data set row by row in the order asked, copying labels and leaving the input alone", () => {
    const data = createDataset(
      [
        [1, 2],
        [-3, 0.5],
      ],
      [0, 1],
    );
    const before = Array.from(data.x);
    const expanded = expandFeatures(data, ["x1", "x2^2", "x1x2"]);
    expect(Array.from(expanded.x)).toEqual([1, 4, 2, -3, 0.25, -1.5]);
    expect(expanded).toMatchObject({ n: 2, d: 3, featureNames: ["x1", "x2^2", "x1x2"] });
    expect(Array.from(expanded.y)).toEqual([0, 1]);
    expect(expanded.y).not.toBe(data.y);
    expect(Array.from(data.x)).toEqual(before);
  });

  it("refuses to expand data that isn't the raw two coordinates", () => {
    const threeD = createDataset([[1, 2, 3]], [1]);
    let error: unknown;
    try {
      expandFeatures(threeD, LINEAR_FEATURES);
    } catch (caught) {
      error = caught;
    }
    expect(isCoreError(error, "DIMENSION_MISMATCH")).toBe(true);
  });
});

describe("feature lists", () => {
  it.each([[["x1", "x2"]], [["x1", "x2", "x1^2", "x2^2", "x1x2"]], [["x2^2"]], [["x1", "x1x2"]]])(
    "accepts the canonical list %j",
    (features) => {
      expect(featureListProblem(features)).toBeNull();
    },
  );

  it.each([
    [[], "at least one feature"],
    [["x1", "x3"], 'unknown feature "x3"'],
    [["x1", "x1"], "distinct and in the order"],
    [["x2", "x1"], "distinct and in the order"],
    [["x1^2", "x1"], "distinct and in the order"],
    [[1, 2], "unknown feature 1"],
  ])("refuses %j with a reason", (features, reason) => {
    expect(featureListProblem(features)).toContain(reason);
  });

  it("turns any set of checkboxes into the one canonical spelling", () => {
    expect(canonicalFeatures(["x1x2", "x1", "x2^2", "x1", "x2"])).toEqual(["x1", "x2", "x2^2", "x1x2"]);
  });

  it("knows straight models, and which features a challenge's controls allow", () => {
    expect(isLinear(["x1", "x2"])).toBe(true);
    expect(isLinear(["x2"])).toBe(true);
    expect(isLinear(["x1", "x2", "x1^2"])).toBe(false);
    expect(allowedFeatures(["learningRate"])).toEqual(LINEAR_FEATURES);
    expect(allowedFeatures(["learningRate", FEATURE_CROSSES_CONTROL])).toEqual(FEATURES);
    expect(featureRefusal(["x1", "x2", "x1^2", "x1x2"], LINEAR_FEATURES, "this challenge")).toBe(
      "x₁², x₁x₂ aren't allowed in this challenge: use x₁, x₂",
    );
    expect(featureRefusal(["x1", "x1x2"], LINEAR_FEATURES, "free practice")).toBe(
      "x₁x₂ isn't allowed in free practice: use x₁, x₂",
    );
    expect(featureRefusal(["x1", "x2", "x1x2"], FEATURES, "this challenge")).toBeNull();
  });
});

describe("a feature model as a function of the plane", () => {
  it("evaluates z = w·φ(x) + b (hand-computed)", () => {
    const model = { w: [0.5, -1, 2], b: 1, features: ["x1", "x1^2", "x1x2"] as const };
    // 0.5·2 − 1·4 + 2·(2·−3) + 1 = 1 − 4 − 12 + 1
    expect(decisionAt(model)(2, -3)).toBe(-14);
    expect(quadraticOf(model)).toEqual({ x1: 0.5, x2: 0, "x1^2": -1, "x2^2": 0, x1x2: 2, b: 1 });
  });

  it("gives a straight model exactly the value it always had", () => {
    const z = decisionAt({ w: [0.31, 0.72], b: -9.4, features: LINEAR_FEATURES });
    for (const [x1, x2] of [
      [3.3, 7.1],
      [-0.1, 1e-3],
      [12.5, -4.75],
    ] as const) {
      expect(z(x1, x2)).toBe(x1 * 0.31 + x2 * 0.72 + -9.4);
    }
  });

  it("refuses weights that don't pair up with the features", () => {
    let error: unknown;
    try {
      decisionAt({ w: [1, 2, 3], b: 0, features: LINEAR_FEATURES });
    } catch (caught) {
      error = caught;
    }
    expect(isCoreError(error, "DIMENSION_MISMATCH")).toBe(true);
    expect((error as Error).message).toBe("the model has 3 weights for 2 features");
  });
});
