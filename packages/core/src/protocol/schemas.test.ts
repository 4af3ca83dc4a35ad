import { describe, expect, it } from "vitest";
import {
  BoundarySchema,
  FeatureModelSchema,
  MISCONCEPTION_ALERTS,
  RealtimeClaimsSchema,
  StudentBoundarySchema,
} from "./schemas";

const boundary = { w: [1, -2], b: 0.5, iteration: 3 };
const standardisation = { mean: [4.5, 8], std: [3.1, 2.2] };

describe("BoundarySchema", () => {
  it("strips a client-sent loss and other unknown keys", () => {
    const parsed = BoundarySchema.parse({ ...boundary, loss: 0.0001, privateLoss: 0, standardisation });
    expect(parsed).toEqual({ ...boundary, standardisation });
  });

  it("accepts a missing or null standardisation", () => {
    expect(BoundarySchema.parse(boundary)).toEqual(boundary);
    expect(BoundarySchema.parse({ ...boundary, standardisation: null }).standardisation).toBeNull();
  });

  it.each([
    ["a zero std", { mean: [0, 0], std: [0, 1] }],
    ["a negative std", { mean: [0, 0], std: [1, -1] }],
    ["a NaN mean", { mean: [Number.NaN, 0], std: [1, 1] }],
    ["an infinite std", { mean: [0, 0], std: [1, Number.POSITIVE_INFINITY] }],
    ["an absurd mean", { mean: [1e300, 0], std: [1, 1] }],
    ["three features", { mean: [0, 0, 0], std: [1, 1, 1] }],
    ["a string", { mean: ["0", 0], std: [1, 1] }],
  ])("refuses a standardisation with %s", (_label, bad) => {
    expect(BoundarySchema.safeParse({ ...boundary, standardisation: bad }).success).toBe(false);
  });

  it("carries the student's training settings for their card, and refuses nonsense ones", () => {
    const settings = { mode: "trained", learningRate: 0.1, iterations: 500, l2: 0, standardise: true };
    expect(BoundarySchema.parse({ ...boundary, settings }).settings).toEqual(settings);
    expect(BoundarySchema.parse({ ...boundary, settings: { mode: "manual" } }).settings).toEqual({
      mode: "manual",
    });
    for (const bad of [
      { mode: "cheating" },
      { mode: "trained", learningRate: Number.NaN },
      { mode: "trained", learningRate: -1 },
      { mode: "trained", iterations: 2.5 },
      { mode: "trained", l2: 1e9 },
      "fast",
    ]) {
      expect(BoundarySchema.safeParse({ ...boundary, settings: bad }).success).toBe(false);
    }
  });
});

describe("models with feature crosses", () => {
  const crossed = {
    w: [1, -2, 0.5, 0.5, -0.1],
    b: 0.5,
    iteration: 3,
    features: ["x1", "x2", "x1^2", "x2^2", "x1x2"],
  };
  const messageOf = (payload: unknown) => {
    const parsed = BoundarySchema.safeParse(payload);
    return parsed.success ? "accepted" : parsed.error.issues.map((issue) => issue.message).join("; ");
  };

  it("carries the features with one weight each, and a standardisation of the same length", () => {
    expect(BoundarySchema.parse(crossed)).toEqual(crossed);
    const standardisation = { mean: [0, 0, 1, 1, 0], std: [1, 1, 2, 2, 1] };
    expect(BoundarySchema.parse({ ...crossed, standardisation }).standardisation).toEqual(standardisation);
    expect(BoundarySchema.parse({ w: [3], b: 1, iteration: 0, features: ["x1x2"] }).features).toEqual([
      "x1x2",
    ]);
  });

  it("still reads a two-weight payload without features as x₁, x₂", () => {
    expect(BoundarySchema.parse(boundary)).not.toHaveProperty("features");
    expect(messageOf({ ...boundary, w: [1, 2, 3] })).toBe("expected 2 weights (one per feature), got 3");
  });

  it.each([
    [
      "an unknown feature",
      { ...crossed, features: ["x1", "x2", "x1^2", "x2^2", "sin(x1)"] },
      /Invalid option/,
    ],
    ["a repeated feature", { ...crossed, w: [1, 1], features: ["x1", "x1"] }, /distinct and in the order/],
    ["features out of order", { ...crossed, w: [1, 1], features: ["x2", "x1"] }, /distinct and in the order/],
    ["no features", { ...crossed, w: [], features: [] }, /Too small/],
    ["six weights", { ...crossed, w: [1, 1, 1, 1, 1, 1] }, /Too big/],
    ["too few weights", { ...crossed, w: [1, 1] }, /expected 5 weights \(one per feature\), got 2/],
    ["a NaN weight", { ...crossed, w: [1, 1, Number.NaN, 1, 1] }, /expected number, received NaN/],
    ["a huge weight", { ...crossed, w: [1, 1, 1e300, 1, 1] }, /Too big/],
    ["a string weight", { ...crossed, w: [1, 1, "1", 1, 1] }, /expected number/],
    [
      "a standardisation for two features",
      { ...crossed, standardisation: { mean: [0, 0], std: [1, 1] } },
      /one mean and one std per feature \(5\)/,
    ],
    ["features that aren't a list", { ...crossed, features: "x1,x2" }, /expected array/],
  ])("refuses %s with a readable reason", (_label, payload, reason) => {
    expect(messageOf(payload)).toMatch(reason);
  });

  it("validates a bare model (for picks) the same way", () => {
    expect(FeatureModelSchema.parse({ w: [1, 2, 3], b: 0, features: ["x1", "x2", "x1x2"] })).toEqual({
      w: [1, 2, 3],
      b: 0,
      features: ["x1", "x2", "x1x2"],
    });
    expect(FeatureModelSchema.safeParse({ w: [1, 2, 3], b: 0 }).success).toBe(false);
  });
});

describe("claims", () => {
  it("take an optional challengeId for both roles", () => {
    const exp = 1;
    expect(
      RealtimeClaimsSchema.parse({ role: "teacher", classroomId: "c", challengeId: "x", exp }),
    ).toMatchObject({ challengeId: "x" });
    expect(
      RealtimeClaimsSchema.parse({ role: "student", classroomId: "c", studentId: "s", nickname: "Ada", exp }),
    ).not.toHaveProperty("challengeId");
    expect(
      RealtimeClaimsSchema.safeParse({ role: "teacher", classroomId: "c", challengeId: "", exp }).success,
    ).toBe(false);
  });
});

describe("StudentBoundarySchema", () => {
  it("carries alerts from the closed list only", () => {
    const base = {
      studentId: "s",
      nickname: "Ada",
      w: [1, 1],
      b: 0,
      features: ["x1", "x2"],
      iteration: 1,
      loss: 0.3,
      updatedAt: 1,
    };
    expect(StudentBoundarySchema.safeParse({ ...base, alerts: [...MISCONCEPTION_ALERTS] }).success).toBe(
      true,
    );
    expect(StudentBoundarySchema.safeParse({ ...base, alerts: ["bored"] }).success).toBe(false);
  });
});
