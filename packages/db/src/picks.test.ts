import { describe, expect, it } from "vitest";
import type { Db } from "./client";
import {
  createChallenge,
  finalStandings,
  joinChallenge,
  listPicks,
  pickModel,
  recordModelUpdate,
  transitionChallenge,
  unpickModel,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass } from "./testing/fixtures";

const dataset = { kind: "blobs", seed: 1, trainSize: 50, publicTestSize: 50, privateTestSize: 50, noise: 1 };

async function race(db: Db, players: number) {
  const setup = await schoolWithClass(db);
  const challenge = await createChallenge(db, {
    actorId: setup.teacher.id,
    classroomId: setup.classroom.id,
    title: "Picks",
    dataset,
    controls: [],
    durationSeconds: 600,
  });
  const students = [];
  for (let i = 0; i < players; i++) {
    const { student } = await addStudent(db, setup.classroom.joinCode, `picker${i}`);
    await joinChallenge(db, { challengeId: challenge.id, studentId: student.id });
    students.push(student);
  }
  await transitionChallenge(db, { actorId: setup.teacher.id, challengeId: challenge.id, to: "live" });
  const end = () =>
    transitionChallenge(db, { actorId: setup.teacher.id, challengeId: challenge.id, to: "ended" });
  return { challenge, students, end };
}

const pick = (challengeId: string, studentId: string, publicLogLoss: number, privateLogLoss: number) => ({
  challengeId,
  studentId,
  w: [1, 1],
  b: 0,
  publicLogLoss,
  privateLogLoss,
});

describe.each(targets)("challenge picks on $name", (target) => {
  const t = useTestDatabase(target);

  it("allows at most two picks per student, even when picked concurrently", async () => {
    const { challenge, students } = await race(t.db, 1);
    const studentId = students[0]?.id ?? "";
    const results = await Promise.allSettled(
      [0.3, 0.2, 0.1, 0.4].map((loss) => pickModel(t.db, pick(challenge.id, studentId, loss, loss))),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await listPicks(t.db, { challengeId: challenge.id, studentId })).toHaveLength(2);
  });

  it("lets a student remove only their own pick, and nothing once the challenge ended", async () => {
    const { challenge, students, end } = await race(t.db, 2);
    const [ada = "", alan = ""] = students.map((student) => student.id);
    const picked = await pickModel(t.db, pick(challenge.id, ada, 0.2, 0.3));
    await expect(
      unpickModel(t.db, { challengeId: challenge.id, studentId: alan, pickId: picked.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await end();
    await expect(
      unpickModel(t.db, { challengeId: challenge.id, studentId: ada, pickId: picked.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(pickModel(t.db, pick(challenge.id, ada, 0.1, 0.1))).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await listPicks(t.db, { challengeId: challenge.id, studentId: ada })).toHaveLength(1);
  });

  it("ranks the private board by the better pick, or by the best public model without picks", async () => {
    const { challenge, students } = await race(t.db, 2);
    const [ada = "", alan = ""] = students.map((student) => student.id);
    // Ada's best public model overfits: worse on the private split than the model she picked.
    await recordModelUpdate(t.db, {
      challengeId: challenge.id,
      studentId: ada,
      model: { w: [1, 1], b: 0, standardisation: null },
      publicLogLoss: 0.1,
      privateLogLoss: 0.5,
      snapshot: true,
    });
    await pickModel(t.db, pick(challenge.id, ada, 0.15, 0.2));
    await recordModelUpdate(t.db, {
      challengeId: challenge.id,
      studentId: alan,
      model: { w: [1, 2], b: 0, standardisation: null },
      publicLogLoss: 0.12,
      privateLogLoss: 0.3,
      snapshot: true,
    });
    const standings = await finalStandings(t.db, challenge.id);
    expect(standings.map((row) => [row.studentId, row.privateLogLoss, row.usedPicks])).toEqual([
      [ada, 0.2, true],
      [alan, 0.3, false],
    ]);
  });

  it("refuses NaN losses, a non-participant and a draft challenge, storing nothing", async () => {
    const { challenge, students } = await race(t.db, 1);
    const studentId = students[0]?.id ?? "";
    await expect(pickModel(t.db, pick(challenge.id, studentId, Number.NaN, 0.1))).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(pickModel(t.db, pick(challenge.id, "nobody", 0.1, 0.1))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listPicks(t.db, { challengeId: challenge.id, studentId })).toEqual([]);
  });
});
