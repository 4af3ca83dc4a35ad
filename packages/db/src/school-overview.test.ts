import { describe, expect, it } from "vitest";
import {
  classProgress,
  createChallenge,
  createInvite,
  createStaffUser,
  DbError,
  joinChallenge,
  listRoster,
  questionInsights,
  recordLabRun,
  recordLessonProgress,
  recordModelUpdate,
  recordQuizAttempt,
  removeStudent,
  resetStudentPin,
  schoolOverview,
  studentTimeline,
  transitionChallenge,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass, TEST_LESSON, unique } from "./testing/fixtures";

describe.each(targets)("roster, progress grid and school overview on $name", (target) => {
  const t = useTestDatabase(target);
  const objective = TEST_LESSON.objectives[0]?.key ?? "";

  async function setup() {
    const base = await schoolWithClass(t.db);
    const admin = await createStaffUser(t.db, {
      schoolId: base.school.id,
      role: "school_admin",
      email: `${unique("admin")}@example.test`,
      displayName: "Admin",
      passwordHash: "hash:admin",
    });
    const ada = await addStudent(t.db, base.classroom.joinCode, 'Zoë, "the cat"');
    const bob = await addStudent(t.db, base.classroom.joinCode, "Bob");
    const answer = (studentId: string, questionId: string, correct: boolean, value: string, own = false) =>
      recordQuizAttempt(t.db, {
        studentId,
        classroomId: base.classroom.id,
        lessonSlug: TEST_LESSON.slug,
        questionId,
        objectiveKey: objective,
        answer: value,
        correct,
        score: correct ? 1 : 0,
        ownNumbers: own,
      });
    // Ada gets q1 only on a retry, q2 and her own-numbers q3 at the first try: mastered. Bob is wrong once.
    await answer(ada.student.id, "q1", false, "1");
    await answer(ada.student.id, "q1", true, "0.5");
    await answer(ada.student.id, "q2", true, "0.99");
    await answer(ada.student.id, "q3", true, "0.7311", true);
    await answer(bob.student.id, "q1", false, "1");
    return { ...base, admin, ada, bob };
  }

  it("builds the class grid: mastery, quiz score, for the teacher and the school's admin", async () => {
    const s = await setup();
    for (const actorId of [s.teacher.id, s.admin.id]) {
      const grid = await classProgress(t.db, {
        actorId,
        classroomId: s.classroom.id,
        lessonSlug: TEST_LESSON.slug,
      });
      const ada = grid.students.find((r) => r.studentId === s.ada.student.id);
      // Three questions answered, two of them right at the first try (q1's retry doesn't count).
      expect(ada).toMatchObject({ mastered: 1, quiz: { answered: 3, correct: 2 } });
      expect(ada?.objectives[objective]).toBe("mastered");
      const bob = grid.students.find((r) => r.studentId === s.bob.student.id);
      expect(bob).toMatchObject({ mastered: 0, quiz: { answered: 1, correct: 0 } });
      expect(bob?.objectives[objective]).toBe("practising");
    }
  });

  it("shows an objective completed by its activity (not quiz-mastered) as completed, and each lab's status", async () => {
    const s = await setup();
    const cy = await addStudent(t.db, s.classroom.joinCode, "Cy");
    const lab = TEST_LESSON.objectives.find((o) => o.key === "from-scratch")?.key ?? "";
    const run = (studentId: string, passed: boolean[], at: Date) =>
      recordLabRun(t.db, {
        studentId,
        lessonSlug: TEST_LESSON.slug,
        language: "javascript",
        code: "// code",
        results: passed.map((ok, i) => ({ id: `check-${i}`, passed: ok })),
        at,
      });
    const passedAt = new Date("2026-11-20T10:00:00Z");
    await run(s.ada.student.id, [true, true, true], passedAt);
    await run(s.ada.student.id, [true, false, true], new Date("2026-11-21T10:00:00Z"));
    await recordLessonProgress(t.db, {
      studentId: s.ada.student.id,
      lessonSlug: TEST_LESSON.slug,
      kind: "objective",
      key: lab,
      step: "completed",
    });
    await run(s.bob.student.id, [true, true, false, false], new Date("2026-11-22T10:00:00Z"));
    await recordLessonProgress(t.db, {
      studentId: cy.student.id,
      lessonSlug: TEST_LESSON.slug,
      kind: "objective",
      key: lab,
      step: "viewed",
    });
    const grid = await classProgress(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      lessonSlug: TEST_LESSON.slug,
    });
    const row = (id: string) => grid.students.find((r) => r.studentId === id);
    expect(row(s.ada.student.id)?.objectives[lab]).toBe("completed");
    expect(row(cy.student.id)?.objectives[lab]).toBe("practising");
    expect(row(s.ada.student.id)?.lab).toMatchObject({ status: "passed", checksPassed: 2, checksTotal: 3 });
    expect(row(s.ada.student.id)?.lab.passedAt?.toISOString()).toBe(passedAt.toISOString());
    expect(row(s.bob.student.id)?.lab).toEqual({
      status: "failing",
      passedAt: null,
      savedAt: new Date("2026-11-22T10:00:00Z"),
      checksPassed: 2,
      checksTotal: 4,
      firstFailing: "check-2",
    });
    expect(row(cy.student.id)?.lab).toMatchObject({ status: "not-started", checksTotal: 0 });
  });

  it("refuses another school's teacher and admin (no data)", async () => {
    const s = await setup();
    const other = await schoolWithClass(t.db);
    const input = { actorId: other.teacher.id, classroomId: s.classroom.id, lessonSlug: TEST_LESSON.slug };
    await expect(classProgress(t.db, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listRoster(t.db, input)).rejects.toBeInstanceOf(DbError);
    await expect(questionInsights(t.db, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(studentTimeline(t.db, { ...input, studentId: s.ada.student.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      schoolOverview(t.db, { actorId: other.teacher.id, lessonSlug: TEST_LESSON.slug }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("aggregates the school overview over classes with daily activity", async () => {
    const s = await setup();
    // Ada completes the lab's objective by passing the lab (no quiz mastery): "completed", as in the grid.
    await recordLessonProgress(t.db, {
      studentId: s.ada.student.id,
      lessonSlug: TEST_LESSON.slug,
      kind: "objective",
      key: "from-scratch",
      step: "completed",
    });
    const overview = await schoolOverview(t.db, { actorId: s.admin.id, lessonSlug: TEST_LESSON.slug });
    expect(overview.school.id).toBe(s.school.id);
    expect(overview.classes).toHaveLength(1);
    expect(overview.classes[0]).toMatchObject({ students: 2, masteredAll: 0 });
    expect(overview.classes[0]?.objectives[objective]).toEqual({ mastered: 1, completed: 0, practising: 1 });
    expect(overview.classes[0]?.objectives["from-scratch"]).toEqual({
      mastered: 0,
      completed: 1,
      practising: 0,
    });
    expect(overview.activity).toHaveLength(14);
    expect(overview.activity.at(-1)).toMatchObject({ answers: 5, activeStudents: 2 });
  });

  it("question insights: first-try share and common wrong answers", async () => {
    const s = await setup();
    const insights = await questionInsights(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      lessonSlug: TEST_LESSON.slug,
    });
    const q1 = insights.find((i) => i.questionId === "q1");
    expect(q1).toMatchObject({ students: 2, firstTryCorrectShare: 0 });
    expect(q1?.wrongAnswers[0]).toMatchObject({ answer: "1", count: 2 });
    expect(insights.find((i) => i.questionId === "q2")).toMatchObject({ firstTryCorrectShare: 1 });
  });

  it("removing a student keeps their quiz history; resetting a PIN stores the new hash", async () => {
    const s = await setup();
    await resetStudentPin(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      studentId: s.bob.student.id,
      pinHash: "hash:9999",
    });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: s.bob.student.id } })).pinHash).toBe(
      "hash:9999",
    );
    const before = await t.db.quizAttempt.count({ where: { studentId: s.ada.student.id } });
    await removeStudent(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      studentId: s.ada.student.id,
    });
    expect(await t.db.quizAttempt.count({ where: { studentId: s.ada.student.id } })).toBe(before);
    const roster = await listRoster(t.db, { actorId: s.teacher.id, classroomId: s.classroom.id });
    expect(roster.map((r) => r.studentId)).toEqual([s.bob.student.id]);
    const insights = await questionInsights(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      lessonSlug: TEST_LESSON.slug,
    });
    expect(insights.find((i) => i.questionId === "q1")?.students).toBe(2);
    await expect(recordQuizAttemptFor(s.ada.student.id, s.classroom.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  const recordQuizAttemptFor = (studentId: string, classroomId: string) =>
    recordQuizAttempt(t.db, {
      studentId,
      classroomId,
      lessonSlug: TEST_LESSON.slug,
      questionId: "q9",
      objectiveKey: objective,
      answer: "x",
      correct: true,
      score: 1,
    });

  it("an admin cannot invite into, or read, another school by guessing", async () => {
    const s = await setup();
    const other = await schoolWithClass(t.db);
    await expect(
      classProgress(t.db, {
        actorId: s.admin.id,
        classroomId: other.classroom.id,
        lessonSlug: TEST_LESSON.slug,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createInvite(t.db, { actorId: s.teacher.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
  it("shows the latest ended challenge's best private loss and rank in the grid", async () => {
    const s = await setup();
    const challenge = await createChallenge(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      title: "Race",
      dataset: {
        kind: "cats-dogs-2d",
        seed: 7,
        trainSize: 100,
        publicTestSize: 50,
        privateTestSize: 50,
        noise: 0.3,
      },
      controls: ["learningRate"],
      durationSeconds: 300,
    });
    for (const { student } of [s.ada, s.bob])
      await joinChallenge(t.db, { challengeId: challenge.id, studentId: student.id });
    await transitionChallenge(t.db, { actorId: s.teacher.id, challengeId: challenge.id, to: "live" });
    const model = { w: [1, 1], b: 0, standardisation: null };
    await recordModelUpdate(t.db, {
      challengeId: challenge.id,
      studentId: s.ada.student.id,
      model,
      publicLogLoss: 0.3,
      privateLogLoss: 0.5,
    });
    await recordModelUpdate(t.db, {
      challengeId: challenge.id,
      studentId: s.bob.student.id,
      model,
      publicLogLoss: 0.4,
      privateLogLoss: 0.25,
    });
    const input = { actorId: s.teacher.id, classroomId: s.classroom.id, lessonSlug: TEST_LESSON.slug };
    expect((await classProgress(t.db, input)).challenge).toBeNull(); // still live: nothing private shown
    await transitionChallenge(t.db, { actorId: s.teacher.id, challengeId: challenge.id, to: "ended" });
    const grid = await classProgress(t.db, input);
    expect(grid.challenge).toMatchObject({ id: challenge.id, title: "Race" });
    const byId = (id: string) => grid.students.find((r) => r.studentId === id)?.challenge;
    expect(byId(s.bob.student.id)).toMatchObject({ rank: 1 });
    expect(byId(s.ada.student.id)).toMatchObject({ rank: 2 });
    expect(byId(s.bob.student.id)?.privateLogLoss).toBeCloseTo(0.25, 12);
  });
});
