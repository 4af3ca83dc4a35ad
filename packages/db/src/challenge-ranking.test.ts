import { describe, expect, it } from "vitest";
import type { Db } from "./client";
import {
  challengeAliases,
  finalStandings,
  pickModel,
  rankFinalStandings,
  recordModelUpdate,
  transitionChallenge,
  type UnrankedStanding,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { challengeRace } from "./testing/fixtures";

const row = (
  id: string,
  privateLogLoss: number | null,
  extra: Partial<UnrankedStanding> = {},
): UnrankedStanding => ({
  participantId: id,
  studentId: `student-of-${id}`,
  nickname: id,
  joinedAt: new Date(1000),
  privateLogLoss,
  publicLogLoss: privateLogLoss === null ? null : 0.3,
  bestPublicLogLoss: privateLogLoss === null ? null : 0.3,
  usedPicks: false,
  submittedAt: privateLogLoss === null ? null : new Date(5000),
  ...extra,
});

describe("rankFinalStandings", () => {
  it("ranks by private loss and breaks ties by public loss, then the earlier submission, join and id", () => {
    const ranked = rankFinalStandings([
      row("nobody", null),
      row("late", 0.2, { submittedAt: new Date(9000) }),
      row("b", 0.2),
      row("a", 0.2),
      row("sharper-public", 0.2, { publicLogLoss: 0.25 }),
      row("early-join", 0.2, { joinedAt: new Date(10) }),
      row("winner", 0.1),
    ]);
    expect(ranked.map((standing) => [standing.participantId, standing.rank])).toEqual([
      ["winner", 1],
      ["sharper-public", 2],
      ["early-join", 3],
      ["a", 4],
      ["b", 5],
      ["late", 6],
      ["nobody", null],
    ]);
  });

  it("gives the same order whatever order the rows come in", () => {
    const rows = [row("a", 0.2), row("b", 0.2), row("c", 0.1), row("d", null), row("e", null)];
    const order = rankFinalStandings(rows).map((standing) => standing.participantId);
    expect(rankFinalStandings([...rows].reverse()).map((standing) => standing.participantId)).toEqual(order);
  });
});

const race = (db: Db, players: number) =>
  challengeRace(db, { players }).then((setup) => ({ ...setup, students: setup.students.map((s) => s.id) }));

describe.each(targets)("the final board on $name", (target) => {
  const t = useTestDatabase(target);

  it("scores each participant by the better of their picks, else their best public model", async () => {
    const { challenge, students, teacher } = await race(t.db, 3);
    const [picker = "", plain = "", idle = ""] = students;
    const model = { w: [1, 1], b: 0, standardisation: null };
    await recordModelUpdate(t.db, {
      challengeId: challenge.id,
      studentId: picker,
      model,
      publicLogLoss: 0.1,
      privateLogLoss: 0.6,
    });
    const pick = { challengeId: challenge.id, studentId: picker, w: [1, 1], b: 0 };
    await pickModel(t.db, { ...pick, publicLogLoss: 0.2, privateLogLoss: 0.35 });
    await pickModel(t.db, { ...pick, publicLogLoss: 0.15, privateLogLoss: 0.4 });
    await recordModelUpdate(t.db, {
      challengeId: challenge.id,
      studentId: plain,
      model,
      publicLogLoss: 0.12,
      privateLogLoss: 0.3,
    });
    await transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: "ended" });
    const board = await finalStandings(t.db, challenge.id);
    expect(
      board.map((s) => [
        s.studentId,
        s.rank,
        s.privateLogLoss,
        s.publicLogLoss,
        s.bestPublicLogLoss,
        s.usedPicks,
      ]),
    ).toEqual([
      [plain, 1, 0.3, 0.12, 0.12, false],
      [picker, 2, 0.35, 0.2, 0.1, true],
      [idle, null, null, null, null, false],
    ]);
  });

  it("names participants Student 1, 2, … in joining order, the same on every read", async () => {
    const { challenge, students } = await race(t.db, 3);
    const aliases = await challengeAliases(t.db, challenge.id);
    expect(students.map((id) => aliases.get(id))).toEqual([
      { key: "student-1", name: "Student 1" },
      { key: "student-2", name: "Student 2" },
      { key: "student-3", name: "Student 3" },
    ]);
    expect(await challengeAliases(t.db, challenge.id)).toEqual(aliases);
  });
});
