import { z } from "zod";
import { recordAudit } from "./audit";
import { finalStandings } from "./challenge-ranking";
import { endChallengesPastDeadline } from "./challenges";
import { managedClassroomById } from "./classrooms";
import type { Db } from "./client";
import { DbError } from "./errors";
import type { Classroom } from "./generated/sqlite/client";
import { type ClassroomLabStatus, labStatusOf } from "./labs";
import { requireLesson, toLesson } from "./lessons";
import { commonWrongAnswers, type WrongAnswer } from "./quizzes";
import { revokeUserSessions } from "./sessions";
import { IdSchema, NameSchema, parseInput, SecretHashSchema } from "./validation";

export async function renameClassroom(
  db: Db,
  input: { actorId: string; classroomId: string; name: string },
): Promise<Classroom> {
  const data = parseInput(z.object({ actorId: IdSchema, classroomId: IdSchema, name: NameSchema }), input);
  await managedClassroomById(db, data.actorId, data.classroomId);
  return db.classroom.update({ where: { id: data.classroomId }, data: { name: data.name } });
}

export type RosterEntry = {
  studentId: string;
  nickname: string;
  joinedAt: Date;
  /** The latest quiz answer, lesson step or challenge model, else the join time. */
  lastSeenAt: Date;
};

async function lastSeen(db: Db, classroomId: string, studentIds: string[]): Promise<Map<string, Date>> {
  const [quiz, progress, challenge] = await Promise.all([
    db.quizAttempt.groupBy({
      by: ["studentId"],
      where: { classroomId, studentId: { in: studentIds } },
      _max: { createdAt: true },
    }),
    db.lessonProgress.groupBy({
      by: ["studentId"],
      where: { studentId: { in: studentIds } },
      _max: { updatedAt: true },
    }),
    db.challengeParticipant.groupBy({
      by: ["studentId"],
      where: { studentId: { in: studentIds }, challenge: { classroomId } },
      _max: { finalAt: true },
    }),
  ]);
  const latest = new Map<string, Date>();
  const see = (id: string, at: Date | null | undefined) => {
    const current = latest.get(id);
    if (at && (!current || at > current)) latest.set(id, at);
  };
  for (const row of quiz) see(row.studentId, row._max.createdAt);
  for (const row of progress) see(row.studentId, row._max.updatedAt);
  for (const row of challenge) see(row.studentId, row._max.finalAt);
  return latest;
}

/** The class's current students (removed ones are not listed), in joining order. */
export async function listRoster(
  db: Db,
  input: { actorId: string; classroomId: string },
): Promise<RosterEntry[]> {
  const classroom = await managedClassroomById(db, input.actorId, input.classroomId);
  const enrollments = await db.enrollment.findMany({
    where: { classroomId: classroom.id, student: { archivedAt: null } },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
  });
  const seen = await lastSeen(
    db,
    classroom.id,
    enrollments.map((e) => e.studentId),
  );
  return enrollments.map((e) => {
    const at = seen.get(e.studentId);
    return {
      studentId: e.studentId,
      nickname: e.nickname,
      joinedAt: e.joinedAt,
      lastSeenAt: at && at > e.joinedAt ? at : e.joinedAt,
    };
  });
}

/**
 * Removes a student from the class without erasing anything they did: the enrollment (their access and
 * their nickname in the class) is deleted and the student account archived, so the PIN no longer rejoins
 * and quiz, lesson and challenge writes are refused; their quiz attempts, lesson progress and challenge
 * entries stay, so question insights and past leaderboards keep counting them.
 */
export async function removeStudent(
  db: Db,
  input: { actorId: string; classroomId: string; studentId: string },
): Promise<void> {
  const data = parseInput(z.object({ actorId: IdSchema, classroomId: IdSchema, studentId: IdSchema }), input);
  await managedClassroomById(db, data.actorId, data.classroomId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.enrollment.deleteMany({
      where: { classroomId: data.classroomId, studentId: data.studentId },
    });
    if (count === 0) throw new DbError("NOT_FOUND", "No such student in this class");
    await tx.user.updateMany({
      where: { id: data.studentId, role: "student", archivedAt: null },
      data: { archivedAt: new Date() },
    });
    await revokeUserSessions(tx, { userId: data.studentId, reason: "removed_from_class" });
  });
}

