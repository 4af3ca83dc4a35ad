import { describe, expect, it } from "vitest";
import {
  commonWrongAnswers,
  getLessonBySlug,
  listClassroomProgress,
  listLessonProgress,
  objectiveMastery,
  recordLessonProgress,
  recordQuizAttempt,
  upsertLesson,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass, TEST_LESSON } from "./testing/fixtures";

const slug = TEST_LESSON.slug;

describe.each(targets)("lessons, progress and quizzes on $name", (target) => {
  const t = useTestDatabase(target);

  it("keeps one catalogue entry per slug", async () => {
    await upsertLesson(t.db, TEST_LESSON);
    const lesson = await upsertLesson(t.db, { ...TEST_LESSON, minutes: 55 });
    expect(lesson.minutes).toBe(55);
    expect(await t.db.lesson.count({ where: { slug } })).toBe(1);
    expect((await getLessonBySlug(t.db, slug))?.objectives.map((o) => o.key)).toContain("sigmoid");
    await upsertLesson(t.db, TEST_LESSON);
  });

  it("makes progress upserts idempotent: a repeat keeps the first timestamp", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const first = new Date("2026-01-01T10:00:00Z");
    const input = { studentId: student.id, lessonSlug: slug, kind: "section" as const, key: "intro" };
    await recordLessonProgress(t.db, { ...input, step: "viewed", at: first });
    const again = await recordLessonProgress(t.db, {
      ...input,
      step: "viewed",
      at: new Date("2026-02-01T10:00:00Z"),
    });
    expect(again.viewedAt?.toISOString()).toBe(first.toISOString());
    expect(again.completedAt).toBeNull();
    const completed = await recordLessonProgress(t.db, { ...input, step: "completed" });
    expect(completed.viewedAt?.toISOString()).toBe(first.toISOString());
    expect(completed.completedAt).toBeInstanceOf(Date);
    expect(await listLessonProgress(t.db, { studentId: student.id, lessonSlug: slug })).toHaveLength(1);
  });

  it("stays at one row under concurrent identical progress writes", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const input = { studentId: student.id, lessonSlug: slug, kind: "section" as const, key: "data" };
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordLessonProgress(t.db, { ...input, step: i % 2 ? "completed" : "viewed" }),
      ),
    );
    const rows = await listLessonProgress(t.db, { studentId: student.id, lessonSlug: slug });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt).toBeInstanceOf(Date);
    expect(rows[0]?.viewedAt).toBeInstanceOf(Date);
  });

  it("rejects unknown lessons, keys and students with typed errors", async () => {
    const { classroom, teacher } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const before = await t.db.lessonProgress.count();
    const base = {
      studentId: student.id,
      lessonSlug: slug,
      kind: "section" as const,
      key: "intro",
      step: "viewed" as const,
    };
    await expect(recordLessonProgress(t.db, { ...base, lessonSlug: "no-such-lesson" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
    await expect(recordLessonProgress(t.db, { ...base, key: "no-such-section" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(recordLessonProgress(t.db, { ...base, studentId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(recordLessonProgress(t.db, { ...base, studentId: teacher.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await t.db.lessonProgress.count()).toBe(before);
  });

  it("masters an objective from first tries, not retries, and marks it mastered", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const attempt = (questionId: string, correct: boolean, answer: string, own?: { variant: number }) =>
      recordQuizAttempt(t.db, {
        studentId: student.id,
        classroomId: classroom.id,
        lessonSlug: slug,
        questionId,
        objectiveKey: "sigmoid",
        answer,
        correct,
        score: correct ? 1 : 0,
        durationMs: 4000,
        ...(own ? { variant: own.variant, ownNumbers: true } : {}),
      });
    // The old rule (latest answer per question) mastered here: wrong then right on q1, right on q2.
    expect((await attempt("q1", false, "0")).mastery.mastered).toBe(false);
    const retry = await attempt("q1", true, "0.5");
    expect(retry).toMatchObject({ firstTry: false, counted: false, mastery: { questionsAnswered: 1 } });
    expect((await attempt("q2", true, "b")).mastery).toMatchObject({
      attempts: 3,
      questionsAnswered: 2,
      firstTryCorrect: 1,
      mastered: false,
    });
    // A question with the student's own numbers, right at the first try, is the evidence still missing.
    const own = await attempt("q3", true, "0.7311", { variant: 0 });
    expect(own).toMatchObject({ firstTry: true, counted: true });
    expect(own.mastery).toMatchObject({
      attempts: 4,
      questionsAnswered: 3,
      firstTryCorrect: 2,
      ownNumbersFirstTryCorrect: 1,
      mastered: true,
    });

    const all = await objectiveMastery(t.db, { studentId: student.id, lessonSlug: slug });
    expect(all.map((m) => m.objectiveKey)).toEqual(TEST_LESSON.objectives.map((o) => o.key));
    expect(all.find((m) => m.objectiveKey === "log-loss")).toMatchObject({ attempts: 0, mastered: false });
    const progress = await listLessonProgress(t.db, { studentId: student.id, lessonSlug: slug });
    const sigmoid = progress.find((p) => p.kind === "objective" && p.key === "sigmoid");
    expect(sigmoid?.masteredAt).toBeInstanceOf(Date);
    expect(
      (await listClassroomProgress(t.db, { classroomId: classroom.id, lessonSlug: slug }))[0]?.nickname,
    ).toBe((await t.db.enrollment.findFirst({ where: { studentId: student.id } }))?.nickname);
  });

  it("shows a teacher the most common wrong answers of the class", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const other = await schoolWithClass(t.db);
    const answers: Array<[string, string, boolean]> = [
      ["q1", "1", false],
      ["q1", "1", false],
      ["q1", "0", false],
      ["q1", "0.5", true],
      ["q2", "a", false],
    ];
    for (const [i, [questionId, answer, correct]] of answers.entries()) {
      const { student } = await addStudent(t.db, classroom.joinCode, `kid${i}`);
      await recordQuizAttempt(t.db, {
        studentId: student.id,
        classroomId: classroom.id,
        lessonSlug: slug,
        questionId,
        objectiveKey: "log-loss",
        answer,
        correct,
        score: correct ? 1 : 0,
      });
    }
    const { student: outsider } = await addStudent(t.db, other.classroom.joinCode);
    await recordQuizAttempt(t.db, {
      studentId: outsider.id,
      classroomId: other.classroom.id,
      lessonSlug: slug,
      questionId: "q1",
      objectiveKey: "log-loss",
      answer: "1",
      correct: false,
      score: 0,
    });
    expect(await commonWrongAnswers(t.db, { classroomId: classroom.id, lessonSlug: slug })).toEqual([
      { questionId: "q1", answer: "1", count: 2 },
      { questionId: "q1", answer: "0", count: 1 },
      { questionId: "q2", answer: "a", count: 1 },
    ]);
  });

  it("rejects quiz attempts for another class, unknown objectives or bad scores, storing nothing", async () => {
    const a = await schoolWithClass(t.db);
    const b = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, a.classroom.joinCode);
    const before = [await t.db.quizAttempt.count(), await t.db.lessonProgress.count()];
    const base = {
      studentId: student.id,
      classroomId: a.classroom.id,
      lessonSlug: slug,
      questionId: "q1",
      objectiveKey: "sigmoid",
      answer: "x",
      correct: true,
      score: 1,
    };
    await expect(recordQuizAttempt(t.db, { ...base, classroomId: b.classroom.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(recordQuizAttempt(t.db, { ...base, objectiveKey: "nope" })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(recordQuizAttempt(t.db, { ...base, score: Number.NaN })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(recordQuizAttempt(t.db, { ...base, answer: "x".repeat(501) })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect([await t.db.quizAttempt.count(), await t.db.lessonProgress.count()]).toEqual(before);
  });
});
