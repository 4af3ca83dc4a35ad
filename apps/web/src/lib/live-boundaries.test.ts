import type { StudentBoundary } from "@margin/core/protocol";
import { describe, expect, it } from "vitest";
import { BOUNDARY_COLORS } from "./format";
import { boundaryPathsById, mergeBoundaryBatch } from "./live-boundaries";

const boundary = (studentId: string, loss: number): StudentBoundary => ({
  studentId,
  nickname: studentId,
  w: [1, 1],
  b: 0,
  features: ["x1", "x2"],
  iteration: 1,
  loss,
  updatedAt: 0,
  alerts: [],
});

describe("mergeBoundaryBatch", () => {
  it("gives students colours in arrival order and keeps them, while the latest boundary replaces the last", () => {
    const withHistory = (b: StudentBoundary & { color: string }, before?: { history: number[] }) => ({
      ...b,
      history: [...(before?.history ?? []), b.loss],
    });
    const first = mergeBoundaryBatch(new Map(), [boundary("ada", 0.6), boundary("alan", 0.7)], withHistory);
    const second = mergeBoundaryBatch(first, [boundary("grace", 0.9), boundary("ada", 0.2)], withHistory);
    expect([...second.values()].map((s) => [s.studentId, s.color, s.loss, s.history])).toEqual([
      ["ada", BOUNDARY_COLORS[0], 0.2, [0.6, 0.2]],
      ["alan", BOUNDARY_COLORS[1], 0.7, [0.7]],
      ["grace", BOUNDARY_COLORS[2], 0.9, [0.9]],
    ]);
    // The earlier map is left as it was: React state is never mutated.
    expect(first.get("ada")?.loss).toBe(0.6);
  });
});

describe("boundaryPathsById", () => {
  it("draws a straight student as their segment and a student with x₁², x₂² as a closed curve", () => {
    const box = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
    const live = new Map([
      ["ada", boundary("ada", 0.5)],
      ["mei", { ...boundary("mei", 0.1), w: [-1, -1], b: 0.5625, features: ["x1^2", "x2^2"] as const }],
    ]) as Map<string, StudentBoundary>;
    const paths = boundaryPathsById(live, box);
    // w = (1, 1), b = 0: the diagonal x₂ = −x₁ from corner to corner.
    expect(paths.get("ada")).toEqual([
      [
        { x: -2, y: 2 },
        { x: 2, y: -2 },
      ],
    ]);
    const [circle = [], ...others] = paths.get("mei") ?? [];
    expect(others).toEqual([]);
    expect(circle[0]).toEqual(circle.at(-1));
    for (const { x, y } of circle) expect(Math.abs(Math.hypot(x, y) - 0.75)).toBeLessThan(0.01);
  });

  it("traces again only the students whose boundary changed, or everyone when the window changes", () => {
    const box = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
    const first = new Map([
      ["ada", boundary("ada", 0.5)],
      ["mei", boundary("mei", 0.4)],
    ]);
    const before = boundaryPathsById(first, box);
    const next = new Map(first).set("mei", { ...boundary("mei", 0.3), w: [1, -1] });
    const after = boundaryPathsById(next, box);
    expect(after.get("ada")).toBe(before.get("ada"));
    expect(after.get("mei")).not.toEqual(before.get("mei"));
    const wider = boundaryPathsById(next, { ...box, xMax: 3 });
    expect(wider.get("ada")).not.toBe(after.get("ada"));
  });
});
