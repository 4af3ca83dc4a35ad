import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "./client";
import {
  challengeHeldOutSecret,
  challengeLeaderboard,
  createChallenge,
  endChallengesPastDeadline,
  extendChallenge,
  getChallenge,
  joinChallenge,
  listChallenges,
  listPicks,
  pickModel,
  recordModelUpdate,
  recordModelUpdates,
  unpickModel,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, challengeRace } from "./testing/fixtures";

const DURATION_S = 300;
const race = (db: Db, options: { players?: number; start?: boolean } = {}) =>
  challengeRace(db, { ...options, durationSeconds: DURATION_S });

/** Moves the clock that our code reads (`new Date()`, Date.now) to `at`; the database's own clock is not used. */
function travelTo(at: Date | number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

const update = (challengeId: string, studentId: string, publicLogLoss: number, scoredAt?: Date) => ({
  challengeId,
  studentId,
  model: { w: [1, 2], b: -publicLogLoss, standardisation: null },
  publicLogLoss,
  privateLogLoss: publicLogLoss + 0.05,
  scoredAt,
});

describe.each(targets)("the challenge clock and held-out secret on $name", (target) => {
  const t = useTestDatabase(target);
  afterEach(() => {
    vi.useRealTimers();
  });

  it("draws a 256-bit held-out secret per challenge and keeps it out of every Challenge it returns", async () => {
    const one = await race(t.db, { start: false });
    const other = await createChallenge(t.db, {
      actorId: one.teacher.id,
      classroomId: one.classroom.id,
      title: "Clock",
      dataset: one.challenge.dataset,
      controls: [],
      durationSeconds: DURATION_S,
    });
    const [secret, otherSecret] = await Promise.all([
      challengeHeldOutSecret(t.db, one.challenge.id),
      challengeHeldOutSecret(t.db, other.id),
    ]);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(otherSecret).toMatch(/^[0-9a-f]{64}$/);
    expect(otherSecret).not.toBe(secret);
    expect(await challengeHeldOutSecret(t.db, "no-such-challenge")).toBeUndefined();
    const everything = JSON.stringify([
      one.challenge,
      other,
      await getChallenge(t.db, other.id),
      await listChallenges(t.db, one.classroom.id),
      await one.go("live"),
    ]);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(otherSecret);
    expect(everything).not.toMatch(/heldOutSecret/);
  });

  it("sets the deadline on start, clears it on pause, restores the time left on resume and moves it on extend", async () => {
    const startedAt = Date.now();
    const { challenge, teacher, go } = await race(t.db);
    expect(challenge.deadlineAt?.getTime()).toBeGreaterThanOrEqual(startedAt + DURATION_S * 1000);
    expect(challenge.deadlineAt?.getTime()).toBeLessThanOrEqual(Date.now() + DURATION_S * 1000);

    travelTo(Date.now() + 100_000);
    const paused = await go("paused");
    expect(paused.deadlineAt).toBeNull();
    const left = DURATION_S * 1000 - paused.liveMsBeforePause;
    // A long pause eats none of the time left.
    travelTo(Date.now() + 3_600_000);
    const resumed = await go("live");
    expect(resumed.deadlineAt?.getTime()).toBe(Date.now() + left);
    const extended = await extendChallenge(t.db, {
      actorId: teacher.id,
      challengeId: challenge.id,
      seconds: 300,
    });
    expect(extended.deadlineAt?.getTime()).toBe(Date.now() + left + 300_000);
    expect(extended.durationSeconds).toBe(DURATION_S + 300);
  });

  it("ends a challenge at its deadline exactly once, however many processes race to end it", async () => {
    const { challenge } = await race(t.db);
    const deadline = challenge.deadlineAt as Date;
    expect(
      await endChallengesPastDeadline(t.db, { challengeId: challenge.id }, new Date(deadline.getTime() - 1)),
    ).toEqual([]);
    const later = new Date(deadline.getTime() + 60_000);
    const winners = (
      await Promise.all(Array.from({ length: 8 }, () => endChallengesPastDeadline(t.db, {}, later)))
    ).flat();
    expect(winners.filter((id) => id === challenge.id)).toHaveLength(1);
    const ended = await getChallenge(t.db, challenge.id);
    // It ended at its deadline, not when someone noticed: the full duration was played.
    expect(ended).toMatchObject({ status: "ended", endedAt: deadline, deadlineAt: null });
    expect(ended?.liveMsBeforePause).toBe(DURATION_S * 1000);
  });

  it("ends a challenge past its deadline when anyone reads it, and refuses to pause, resume or extend it", async () => {
    const { challenge, teacher, go } = await race(t.db);
    travelTo((challenge.deadlineAt as Date).getTime() + 1);
    await expect(
      extendChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, seconds: 60 }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION", message: expect.stringMatching(/has ended/) });
    await expect(go("paused")).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await getChallenge(t.db, challenge.id)).toMatchObject({
      status: "ended",
      endedAt: challenge.deadlineAt,
      durationSeconds: DURATION_S,
    });
    // "End and reveal" a moment after the clock did: the clock's end stands.
    expect(await go("ended")).toMatchObject({ status: "ended", endedAt: challenge.deadlineAt });

    const other = await race(t.db);
    travelTo((other.challenge.deadlineAt as Date).getTime() + 1);
    expect((await listChallenges(t.db, other.classroom.id))[0]).toMatchObject({ status: "ended" });
  });

  it("closes picks at the deadline, before the database says ended", async () => {
    const { challenge, students } = await race(t.db);
    const studentId = students[0]?.id ?? "";
    const pick = {
      challengeId: challenge.id,
      studentId,
      w: [1, 1],
      b: 0,
      publicLogLoss: 0.3,
      privateLogLoss: 0.4,
    };
    const kept = await pickModel(t.db, pick);
    travelTo((challenge.deadlineAt as Date).getTime());
    await expect(pickModel(t.db, pick)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The challenge has ended: picks are closed",
    });
    await expect(
      unpickModel(t.db, { challengeId: challenge.id, studentId, pickId: kept.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await listPicks(t.db, { challengeId: challenge.id, studentId })).toHaveLength(1);
    expect((await t.db.challenge.findUniqueOrThrow({ where: { id: challenge.id } })).status).toBe("live");
  });

  it("lets no newcomer join after the deadline", async () => {
    const { challenge, classroom } = await race(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode, "latecomer");
    travelTo((challenge.deadlineAt as Date).getTime() + 1);
    await expect(
      joinChallenge(t.db, { challengeId: challenge.id, studentId: student.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("counts a model scored before the end that is written after it, never one scored after", async () => {
    const { challenge, students, go } = await race(t.db, { players: 2 });
    const [ada = "", bob = ""] = students.map((student) => student.id);
    const beforeEnd = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const ended = await go("ended");
    const afterEnd = new Date((ended.endedAt as Date).getTime() + 1);
    // The write-behind buffer flushes after the end: one batch, one single write.
    expect(
      await recordModelUpdates(t.db, [
        update(challenge.id, ada, 0.3, beforeEnd),
        update(challenge.id, bob, 0.2, afterEnd),
      ]),
    ).toEqual([
      { ok: true, improved: true },
      { ok: false, code: "CONFLICT" },
    ]);
    await expect(recordModelUpdate(t.db, update(challenge.id, bob, 0.1, afterEnd))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await recordModelUpdate(t.db, update(challenge.id, bob, 0.25, beforeEnd))).toEqual({
      improved: true,
    });
    const board = await challengeLeaderboard(t.db, challenge.id);
    expect(board.map((entry) => [entry.studentId, entry.best?.publicLogLoss, entry.updateCount])).toEqual([
      [bob, 0.25, 1],
      [ada, 0.3, 1],
    ]);
    // The stored time is when the model was scored, not when the buffer wrote it.
    expect(board[1]?.best?.at).toEqual(beforeEnd);
  });
});
