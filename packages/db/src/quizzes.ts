import { z } from "zod";
import type { Db } from "./client";
import { DbError } from "./errors";
import type { QuizAttempt } from "./generated/sqlite/client";
import { markProgress, requireLesson } from "./lessons";
import { requireEnrollment } from "./users";
import { IdSchema, parseInput, type Tx } from "./validation";

export type { QuizAttempt };

/** An objective is mastered when at least this many of its questions have been answered… */
export const MASTERY_MIN_QUESTIONS = 2;
/** …and at least this share of the latest answers to them are correct. */
export const MASTERY_THRESHOLD = 0.8;

export const RecordQuizAttemptInputSchema = z.object({
  studentId: IdSchema,
  classroomId: IdSchema,
  lessonSlug: z.string().min(1).max(64),
  questionId: z.string().trim().min(1).max(64),
  objectiveKey: z.string().min(1).max(64),
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
  /** Share of the questions whose latest answer is correct (0 when none answered). */
  latestCorrectShare: number;
  mastered: boolean;
};

/**
 * Stores the attempt and, in the same transaction, marks the objective viewed/completed and mastered in
 * LessonProgress once the mastery rule holds. The student must be enrolled in the class.
 */
export async function recordQuizAttempt(
  db: Db,
  input: RecordQuizAttemptInput,
): Promise<{ attempt: QuizAttempt; mastery: ObjectiveMastery }> {
  const data = parseInput(RecordQuizAttemptInputSchema, input);
  return db.$transaction(async (tx) => {
    const lesson = await requireLesson(tx, data.lessonSlug);
    if (!lesson.objectives.some((o) => o.key === data.objectiveKey)) {
      throw new DbError("INVALID", `Lesson ${lesson.slug} has no objective "${data.objectiveKey}"`);
    }
    await requireEnrollment(tx, data.classroomId, data.studentId);
    const { lessonSlug: _slug, ...fields } = data;
    const attempt = await tx.quizAttempt.create({ data: { ...fields, lessonId: lesson.id } });
    const mastery = await masteryOf(tx, data.studentId, lesson.id, data.objectiveKey);
    await markProgress(tx, {
      studentId: data.studentId,
      lessonSlug: lesson.slug,
      kind: "objective",
      key: data.objectiveKey,
      step: mastery.mastered ? "mastered" : "viewed",
    });
    return { attempt, mastery };
  });
}

async function masteryOf(
  tx: Tx | Db,
  studentId: string,
  lessonId: string,
  objectiveKey: string,
): Promise<ObjectiveMastery> {
  const attempts = await tx.quizAttempt.findMany({
    where: { studentId, lessonId, objectiveKey },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { questionId: true, correct: true },
  });
  return summarise(objectiveKey, attempts);
}

function summarise(
  objectiveKey: string,
  attempts: Array<{ questionId: string; correct: boolean }>,
): ObjectiveMastery {
  const latest = new Map<string, boolean>();
  for (const attempt of attempts) latest.set(attempt.questionId, attempt.correct);
  const questionsAnswered = latest.size;
  const correct = [...latest.values()].filter(Boolean).length;
  const latestCorrectShare = questionsAnswered === 0 ? 0 : correct / questionsAnswered;
  return {
    objectiveKey,
    attempts: attempts.length,
    questionsAnswered,
    latestCorrectShare,
    mastered: questionsAnswered >= MASTERY_MIN_QUESTIONS && latestCorrectShare >= MASTERY_THRESHOLD,
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
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { questionId: true, objectiveKey: true, correct: true },
  });
  return lesson.objectives.map((objective) =>
    summarise(
      objective.key,
      attempts.filter((a) => a.objectiveKey === objective.key),
    ),
  );
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
