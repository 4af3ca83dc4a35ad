import { performance } from "node:perf_hooks";
import { createChallenge, joinChallenge, recordModelUpdate, transitionChallenge } from "../src/challenges";
import { createClassroom } from "../src/classrooms";
import { createDb, type Db, migrateDatabase } from "../src/client";
import { targets } from "../src/testing/targets";
import { createSchool, createStaffUser, joinClassroom } from "../src/users";

// The hottest write: every participant's model update during a live challenge (recordModelUpdate: one
// transaction with a read, the final-model update, the conditional best-model update and, for every
// tenth update here, a replay snapshot). 1 000 participants, one update each, per run.
const PARTICIPANTS = 1000;
const CONCURRENCY = [1, 16];

async function setUp(db: Db) {
  const school = await createSchool(db, { name: "Bench school" });
  const teacher = await createStaffUser(db, {
    schoolId: school.id,
    role: "teacher",
    email: "bench@example.test",
    displayName: "Bench",
    passwordHash: "hash",
  });
  const classroom = await createClassroom(db, { name: "Bench class", teacherId: teacher.id });
  const challenge = await createChallenge(db, {
    actorId: teacher.id,
    classroomId: classroom.id,
    title: "Bench",
    dataset: {
      kind: "cats-dogs-2d",
      seed: 1,
      trainSize: 200,
      publicTestSize: 100,
      privateTestSize: 100,
      noise: 0.2,
    },
    controls: ["learningRate", "iterations"],
    durationSeconds: 600,
  });
  const studentIds: string[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const { student } = await joinClassroom(db, {
      joinCode: classroom.joinCode,
      nickname: `p${i}`,
      pinHash: "h",
    });
    await joinChallenge(db, { challengeId: challenge.id, studentId: student.id });
    studentIds.push(student.id);
  }
  await transitionChallenge(db, { actorId: teacher.id, challengeId: challenge.id, to: "live" });
  return { challengeId: challenge.id, studentIds };
}

async function run(db: Db, challengeId: string, studentIds: string[], concurrency: number, round: number) {
  let next = 0;
  const worker = async () => {
    while (next < studentIds.length) {
      const i = next++;
      const loss = 0.2 + Math.random() * 0.5;
      await recordModelUpdate(db, {
        challengeId,
        studentId: studentIds[i] ?? "",
        model: {
          w: [Math.random(), Math.random()],
          b: Math.random(),
          standardisation: { mean: [0, 0], std: [1, 1] },
        },
        publicLogLoss: loss,
        privateLogLoss: loss + 0.01,
        iteration: round * 100,
        snapshot: i % 10 === 0,
      });
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return studentIds.length / ((performance.now() - start) / 1000);
}

for (const target of targets) {
  const { url, drop } = await target.create();
  const db = createDb(url);
  try {
    await migrateDatabase(url);
    const { challengeId, studentIds } = await setUp(db);
    await run(db, challengeId, studentIds.slice(0, 200), 4, 0); // warm-up (query plans compile on first use)
    for (const [round, concurrency] of CONCURRENCY.entries()) {
      const rate = await run(db, challengeId, studentIds, concurrency, round + 1);
      console.log(
        `${target.name.padEnd(10)} ${PARTICIPANTS} model updates, concurrency ${String(concurrency).padStart(2)}: ${rate.toFixed(0)} writes/s`,
      );
    }
  } finally {
    await db.$disconnect();
    await drop();
  }
}