/**
 * Stores a new PIN hash (the caller generates the PIN, shows it once and hashes it with hashSecret). The
 * old PIN may be known to someone else, so the student's open sessions end with it; the reset is audited.
 */
export async function resetStudentPin(
  db: Db,
  input: { actorId: string; classroomId: string; studentId: string; pinHash: string },
): Promise<void> {
  const data = parseInput(
    z.object({ actorId: IdSchema, classroomId: IdSchema, studentId: IdSchema, pinHash: SecretHashSchema }),
    input,
  );
  const classroom = await managedClassroomById(db, data.actorId, data.classroomId);
  await db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({
      where: { classroomId_studentId: { classroomId: data.classroomId, studentId: data.studentId } },
    });
    if (!enrollment) throw new DbError("NOT_FOUND", "No such student in this class");
    await tx.user.update({ where: { id: data.studentId }, data: { pinHash: data.pinHash } });
    const ended = await revokeUserSessions(tx, { userId: data.studentId, reason: "pin_reset" });
    await recordAudit(tx, {
      action: "student_pin.reset",
      actorId: data.actorId,
      targetId: data.studentId,
      schoolId: classroom.schoolId,
      classroomId: classroom.id,
      detail: { nickname: enrollment.nickname, sessionsEnded: ended },
    });
  });
}

/**
 * mastered: the objective's quiz questions answered right; completed: its activity done (the coding lab
 * passed, say) without quiz mastery yet; practising: started.
 */
export type ObjectiveStatus = "not-started" | "practising" | "completed" | "mastered";

export type ProgressRow = RosterEntry & {
  objectives: Record<string, ObjectiveStatus>;
  mastered: number;
  sectionsViewed: number;
  /** Questions answered, and how many of them were answered correctly at the first try (retries don't count). */
  quiz: { answered: number; correct: number };
  /** The class's latest ended challenge: the final board's private log loss and rank (1 = best). */
  challenge: { privateLogLoss: number | null; rank: number | null } | null;
  /** The lesson's coding lab, from the server-graded runs. */
  lab: ClassroomLabStatus;
};

export type ClassProgress = {
  classroom: Pick<Classroom, "id" | "name" | "joinCode">;
  objectives: Array<{ key: string; text: string }>;
  sectionsTotal: number;
  challenge: { id: string; title: string; endedAt: Date | null } | null;
  students: ProgressRow[];
};

/**
 * Students × objectives, quiz score and the latest ended challenge's final-board result (the one ranking
 * of ./challenge-ranking.ts): the progress grid.
 */
