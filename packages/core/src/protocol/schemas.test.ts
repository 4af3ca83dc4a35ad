import { describe, expect, it } from "vitest";
import { BoundarySchema, MISCONCEPTION_ALERTS, RealtimeClaimsSchema, StudentBoundarySchema } from "./schemas";

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
    const base = { studentId: "s", nickname: "Ada", w: [1, 1], b: 0, iteration: 1, loss: 0.3, updatedAt: 1 };
    expect(StudentBoundarySchema.safeParse({ ...base, alerts: [...MISCONCEPTION_ALERTS] }).success).toBe(
      true,
    );
    expect(StudentBoundarySchema.safeParse({ ...base, alerts: ["bored"] }).success).toBe(false);
  });
});
