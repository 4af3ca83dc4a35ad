import { describe, expect, it } from "vitest";
import {
  describeMovement,
  movementGlyph,
  movementLabel,
  podiumPlan,
  type RevealedRow,
  revealedAt,
} from "./podium";

const row = (nickname: string, publicRank: number | null, privateRank: number | null): RevealedRow => ({
  studentId: `id-${nickname}`,
  nickname,
  publicRank,
  privateRank,
  privateLoss: privateRank === null ? null : 0.1 * privateRank,
  usedPicks: false,
  gap: privateRank === null ? null : 0.1 * privateRank - 0.05,
});

describe("podiumPlan", () => {
  const board = [
    row("Mei", 3, 1),
    row("Ravi", 1, 2),
    row("Ada", 2, 3),
    row("Alan", 5, 4),
    row("Grace", 4, 5),
    row("Lin", null, null),
  ];

  it("puts the private top three on the podium with their movement from the public board", () => {
    const plan = podiumPlan(board);
    expect(plan.podium.map((s) => [s.nickname, s.rank, s.movement])).toEqual([
      ["Mei", 1, 2],
      ["Ravi", 2, -1],
      ["Ada", 3, -1],
    ]);
    expect(plan.podium[0]?.gap).toBeCloseTo(0.05, 12);
    expect(plan.rest.map((s) => [s.nickname, s.rank, s.movement])).toEqual([
      ["Alan", 4, 1],
      ["Grace", 5, -1],
    ]);
    expect(plan.unranked).toEqual(["Lin"]);
    expect(plan.steps).toBe(4);
  });

  it("reveals third, then second, then first, then the rest", () => {
    const plan = podiumPlan(board);
    const seen = [0, 1, 2, 3, 4, 9].map((step) => {
      const shown = revealedAt(plan, step);
      return [[...shown.ranks].sort(), shown.rest];
    });
    expect(seen).toEqual([
      [[], false],
      [[3], false],
      [[2, 3], false],
      [[1, 2, 3], false],
      [[1, 2, 3], true],
      [[1, 2, 3], true],
    ]);
  });

  it("needs no step for an empty rest, and starts from second place with two students", () => {
    const plan = podiumPlan([row("Mei", 2, 1), row("Ravi", 1, 2)]);
    expect(plan.steps).toBe(2);
    expect([...revealedAt(plan, 1).ranks]).toEqual([2]);
    expect(podiumPlan([]).steps).toBe(0);
  });

  it("says how a student moved", () => {
    expect([2, -1, 0, null].map((m) => [describeMovement(m), movementGlyph(m), movementLabel(m)])).toEqual([
      ["up 2", "▲ 2", "▲ up 2"],
      ["down 1", "▼ 1", "▼ down 1"],
      ["no change", "=", "= no change"],
      ["not on the public board", "new", "new on the board"],
    ]);
  });
});