export async function classProgress(
  db: Db,
  input: { actorId: string; classroomId: string; lessonSlug: string },
): Promise<ClassProgress> {
  const classroom = await managedClassroomById(db, input.actorId, input.classroomId);
  const lesson = await requireLesson(db, input.lessonSlug);
  const roster = await listRoster(db, { actorId: input.actorId, classroomId: classroom.id });
  const ids = roster.map((r) => r.studentId);
  await endChallengesPastDeadline(db, { classroomId: classroom.id });
  const [progress, attempts, challenge, labWork] = await Promise.all([
    db.lessonProgress.findMany({
      where: { lessonId: lesson.id, studentId: { in: ids } },
      select: { studentId: true, kind: true, key: true, viewedAt: true, completedAt: true, masteredAt: true },
    }),
    db.quizAttempt.findMany({
      where: { classroomId: classroom.id, lessonId: lesson.id, studentId: { in: ids } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { studentId: true, questionId: true, correct: true, firstTry: true },
    }),
    db.challenge.findFirst({
      where: { classroomId: classroom.id, status: "ended" },
      orderBy: [{ endedAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, title: true, endedAt: true },
    }),
    db.labWork.findMany({ where: { lessonSlug: lesson.slug, studentId: { in: ids } } }),
  ]);
  const labs = new Map(labWork.map((row) => [row.studentId, row]));
  const standings = new Map(
    (challenge ? await finalStandings(db, challenge.id) : []).map((row) => [row.studentId, row]),
  );

  // Per student: each question answered → whether some version of it was right at the first try.
  const firstTries = new Map<string, Map<string, boolean>>();
  for (const a of attempts) {
    const own = firstTries.get(a.studentId) ?? new Map<string, boolean>();
    own.set(a.questionId, (own.get(a.questionId) ?? false) || (a.firstTry === true && a.correct));
    firstTries.set(a.studentId, own);
  }
  const rows = new Map<string, typeof progress>();
  for (const row of progress) rows.set(row.studentId, [...(rows.get(row.studentId) ?? []), row]);

  const students = roster.map((entry): ProgressRow => {
    const own = rows.get(entry.studentId) ?? [];
    const objectives = Object.fromEntries(
      lesson.objectives.map(({ key }) => {
        const row = own.find((r) => r.kind === "objective" && r.key === key);
        const status: ObjectiveStatus = row?.masteredAt
          ? "mastered"
          : row?.completedAt
            ? "completed"
            : row?.viewedAt
              ? "practising"
              : "not-started";
        return [key, status];
      }),
    );
    const answers = [...(firstTries.get(entry.studentId)?.values() ?? [])];
    const standing = standings.get(entry.studentId);
    return {
      ...entry,
      objectives,
      mastered: Object.values(objectives).filter((s) => s === "mastered").length,
      sectionsViewed: own.filter((r) => r.kind === "section" && r.viewedAt).length,
      quiz: { answered: answers.length, correct: answers.filter(Boolean).length },
      challenge: standing ? { privateLogLoss: standing.privateLogLoss, rank: standing.rank } : null,
      lab: labStatusOf(labs.get(entry.studentId)),
    };
  });
  return {
    classroom: { id: classroom.id, name: classroom.name, joinCode: classroom.joinCode },
    objectives: lesson.objectives,
    sectionsTotal: lesson.sections.length,
    challenge,
    students,
  };
}

/** One quiz answer as the teacher's record shows it. */
export type QuizAttemptRecord = {
  questionId: string;
  objectiveKey: string;
  /** Which version of a generated question (0 for questions that are the same for everyone). */
  variant: number;
  ownNumbers: boolean;
  firstTry: boolean;
  correct: boolean;
  /** A correct first try: evidence towards mastery. */
  counted: boolean;
  answer: string;
  durationMs: number | null;
};

export type TimelineEvent = {
  at: Date;
  kind: "joined" | "section" | "objective-mastered" | "quiz" | "challenge";
  label: string;
  detail?: string;
  /** Quiz events only: the attempt itself. */
  attempt?: QuizAttemptRecord;
};

/** One student's history in the class, newest first. */
export async function studentTimeline(
  db: Db,
  input: { actorId: string; classroomId: string; studentId: string },
): Promise<{ nickname: string; events: TimelineEvent[] }> {
  const classroom = await managedClassroomById(db, input.actorId, input.classroomId);
  const enrollment = await db.enrollment.findUnique({
    where: { classroomId_studentId: { classroomId: classroom.id, studentId: input.studentId } },
  });
  if (!enrollment) throw new DbError("NOT_FOUND", "No such student in this class");
  const [progress, attempts, challenges] = await Promise.all([
    db.lessonProgress.findMany({ where: { studentId: input.studentId }, include: { lesson: true } }),
    db.quizAttempt.findMany({
      where: { studentId: input.studentId, classroomId: classroom.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.challengeParticipant.findMany({
      where: { studentId: input.studentId, challenge: { classroomId: classroom.id } },
      include: { challenge: { select: { title: true } } },
    }),
  ]);
  const events: TimelineEvent[] = [{ at: enrollment.joinedAt, kind: "joined", label: "Joined the class" }];
  const lessons = new Map(progress.map((row) => [row.lessonId, toLesson(row.lesson)]));
  for (const row of progress) {
    const lesson = lessons.get(row.lessonId);
    if (row.kind === "section" && row.viewedAt) {
      const title = lesson?.sections.find((section) => section.key === row.key)?.title ?? row.key;
      events.push({ at: row.viewedAt, kind: "section", label: `Read “${title}”`, detail: lesson?.title });
    }
    if (row.kind === "objective" && row.masteredAt) {
      const text = lesson?.objectives.find((objective) => objective.key === row.key)?.text ?? row.key;
      events.push({
        at: row.masteredAt,
        kind: "objective-mastered",
        label: `Mastered ${row.key}`,
        detail: text,
      });
    }
  }
  for (const a of attempts) {
    const firstTry = a.firstTry === true;
    events.push({
      at: a.createdAt,
      kind: "quiz",
      label: `${a.correct ? "Correct" : "Wrong"} answer to ${a.questionId}${a.ownNumbers ? ` (own numbers, version ${a.variant + 1})` : ""}, ${firstTry ? "first try" : "retry"}`,
      detail: `answered ${a.answer}${firstTry && a.correct ? "; counts towards mastery" : ""}`,
      attempt: {
        questionId: a.questionId,
        objectiveKey: a.objectiveKey,
        variant: a.variant,
        ownNumbers: a.ownNumbers,
        firstTry,
        correct: a.correct,
        counted: firstTry && a.correct,
        answer: a.answer,
        durationMs: a.durationMs,
      },
    });
  }
  for (const p of challenges)
    events.push({
      at: p.bestAt ?? p.joinedAt,
      kind: "challenge",
      label: `Challenge “${p.challenge.title}”`,
      detail:
        p.bestPublicLogLoss === null
          ? "joined, no model yet"
          : `best public log loss ${p.bestPublicLogLoss.toFixed(4)}`,
    });
  events.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { nickname: enrollment.nickname, events };
}

export type QuestionInsight = {
  questionId: string;
  objectiveKey: string;
  students: number;
  /** Share of the students who answered whose first answer was correct. */
  firstTryCorrectShare: number;
  wrongAnswers: WrongAnswer[];
};

/** Per quiz question: share correct on the first try and the most common wrong answers in the class. */
export async function questionInsights(
  db: Db,
  input: { actorId: string; classroomId: string; lessonSlug: string },
): Promise<QuestionInsight[]> {
  const classroom = await managedClassroomById(db, input.actorId, input.classroomId);
  const lesson = await requireLesson(db, input.lessonSlug);
  const [attempts, wrong] = await Promise.all([
    db.quizAttempt.findMany({
      where: { classroomId: classroom.id, lessonId: lesson.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { studentId: true, questionId: true, objectiveKey: true, correct: true },
    }),
    commonWrongAnswers(db, { classroomId: classroom.id, lessonSlug: lesson.slug, limit: 1000 }),
  ]);
  const byQuestion = new Map<string, { objectiveKey: string; first: Map<string, boolean> }>();
  for (const a of attempts) {
    const q = byQuestion.get(a.questionId) ?? { objectiveKey: a.objectiveKey, first: new Map() };
    if (!q.first.has(a.studentId)) q.first.set(a.studentId, a.correct);
    byQuestion.set(a.questionId, q);
  }
  return [...byQuestion.entries()]
    .map(([questionId, q]) => ({
      questionId,
      objectiveKey: q.objectiveKey,
      students: q.first.size,
      firstTryCorrectShare: [...q.first.values()].filter(Boolean).length / q.first.size,
      wrongAnswers: wrong.filter((w) => w.questionId === questionId).slice(0, 3),
    }))
    .sort(
      (a, b) => a.firstTryCorrectShare - b.firstTryCorrectShare || a.questionId.localeCompare(b.questionId),
    );
}
