import { z } from "zod";
import type { Db } from "./client";
import { DbError, retryOnRace } from "./errors";
import type { QuizAttempt } from "./generated/sqlite/client";
import { markProgress, requireLesson } from "./lessons";
import { requireEnrollment } from "./users";
import { IdSchema, parseInput, type Tx } from "./validation";

export type { QuizAttempt };

/**
 * Mastery needs evidence: an objective is mastered once the student has answered this many different
 * questions of it correctly at the first try (a retry, after feedback has narrowed the options, never
 * counts)…
 */
export const MASTERY_MIN_QUESTIONS = 2;
/** …at least this many of them with their own numbers, which a classmate's answer or a lucky guess can't supply. */
export const MASTERY_MIN_OWN_NUMBERS = 1;
/** The most versions of one generated question a student can work through. */
export const MAX_QUESTION_VARIANT = 10_000;

export const RecordQuizAttemptInputSchema = z.object({
  studentId: IdSchema,
  classroomId: IdSchema,
  lessonSlug: z.string().min(1).max(64),
  questionId: z.string().trim().min(1).max(64),
  objectiveKey: z.string().min(1).max(64),
  /** Which version of the question was answered: 0 for a question that is the same for everyone. */
  variant: z.number().int().min(0).max(MAX_QUESTION_VARIANT).default(0),
  /** The question carried the student's own generated numbers. */
  ownNumbers: z.boolean().default(false),
  answer: z.string().max(500),
  correct: z.boolean(),
  score: z.number().min(0).max(1),
  durationMs: z.number().int().min(0).max(86_400_000).optional(),
});
export type RecordQuizAttemptInput = z.input<typeof RecordQuizAttemptInputSchema>;

export type ObjectiveMastery = {
  objectiveKey: string;
  attempts: number;
  questionsAnswered: number;
  /** Different questions answered correctly at the first try: the evidence mastery counts. */
  firstTryCorrect: number;
  /** How many of those carried the student's own numbers. */
  ownNumbersFirstTryCorrect: number;
  mastered: boolean;
};

export type RecordedQuizAttempt = {
  attempt: QuizAttempt;
  /** The student's first answer to this question and version. */
  firstTry: boolean;
  /** A correct first try: evidence towards mastery. */
  counted: boolean;
  mastery: ObjectiveMastery;
};

/**
 * Stores the attempt and, in the same transaction, marks the objective viewed/completed and mastered in
 * LessonProgress once the mastery rule holds. The student must be enrolled in the class and may answer a
 * generated question's versions in order only (the next one is shown once the previous was answered).
 * Whether this is the first try at the question is decided by the database: concurrent answers to the
 * same version race for one unique row, and the loser is stored as a retry.
 */
export async function recordQuizAttempt(db: Db, input: RecordQuizAttemptInput): Promise<RecordedQuizAttempt> {
  const data = parseInput(RecordQuizAttemptInputSchema, input);
  return retryOnRace(() =>
    db.$transaction(async (tx) => {
      const lesson = await requireLesson(tx, data.lessonSlug);
      if (!lesson.objectives.some((o) => o.key === data.objectiveKey)) {
        throw new DbError("INVALID", `Lesson ${lesson.slug} has no objective "${data.objectiveKey}"`);
      }
      await requireEnrollment(tx, data.classroomId, data.studentId);
      const question = { studentId: data.studentId, lessonId: lesson.id, questionId: data.questionId };
      const latest = await tx.quizAttempt.aggregate({ where: question, _max: { variant: true } });
      const nextVariant = (latest._max.variant ?? -1) + 1;
      if (data.variant > nextVariant) {
        throw new DbError(
          "INVALID",
          `Version ${data.variant + 1} of question ${data.questionId} hasn't been given yet: answer version ${nextVariant + 1} first`,
        );
      }
      const answeredBefore = await tx.quizAttempt.findFirst({
        where: { ...question, variant: data.variant },
        select: { id: true },
      });
      const firstTry = answeredBefore === null;
      const { lessonSlug: _slug, ...fields } = data;
      // A concurrent first answer to this version makes this insert fail on the unique index; the retry
      // then sees it and stores this one as a retry.
      const attempt = await tx.quizAttempt.create({
        data: { ...fields, lessonId: lesson.id, firstTry: firstTry ? true : null },
      });
      const mastery = await masteryOf(tx, data.studentId, lesson.id, data.objectiveKey);
      await markProgress(tx, {
        studentId: data.studentId,
        lessonSlug: lesson.slug,
        kind: "objective",
        key: data.objectiveKey,
        step: mastery.mastered ? "mastered" : "viewed",
      });
      return { attempt, firstTry, counted: firstTry && data.correct, mastery };
    }),
  );
}

