import { describe, expect, it } from "vitest";
import type { Db } from "./client";
import {
  challengeLeaderboard,
  challengeRemainingMs,
  createChallenge,
  extendChallenge,
  finalStandings,
  getChallenge,
  joinChallenge,
  listChallengeSnapshots,
  listChallenges,
  recordModelUpdate,
  recordModelUpdates,
  transitionChallenge,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass } from "./testing/fixtures";

const dataset = {
  kind: "cats-dogs-2d",
  seed: 42,
  trainSize: 200,
  publicTestSize: 100,
  privateTestSize: 100,
  noise: 0.3,
};

async function liveChallenge(db: Db, players = 1) {
  const setup = await schoolWithClass(db);
  const challenge = await createChallenge(db, {
    actorId: setup.teacher.id,
    classroomId: setup.classroom.id,
    title: "Race",
    dataset,
    controls: ["learningRate", "iterations"],
    durationSeconds: 300,
  });
  const students = [];
  for (let i = 0; i < players; i++) {
    const { student } = await addStudent(db, setup.classroom.joinCode, `player${i}`);
    await joinChallenge(db, { challengeId: challenge.id, studentId: student.id });
    students.push(student);
  }
  await transitionChallenge(db, { actorId: setup.teacher.id, challengeId: challenge.id, to: "live" });
  return { ...setup, challenge, students };
}

const update = (challengeId: string, studentId: string, publicLogLoss: number, extra: object = {}) => ({
  challengeId,
  studentId,
  model: { w: [publicLogLoss, 1], b: -publicLogLoss, standardisation: { mean: [0, 1], std: [1, 2] } },
  publicLogLoss,
  privateLogLoss: publicLogLoss + 0.01,
  ...extra,
});

