import { describe, expect, it } from "vitest";
import {
  objectiveMastery,
  quizRecords,
  type RecordQuizAttemptInput,
  recordQuizAttempt,
  studentTimeline,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass, TEST_LESSON } from "./testing/fixtures";

const slug = TEST_LESSON.slug;
const objectiveKey = "log-loss";

describe.each(targets)("quiz mastery needs evidence on $name", (target) => {
  const t = useTestDatabase(target);

  async function pupil() {
    const { classroom, teacher } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const answer = (questionId: string, correct: boolean, extra: Partial<RecordQuizAttemptInput> = {}) =>
      recordQuizAttempt(t.db, {
        studentId: student.id,
        classroomId: classroom.id,
        lessonSlug: slug,
        questionId,
        objectiveKey,
        answer: correct ? "right" : "wrong",
        correct,
        score: correct ? 1 : 0,
        ...extra,
      });
    return { classroom, teacher, student, answer };
  }

  it("blind guessing retried until right masters nothing", async () => {
    const { student, answer } = await pupil();
    // Every option of three shared questions, wrong ones first, until the feedback says "correct"…
    for (const questionId of ["choice-a", "choice-b", "choice-c"]) {
      await answer(questionId, false);
      await answer(questionId, false);
      expect(await answer(questionId, true)).toMatchObject({ firstTry: false, counted: false });
    }
    // …and fresh versions of two own-numbers questions, each guessed wrong, then retried until right.
    for (const questionId of ["own-a", "own-b"]) {
      for (let variant = 0; variant < 4; variant += 1) {
        await answer(questionId, false, { variant, ownNumbers: true });
        const retried = await answer(questionId, true, { variant, ownNumbers: true });
        expect(retried).toMatchObject({ firstTry: false, counted: false, mastery: { mastered: false } });
      }
    }
    const [mastery] = (await objectiveMastery(t.db, { studentId: student.id, lessonSlug: slug })).filter(
      (m) => m.objectiveKey === objectiveKey,
    );
    expect(mastery).toMatchObject({
      attempts: 3 * 3 + 2 * 4 * 2,
      questionsAnswered: 5,
      firstTryCorrect: 0,
      mastered: false,
    });
  });

  it("masters with two questions right at the first try, one of them with the student's own numbers", async () => {
    const { answer } = await pupil();
    // Two shared questions right at once are not enough: a classmate could have passed the answers on.
    await answer("choice-a", true);
    expect((await answer("choice-b", true)).mastery).toMatchObject({ firstTryCorrect: 2, mastered: false });
    // A fresh version after a wrong one still counts: the student hasn't seen its numbers before.
    expect(await answer("own-a", false, { variant: 0, ownNumbers: true })).toMatchObject({ firstTry: true });
    const fresh = await answer("own-a", true, { variant: 1, ownNumbers: true });
    expect(fresh).toMatchObject({ firstTry: true, counted: true });
    expect(fresh.mastery).toMatchObject({ firstTryCorrect: 3, ownNumbersFirstTryCorrect: 1, mastered: true });
  });

  it("masters from own-numbers questions alone, but not from one question answered twice", async () => {
    const { answer } = await pupil();
    await answer("own-a", true, { variant: 0, ownNumbers: true });
    const again = await answer("own-a", true, { variant: 1, ownNumbers: true });
    expect(again.mastery).toMatchObject({ firstTryCorrect: 1, mastered: false });
    const other = await answer("own-b", true, { variant: 0, ownNumbers: true });
    expect(other.mastery).toMatchObject({ firstTryCorrect: 2, ownNumbersFirstTryCorrect: 2, mastered: true });
  });

  it("lets exactly one of many simultaneous answers to a question be its first try", async () => {
    const { student, answer } = await pupil();
    // A batch of every option at once, hoping the right one lands first: the database picks one first try.
    const results = await Promise.all([
      answer("choice-a", false),
      answer("choice-a", true),
      answer("choice-a", false),
      answer("choice-a", false),
    ]);
    expect(results.filter((r) => r.firstTry)).toHaveLength(1);
    const rows = await t.db.quizAttempt.findMany({
      where: { studentId: student.id, questionId: "choice-a" },
    });
    expect(rows).toHaveLength(4);
    expect(rows.filter((row) => row.firstTry === true)).toHaveLength(1);
    expect(rows.filter((row) => row.firstTry === null)).toHaveLength(3);
  });

  it("refuses a version that hasn't been given yet, storing nothing", async () => {
    const { student, answer } = await pupil();
    await expect(answer("own-a", true, { variant: 1, ownNumbers: true })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(answer("own-a", true, { variant: -1, ownNumbers: true })).rejects.toMatchObject({
      code: "INVALID",
    });
    await expect(answer("own-a", true, { variant: 0.5, ownNumbers: true })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await t.db.quizAttempt.count({ where: { studentId: student.id } })).toBe(0);
    await answer("own-a", false, { variant: 0, ownNumbers: true });
    await answer("own-a", true, { variant: 1, ownNumbers: true });
    await expect(answer("own-a", true, { variant: 3, ownNumbers: true })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await t.db.quizAttempt.count({ where: { studentId: student.id } })).toBe(2);
  });

  it("reports where a student stands on each question", async () => {
    const { student, answer } = await pupil();
    await answer("own-a", false, { variant: 0, ownNumbers: true });
    await answer("own-a", true, { variant: 0, ownNumbers: true });
    await answer("own-a", false, { variant: 1, ownNumbers: true });
    await answer("choice-a", true);
    const records = await quizRecords(t.db, { studentId: student.id, lessonSlug: slug });
    expect(records.get("own-a")).toEqual({
      questionId: "own-a",
      latestVariant: 1,
      latestSolved: false,
      counted: false,
      attempts: 3,
    });
    expect(records.get("choice-a")).toMatchObject({ latestVariant: 0, latestSolved: true, counted: true });
    expect(records.has("choice-b")).toBe(false);
  });

  it("gives the teacher every attempt: first try or retry, own numbers and whether it counted", async () => {
    const { classroom, teacher, student, answer } = await pupil();
    await answer("own-a", false, { variant: 0, ownNumbers: true, durationMs: 9000 });
    await answer("own-a", true, { variant: 0, ownNumbers: true });
    await answer("own-a", true, { variant: 1, ownNumbers: true });
    const { events } = await studentTimeline(t.db, {
      actorId: teacher.id,
      classroomId: classroom.id,
      studentId: student.id,
    });
    const attempts = events.flatMap((event) => (event.attempt ? [event.attempt] : []));
    expect(attempts).toHaveLength(3);
    expect(attempts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          variant: 0,
          firstTry: true,
          correct: false,
          counted: false,
          durationMs: 9000,
        }),
        expect.objectContaining({ variant: 0, firstTry: false, correct: true, counted: false }),
        expect.objectContaining({
          variant: 1,
          firstTry: true,
          correct: true,
          counted: true,
          ownNumbers: true,
        }),
      ]),
    );
    const counted = events.find((event) => event.attempt?.counted);
    expect(counted?.label).toMatch(/own numbers, version 2\b.*first try/);
    expect(counted?.detail).toMatch(/counts towards mastery/);
  });
});
