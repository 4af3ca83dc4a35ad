import { performance } from "node:perf_hooks";
import { createClassroom } from "../src/classrooms";
import { createDb, type Db, migrateDatabase } from "../src/client";
import { CATS_OR_DOGS_LESSON } from "../src/demo";
import { upsertLesson } from "../src/lessons";
import { classProgress } from "../src/roster";
import { schoolOverview } from "../src/school-overview";
import { targets } from "../src/testing/targets";
import { createSchool, createStaffUser } from "../src/users";

// A realistic school: 20 classes × 30 students, every student with full progress (every section viewed,
// every objective mastered) and 3 questions × 2 attempts per objective spread over the last 14 days.
// Prints the server time of the school overview (and one class's progress grid) on each database.
const CLASSES = 20;
const STUDENTS = 30;
const QUESTIONS_PER_OBJECTIVE = 3;
const RUNS = 20;

const LESSON = {
  ...CATS_OR_DOGS_LESSON,
  slug: "bench-lesson",
  sections: Array.from({ length: 10 }, (_, i) => ({ key: `section-${i}`, title: `Section ${i}` })),
};

async function seed(db: Db) {
  const lesson = await upsertLesson(db, LESSON);
  const school = await createSchool(db, { name: "Bench school" });
  const admin = await createStaffUser(db, {
    schoolId: school.id,
    role: "school_admin",
    email: "admin@bench.test",
    displayName: "Admin",
    passwordHash: "hash",
  });
  const now = Date.now();
  let attempts = 0;
  let firstClass = "";
  for (let c = 0; c < CLASSES; c++) {
    const teacher = await createStaffUser(db, {
      schoolId: school.id,
      role: "teacher",
      email: `t${c}@bench.test`,
      displayName: `Teacher ${c}`,
      passwordHash: "hash",
    });
    const classroom = await createClassroom(db, { name: `Class ${c}`, teacherId: teacher.id });
    firstClass ||= classroom.id;
    const ids = Array.from({ length: STUDENTS }, (_, i) => `bench-${c}-${i}`);
    await db.user.createMany({
      data: ids.map((id, i) => ({
        id,
        role: "student",
        schoolId: school.id,
        displayName: `S${c}-${i}`,
        pinHash: "h",
      })),
    });
    await db.enrollment.createMany({
      data: ids.map((studentId, i) => ({
        classroomId: classroom.id,
        studentId,
        nickname: `S${c}-${i}`,
        nicknameKey: `s${c}-${i}`,
      })),
    });
    const at = (k: number) => new Date(now - (k % 14) * 86_400_000 - k * 1000);
    await db.lessonProgress.createMany({
      data: ids.flatMap((studentId, i) => [
        ...lesson.sections.map((s) => ({
          studentId,
          lessonId: lesson.id,
          kind: "section",
          key: s.key,
          viewedAt: at(i),
          completedAt: at(i),
        })),
        ...lesson.objectives.map((o) => ({
          studentId,
          lessonId: lesson.id,
          kind: "objective",
          key: o.key,
          viewedAt: at(i),
          completedAt: at(i),
          masteredAt: at(i),
        })),
      ]),
    });
    const rows = ids.flatMap((studentId, i) =>
      lesson.objectives.flatMap((o, j) =>
        Array.from({ length: QUESTIONS_PER_OBJECTIVE * 2 }, (_, k) => ({
          studentId,
          classroomId: classroom.id,
          lessonId: lesson.id,
          questionId: `${o.key}-q${k % QUESTIONS_PER_OBJECTIVE}`,
          objectiveKey: o.key,
          answer: k < QUESTIONS_PER_OBJECTIVE ? "wrong" : "right",
          correct: k >= QUESTIONS_PER_OBJECTIVE,
          score: k >= QUESTIONS_PER_OBJECTIVE ? 1 : 0,
          createdAt: at(i + j + k),
        })),
      ),
    );
    attempts += rows.length;
    await db.quizAttempt.createMany({ data: rows });
  }
  return { adminId: admin.id, classroomId: firstClass, attempts, lessonSlug: lesson.slug };
}

async function time(run: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: samples.at(-1) ?? Number.NaN };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

for (const target of targets) {
  const { url, drop } = await target.create();
  try {
    await migrateDatabase(url);
    const db = createDb(url);
    try {
      const seeded = await seed(db);
      const overview = await time(() =>
        schoolOverview(db, { actorId: seeded.adminId, lessonSlug: seeded.lessonSlug }),
      );
      const grid = await time(() =>
        classProgress(db, {
          actorId: seeded.adminId,
          classroomId: seeded.classroomId,
          lessonSlug: seeded.lessonSlug,
        }),
      );
      console.log(
        `${target.name}: ${CLASSES} classes × ${STUDENTS} students, ${seeded.attempts} quiz attempts — ` +
          `school overview p50 ${fmt(overview.p50)}, p95 ${fmt(overview.p95)}, max ${fmt(overview.max)}; ` +
          `one class's progress grid p50 ${fmt(grid.p50)}, p95 ${fmt(grid.p95)}`,
      );
    } finally {
      await db.$disconnect();
    }
  } finally {
    await drop();
  }
}
