import "server-only";
import {
  type Db,
  type ObjectiveMastery,
  type QuestionRecord,
  quizRecords,
  recordQuizAttempt,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { ensureLesson } from "../lessons";
import { scoreModel } from "../scoring";
import { findQuestion } from "./bank";
import { answerToString, gradeAnswer } from "./grade";
import { presentQuestion, type QuizOwner, toPublicQuestion, VISITOR } from "./present";
import type { Answer, PublicQuestion, Question, QuestionStanding } from "./types";

/** A signed-in student in a class: their answers are recorded and graded on their own numbers. */
export interface QuizStudent {
  studentId: string;
  classroomId: string;
}

export type QuizQuestionView = PublicQuestion & QuestionStanding;

export interface QuizAnswerResult {
  correct: boolean;
  feedback: string;
  /** Recorded students only: this was their first answer to this version. */
  firstTry: boolean | null;
  /** A correct first try: it counts towards mastery. */
  counted: boolean;
  /** The objective's mastery after this answer (recorded students only). */
  mastery: ObjectiveMastery | null;
}

const ownerOf = (student: QuizStudent | null): QuizOwner =>
  student ? { kind: "student", studentId: student.studentId } : VISITOR;

function questionOrThrow(lessonSlug: string, questionId: string): Question {
  const question = findQuestion(lessonSlug, questionId);
  if (!question)
    throw new TRPCError({ code: "NOT_FOUND", message: `No question ${questionId} in this lesson` });
  return question;
}

async function recordsOf(db: Db, lessonSlug: string, student: QuizStudent | null) {
  if (!student) return new Map<string, QuestionRecord>();
  const lesson = await ensureLesson(db, lessonSlug);
  if (!lesson) throw new TRPCError({ code: "NOT_FOUND", message: `No lesson ${lessonSlug}` });
  return quizRecords(db, { studentId: student.studentId, lessonSlug });
}

/** The version to show: the latest one until it is answered right, then a fresh one. */
function currentVariant(question: Question, record: QuestionRecord | undefined): number {
  if (question.kind !== "generated" || !record) return 0;
  return record.latestSolved ? record.latestVariant + 1 : record.latestVariant;
}

/**
 * Versions come in order: a student may see (and answer) any version up to the one after the latest they
 * answered; a question that is the same for everyone has only version 0. Visitors record nothing, so
 * any version is theirs to try.
 */
function assertVariantAvailable(
  question: Question,
  variant: number,
  record: QuestionRecord | undefined,
  student: QuizStudent | null,
): void {
  if (question.kind !== "generated") {
    if (variant !== 0) {
      throw new TRPCError({ code: "BAD_REQUEST", message: `Question ${question.id} has only one version` });
    }
    return;
  }
  const next = (record?.latestVariant ?? -1) + 1;
  if (student && variant > next) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Answer version ${next + 1} of question ${question.id} before asking for version ${variant + 1}`,
    });
  }
}

function view(
  question: Question,
  owner: QuizOwner,
  variant: number,
  record?: QuestionRecord,
): QuizQuestionView {
  return {
    ...toPublicQuestion(presentQuestion(question, owner, variant)),
    answered: record !== undefined && variant <= record.latestVariant,
    counted: record?.counted ?? false,
  };
}

/** The questions of one quiz block in the given order, each at the version the student is on. */
export async function listQuestions(
  db: Db,
  input: { lessonSlug: string; questionIds: readonly string[]; student: QuizStudent | null },
): Promise<QuizQuestionView[]> {
  const questions = input.questionIds.map((id) => questionOrThrow(input.lessonSlug, id));
  const records = await recordsOf(db, input.lessonSlug, input.student);
  const owner = ownerOf(input.student);
  return questions.map((question) => {
    const record = records.get(question.id);
    return view(question, owner, currentVariant(question, record), record);
  });
}

/** One version of a generated question: "new numbers" after answering the current one. */
export async function questionVersion(
  db: Db,
  input: { lessonSlug: string; questionId: string; variant: number; student: QuizStudent | null },
): Promise<QuizQuestionView> {
  const question = questionOrThrow(input.lessonSlug, input.questionId);
  const record = (await recordsOf(db, input.lessonSlug, input.student)).get(question.id);
  assertVariantAvailable(question, input.variant, record, input.student);
  return view(question, ownerOf(input.student), input.variant, record);
}

/**
 * Grades an answer to the version the student was shown, rebuilt here from their seed (the browser only
 * names the question and version). A student's answer is recorded; whether it is their first try, and so
 * whether a correct answer counts towards mastery, is decided by the database. `countAttempt` runs once
 * the question is known and before grading (the rate limit: every answer is a guess until graded).
 */
export async function submitAnswer(
  db: Db,
  input: {
    lessonSlug: string;
    questionId: string;
    variant: number;
    answer: Answer;
    durationMs?: number;
    student: QuizStudent | null;
  },
  countAttempt: (questionId: string) => Promise<void>,
): Promise<QuizAnswerResult> {
  const question = questionOrThrow(input.lessonSlug, input.questionId);
  await countAttempt(question.id);
  const { student } = input;
  // Only the one-version rule here: for students the database checks the order of versions, atomically
  // with recording the answer.
  assertVariantAvailable(question, input.variant, undefined, null);
  const presented = presentQuestion(question, ownerOf(student), input.variant);
  const grade = gradeAnswer(presented, input.answer, (model) => scoreModel(model).accuracy);
  if (!student)
    return {
      correct: grade.correct,
      feedback: grade.feedback,
      firstTry: null,
      counted: false,
      mastery: null,
    };
  const lesson = await ensureLesson(db, input.lessonSlug);
  if (!lesson) throw new TRPCError({ code: "NOT_FOUND", message: `No lesson ${input.lessonSlug}` });
  const recorded = await recordQuizAttempt(db, {
    studentId: student.studentId,
    classroomId: student.classroomId,
    lessonSlug: input.lessonSlug,
    questionId: question.id,
    objectiveKey: question.objectiveId,
    variant: presented.variant,
    ownNumbers: presented.ownNumbers,
    answer: answerToString(presented, input.answer),
    correct: grade.correct,
    score: grade.score,
    durationMs: input.durationMs,
  });
  return {
    correct: grade.correct,
    feedback: grade.feedback,
    firstTry: recorded.firstTry,
    counted: recorded.counted,
    mastery: recorded.mastery,
  };
}

/** Every question's id, objective and short title: the teacher's record of attempts names them. */
export function questionCatalogue(questions: readonly Question[]) {
  return questions.map(({ id, objectiveId, title, kind }) => ({
    id,
    objectiveId,
    title,
    ownNumbers: kind === "generated",
  }));
}