type EvidenceRow = { questionId: string; ownNumbers: boolean; firstTry: boolean | null; correct: boolean };
const EVIDENCE_FIELDS = { questionId: true, ownNumbers: true, firstTry: true, correct: true } as const;

async function masteryOf(
  tx: Tx | Db,
  studentId: string,
  lessonId: string,
  objectiveKey: string,
): Promise<ObjectiveMastery> {
  const attempts = await tx.quizAttempt.findMany({
    where: { studentId, lessonId, objectiveKey },
    select: EVIDENCE_FIELDS,
  });
  return summarise(objectiveKey, attempts);
}

/** The mastery rule, from a student's attempts at one objective's questions. */
function summarise(objectiveKey: string, attempts: readonly EvidenceRow[]): ObjectiveMastery {
  const answered = new Set<string>();
  const evidence = new Set<string>();
  const ownNumbers = new Set<string>();
  for (const attempt of attempts) {
    answered.add(attempt.questionId);
    if (attempt.firstTry !== true || !attempt.correct) continue;
    evidence.add(attempt.questionId);
    if (attempt.ownNumbers) ownNumbers.add(attempt.questionId);
  }
  return {
    objectiveKey,
    attempts: attempts.length,
    questionsAnswered: answered.size,
    firstTryCorrect: evidence.size,
    ownNumbersFirstTryCorrect: ownNumbers.size,
    mastered: evidence.size >= MASTERY_MIN_QUESTIONS && ownNumbers.size >= MASTERY_MIN_OWN_NUMBERS,
  };
}

/** Mastery of every objective of the lesson for one student, in the lesson's objective order. */
export async function objectiveMastery(
  db: Db,
  input: { studentId: string; lessonSlug: string },
): Promise<ObjectiveMastery[]> {
  const lesson = await requireLesson(db, input.lessonSlug);
  const attempts = await db.quizAttempt.findMany({
    where: { studentId: input.studentId, lessonId: lesson.id },
    select: { ...EVIDENCE_FIELDS, objectiveKey: true },
  });
  return lesson.objectives.map((objective) =>
    summarise(
      objective.key,
      attempts.filter((a) => a.objectiveKey === objective.key),
    ),
  );
}

/** Where a student stands on one question: what to show next and whether it already counts. */
export type QuestionRecord = {
  questionId: string;
  /** The latest version answered (0 for questions that are the same for everyone). */
  latestVariant: number;
  /** That version has been answered correctly (at any try). */
  latestSolved: boolean;
  /** Some version was answered correctly at the first try. */
  counted: boolean;
  attempts: number;
};

/** The student's record on every question of the lesson they have answered, by question id. */
export async function quizRecords(
  db: Db,
  input: { studentId: string; lessonSlug: string },
): Promise<Map<string, QuestionRecord>> {
  const lesson = await requireLesson(db, input.lessonSlug);
  const attempts = await db.quizAttempt.findMany({
    where: { studentId: input.studentId, lessonId: lesson.id },
    select: { questionId: true, variant: true, firstTry: true, correct: true },
  });
  const records = new Map<string, QuestionRecord>();
  for (const a of attempts) {
    const record = records.get(a.questionId) ?? {
      questionId: a.questionId,
      latestVariant: a.variant,
      latestSolved: false,
      counted: false,
      attempts: 0,
    };
    if (a.variant > record.latestVariant) {
      record.latestVariant = a.variant;
      record.latestSolved = false;
    }
    if (a.variant === record.latestVariant && a.correct) record.latestSolved = true;
    if (a.firstTry === true && a.correct) record.counted = true;
    record.attempts += 1;
    records.set(a.questionId, record);
  }
  return records;
}

export type WrongAnswer = { questionId: string; answer: string; count: number };

/** The most frequent wrong answers in a class for one lesson, most common first. */
export async function commonWrongAnswers(
  db: Db,
  input: { classroomId: string; lessonSlug: string; limit?: number },
): Promise<WrongAnswer[]> {
  const lesson = await requireLesson(db, input.lessonSlug);
  const groups = await db.quizAttempt.groupBy({
    by: ["questionId", "answer"],
    where: { classroomId: input.classroomId, lessonId: lesson.id, correct: false },
    _count: { _all: true },
  });
  return groups
    .map((g) => ({ questionId: g.questionId, answer: g.answer, count: g._count._all }))
    .sort(
      (a, b) =>
        b.count - a.count || a.questionId.localeCompare(b.questionId) || a.answer.localeCompare(b.answer),
    )
    .slice(0, input.limit ?? 20);
}