describe.each(targets)("challenges on $name", (target) => {
  const t = useTestDatabase(target);

  it("walks the lifecycle draft → live → paused → live → ended with timestamps", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const created = await createChallenge(t.db, {
      actorId: teacher.id,
      classroomId: classroom.id,
      title: "Lifecycle",
      dataset,
      controls: ["learningRate"],
      durationSeconds: 120,
    });
    expect(created).toMatchObject({ status: "draft", dataset, controls: ["learningRate"], startedAt: null });
    const go = (to: "live" | "paused" | "ended") =>
      transitionChallenge(t.db, { actorId: teacher.id, challengeId: created.id, to });
    const live = await go("live");
    expect(live.startedAt).toBeInstanceOf(Date);
    const paused = await go("paused");
    expect(paused.pausedAt).toBeInstanceOf(Date);
    expect(challengeRemainingMs(paused, new Date(Date.now() + 60_000))).toBe(
      120_000 - paused.liveMsBeforePause,
    );
    const resumed = await go("live");
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.startedAt?.getTime()).toBe(live.startedAt?.getTime());
    const ended = await go("ended");
    expect(ended.endedAt).toBeInstanceOf(Date);
    expect(ended.status).toBe("ended");
  });

  it("stores the data-set knobs, defaults them to clean balanced data, and refuses out-of-range ones", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const base = {
      actorId: teacher.id,
      classroomId: classroom.id,
      title: "Knobs",
      controls: [],
      durationSeconds: 60,
    };
    const plain = await createChallenge(t.db, { ...base, dataset });
    expect(plain.dataset).toMatchObject({ classBalance: 0.5, labelFlips: 0, outliers: 0 });
    const knobs = { classBalance: 0.2, labelFlips: 0.1, outliers: 0.05 };
    const noisy = await createChallenge(t.db, { ...base, dataset: { ...dataset, ...knobs } });
    expect((await getChallenge(t.db, noisy.id))?.dataset).toEqual({ ...dataset, ...knobs });
    for (const bad of [
      { classBalance: 0 },
      { labelFlips: 0.9 },
      { outliers: Number.NaN },
      { outliers: "0.1" },
    ]) {
      await expect(
        createChallenge(t.db, { ...base, dataset: { ...dataset, ...bad } as typeof dataset }),
      ).rejects.toMatchObject({ code: "INVALID" });
    }
    expect(await listChallenges(t.db, classroom.id)).toHaveLength(2);
  });

  it("extends a running challenge's duration, but not an ended one or by another school's teacher", async () => {
    const { teacher, challenge } = await liveChallenge(t.db);
    const extended = await extendChallenge(t.db, {
      actorId: teacher.id,
      challengeId: challenge.id,
      seconds: 120,
    });
    expect(extended.durationSeconds).toBe(challenge.durationSeconds + 120);
    const stranger = await schoolWithClass(t.db);
    await expect(
      extendChallenge(t.db, { actorId: stranger.teacher.id, challengeId: challenge.id, seconds: 60 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      extendChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, seconds: Number.NaN }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: "ended" });
    await expect(
      extendChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, seconds: 60 }),
    ).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect((await getChallenge(t.db, challenge.id))?.durationSeconds).toBe(challenge.durationSeconds + 120);
  });

  it("rejects illegal transitions and leaves the challenge unchanged", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const c = await createChallenge(t.db, {
      actorId: teacher.id,
      classroomId: classroom.id,
      title: "Illegal",
      dataset,
      controls: [],
      durationSeconds: 60,
    });
    const go = (to: "draft" | "live" | "paused" | "ended") =>
      transitionChallenge(t.db, { actorId: teacher.id, challengeId: c.id, to });
    await expect(go("paused")).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    await expect(go("draft")).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect(await getChallenge(t.db, c.id)).toEqual(c);
    await go("live");
    await expect(go("live")).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    await go("ended");
    const ended = await getChallenge(t.db, c.id);
    for (const to of ["live", "paused", "draft"] as const) {
      await expect(go(to)).rejects.toMatchObject({ code: "ILLEGAL_TRANSITION" });
    }
    expect(await getChallenge(t.db, c.id)).toEqual(ended);
  });

  it("lets only one of several concurrent identical transitions win", async () => {
    const { teacher, challenge } = await liveChallenge(t.db);
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: "paused" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "ILLEGAL_TRANSITION" });
    expect((await getChallenge(t.db, challenge.id))?.status).toBe("paused");
  });

  it("keeps challenges to their class: other schools' teachers and students are FORBIDDEN", async () => {
    const { challenge, classroom } = await liveChallenge(t.db);
    const other = await schoolWithClass(t.db);
    const { student: outsider } = await addStudent(t.db, other.classroom.joinCode);
    await expect(
      transitionChallenge(t.db, { actorId: other.teacher.id, challengeId: challenge.id, to: "ended" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createChallenge(t.db, {
        actorId: other.teacher.id,
        classroomId: classroom.id,
        title: "Hijack",
        dataset,
        controls: [],
        durationSeconds: 60,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      joinChallenge(t.db, { challengeId: challenge.id, studentId: outsider.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(recordModelUpdate(t.db, update(challenge.id, outsider.id, 0.5))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getChallenge(t.db, challenge.id))?.status).toBe("live");
    expect(await t.db.challenge.count({ where: { classroomId: classroom.id } })).toBe(1);
  });

  it("joins idempotently", async () => {
    const { challenge, students } = await liveChallenge(t.db);
    const studentId = students[0]?.id ?? "";
    const [a, b] = await Promise.all([
      joinChallenge(t.db, { challengeId: challenge.id, studentId }),
      joinChallenge(t.db, { challengeId: challenge.id, studentId }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await t.db.challengeParticipant.count({ where: { challengeId: challenge.id } })).toBe(1);
  });

  it("never replaces a better best model with a worse one under concurrent writes", async () => {
    const { challenge, students } = await liveChallenge(t.db);
    const studentId = students[0]?.id ?? "";
    const losses = Array.from({ length: 40 }, (_, i) => 0.2 + ((i * 37) % 40) / 100);
    const results = await Promise.all(
      losses.map((loss) => recordModelUpdate(t.db, update(challenge.id, studentId, loss))),
    );
    expect(results.some((r) => r.improved)).toBe(true);
    const [entry] = await challengeLeaderboard(t.db, challenge.id);
    expect(entry?.updateCount).toBe(losses.length);
    expect(entry?.best).toMatchObject({
      publicLogLoss: Math.min(...losses),
      w: [Math.min(...losses), 1],
      standardisation: { mean: [0, 1], std: [1, 2] },
    });
    // PostgreSQL's float8 text round trip can differ from the JS double in the last bit (0.41 vs 0.41000000000000003).
    const final = entry?.final?.publicLogLoss ?? Number.NaN;
    expect(losses.some((loss) => Math.abs(loss - final) < 1e-12)).toBe(true);
    expect(await recordModelUpdate(t.db, update(challenge.id, studentId, 0.9))).toEqual({ improved: false });
    expect((await challengeLeaderboard(t.db, challenge.id))[0]?.best?.publicLogLoss).toBe(
      Math.min(...losses),
    );
    expect((await challengeLeaderboard(t.db, challenge.id))[0]?.final?.publicLogLoss).toBe(0.9);
  });

  it("rejects NaN losses and malformed models, leaving the participant unchanged", async () => {
    const { challenge, students } = await liveChallenge(t.db);
    const studentId = students[0]?.id ?? "";
    await recordModelUpdate(t.db, update(challenge.id, studentId, 0.4));
    const before = await challengeLeaderboard(t.db, challenge.id);
    const bad = [
      update(challenge.id, studentId, Number.NaN),
      { ...update(challenge.id, studentId, 0.1), privateLogLoss: Number.POSITIVE_INFINITY },
      { ...update(challenge.id, studentId, 0.1), model: { w: [Number.NaN, 1], b: 0, standardisation: null } },
      {
        ...update(challenge.id, studentId, 0.1),
        model: { w: [1, 2], b: 0, standardisation: { mean: [0], std: [1] } },
      },
      {
        ...update(challenge.id, studentId, 0.1),
        model: { w: [1, 2], b: 0, standardisation: { mean: [0, 0], std: [1, 0] } },
      },
    ];
    for (const input of bad)
      await expect(recordModelUpdate(t.db, input)).rejects.toMatchObject({ code: "INVALID" });
    expect(await challengeLeaderboard(t.db, challenge.id)).toEqual(before);
  });

  it("accepts model updates only while live", async () => {
    const { teacher, challenge, students } = await liveChallenge(t.db);
    const studentId = students[0]?.id ?? "";
    await transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: "paused" });
    await expect(recordModelUpdate(t.db, update(challenge.id, studentId, 0.3))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: "ended" });
    await expect(recordModelUpdate(t.db, update(challenge.id, studentId, 0.3))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await challengeLeaderboard(t.db, challenge.id))[0]?.updateCount).toBe(0);
  });

  it("ranks the leaderboard by best public log loss, participants without a model last", async () => {
    const { challenge, students } = await liveChallenge(t.db, 3);
    const [a, b, c] = students.map((s) => s.id);
    await recordModelUpdate(t.db, update(challenge.id, a ?? "", 0.5));
    await recordModelUpdate(t.db, update(challenge.id, b ?? "", 0.3, { privateLogLoss: 0.9 }));
    const board = await challengeLeaderboard(t.db, challenge.id);
    expect(board.map((e) => e.studentId)).toEqual([b, a, c]);
    expect(board[2]?.best).toBeNull();
    // After the end the final board ranks by private loss (./challenge-ranking.ts).
    const reveal = await finalStandings(t.db, challenge.id);
    expect(reveal.map((e) => e.studentId)).toEqual([a, b, c]);
  });

  it("stores snapshots to replay the race in time order", async () => {
    const { challenge, students } = await liveChallenge(t.db, 2);
    const [a, b] = students.map((s) => s.id);
    await recordModelUpdate(t.db, update(challenge.id, a ?? "", 0.6, { snapshot: true, iteration: 10 }));
    await recordModelUpdate(t.db, update(challenge.id, b ?? "", 0.5, { snapshot: false }));
    await recordModelUpdate(t.db, update(challenge.id, b ?? "", 0.4, { snapshot: true, iteration: 20 }));
    const snapshots = await listChallengeSnapshots(t.db, challenge.id);
    expect(snapshots.map((s) => [s.nickname, s.publicLogLoss, s.iteration])).toEqual([
      ["player0", 0.6, 10],
      ["player1", 0.4, 20],
    ]);
    expect(snapshots[0]?.w).toEqual([0.6, 1]);
  });
  it("records a batch of updates: last is final, lowest is best, counts and snapshots as if one by one", async () => {
    const { challenge, students } = await liveChallenge(t.db, 3);
    const [a, b, c] = students.map((s) => s.id ?? "");
    await recordModelUpdate(t.db, update(challenge.id, b ?? "", 0.2));
    const results = await recordModelUpdates(t.db, [
      update(challenge.id, a ?? "", 0.5, { snapshot: true, iteration: 1 }),
      update(challenge.id, a ?? "", 0.3),
      update(challenge.id, b ?? "", 0.25, { snapshot: true, iteration: 2 }),
      {
        ...update(challenge.id, a ?? "", 0.4, { snapshot: true, iteration: 3 }),
        model: { w: [-1, 2], b: -9, standardisation: null },
      },
      update(challenge.id, c ?? "", Number.NaN),
    ]);
    expect(results).toEqual([
      { ok: true, improved: false },
      { ok: true, improved: true },
      { ok: true, improved: false },
      { ok: true, improved: false },
      { ok: false, code: "INVALID" },
    ]);
    const board = await challengeLeaderboard(t.db, challenge.id);
    const byId = new Map(board.map((entry) => [entry.studentId, entry]));
    expect(byId.get(a ?? "")).toMatchObject({
      updateCount: 3,
      best: {
        publicLogLoss: 0.3,
        privateLogLoss: 0.31,
        w: [0.3, 1],
        b: -0.3,
        standardisation: { mean: [0, 1], std: [1, 2] },
      },
      final: { publicLogLoss: 0.4, w: [-1, 2], b: -9, standardisation: null },
    });
    expect(byId.get(a ?? "")?.final?.at).toBeInstanceOf(Date);
    expect(Math.abs((byId.get(a ?? "")?.final?.at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    // b's stored best (0.2) is better than anything in the batch: it stays.
    expect(byId.get(b ?? "")).toMatchObject({
      updateCount: 2,
      best: { publicLogLoss: 0.2 },
      final: { publicLogLoss: 0.25 },
    });
    expect(byId.get(c ?? "")).toMatchObject({ updateCount: 0, best: null, final: null });
    const snapshots = await listChallengeSnapshots(t.db, challenge.id);
    expect(snapshots.map((s) => [s.nickname, s.publicLogLoss, s.iteration, s.w])).toEqual([
      ["player0", 0.5, 1, [0.5, 1]],
      ["player1", 0.25, 2, [0.25, 1]],
      ["player0", 0.4, 3, [-1, 2]],
    ]);
    expect(snapshots[0]?.takenAt).toBeInstanceOf(Date);
  });

  it("skips participants of other challenges or not live in a batch without failing the rest", async () => {
    const { teacher, challenge, students } = await liveChallenge(t.db, 1);
    const paused = await liveChallenge(t.db, 1);
    const other = await schoolWithClass(t.db);
    const { student: outsider } = await addStudent(t.db, other.classroom.joinCode);
    await transitionChallenge(t.db, {
      actorId: paused.teacher.id,
      challengeId: paused.challenge.id,
      to: "paused",
    });
    const results = await recordModelUpdates(t.db, [
      update(paused.challenge.id, paused.students[0]?.id ?? "", 0.1, { snapshot: true }),
      update(challenge.id, outsider.id, 0.1, { snapshot: true }),
      update(challenge.id, students[0]?.id ?? "", 0.6, { snapshot: true }),
    ]);
    expect(results).toEqual([
      { ok: false, code: "CONFLICT" },
      { ok: false, code: "NOT_FOUND" },
      { ok: true, improved: true },
    ]);
    expect((await challengeLeaderboard(t.db, paused.challenge.id))[0]).toMatchObject({
      updateCount: 0,
      best: null,
    });
    expect(await listChallengeSnapshots(t.db, paused.challenge.id)).toEqual([]);
    expect((await listChallengeSnapshots(t.db, challenge.id)).map((s) => s.publicLogLoss)).toEqual([0.6]);
    expect(await recordModelUpdates(t.db, [])).toEqual([]);
    await transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: "ended" });
    expect(await recordModelUpdates(t.db, [update(challenge.id, students[0]?.id ?? "", 0.1)])).toEqual([
      { ok: false, code: "CONFLICT" },
    ]);
    expect((await challengeLeaderboard(t.db, challenge.id))[0]?.best?.publicLogLoss).toBe(0.6);
  });

  it("never replaces a better best with a worse one under concurrent batches and single writes", async () => {
    const { challenge, students } = await liveChallenge(t.db, 2);
    const ids = students.map((s) => s.id);
    const losses = Array.from({ length: 24 }, (_, i) => 0.2 + ((i * 7) % 24) / 50);
    await Promise.all(
      losses.map((loss, i) =>
        i % 3 === 0
          ? recordModelUpdate(t.db, update(challenge.id, ids[i % 2] ?? "", loss))
          : recordModelUpdates(t.db, [
              update(challenge.id, ids[0] ?? "", loss),
              update(challenge.id, ids[1] ?? "", loss + 0.01),
            ]),
      ),
    );
    const board = await challengeLeaderboard(t.db, challenge.id);
    expect(board[0]?.best?.publicLogLoss).toBe(Math.min(...losses));
    const singles = losses.filter((_, i) => i % 3 === 0).length;
    const batches = losses.length - singles;
    expect(board.map((e) => e.updateCount).reduce((x, y) => x + y, 0)).toBe(singles + 2 * batches);
  });

  it("merges many updates of one participant in one batch", async () => {
    const { challenge, students } = await liveChallenge(t.db, 1);
    const studentId = students[0]?.id ?? "";
    const many = Array.from({ length: 450 }, (_, i) => update(challenge.id, studentId, 1 - i / 1000));
    const results = await recordModelUpdates(t.db, many);
    expect(results.every((r) => r.ok)).toBe(true);
    const [entry] = await challengeLeaderboard(t.db, challenge.id);
    expect(entry).toMatchObject({ updateCount: 450, best: { publicLogLoss: 1 - 449 / 1000 } });
  });
});
