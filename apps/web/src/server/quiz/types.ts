import type { RandomState } from "@margin/core";
import { MAX_QUESTION_VARIANT } from "@margin/db";
import { z } from "zod";

/**
 * Quiz text is the lesson's rich text: inline math between single dollars ($\sigma(z)$), **bold** and
 * `code`, rendered the same way as the lesson page.
 */
export type QuizText = string;

interface QuestionBase {
  /** Stable: attempts refer to it. */
  id: string;
  objectiveId: string;
  /** A few words naming the question in the teacher's record of attempts. */
  title: string;
}

/** A numeric question with its numbers fixed. */
export interface NumericContent {
  prompt: QuizText;
  /** A formula shown under the prompt. */
  tex?: string;
  answer: number;
  /** Accepted distance from `answer`. */
  tolerance: number;
  /** Shown after a wrong answer: a nudge, never the number. */
  hint: QuizText;
  /** Shown after a correct answer. */
  explanation: QuizText;
}

/** The same numbers for everyone. */
export interface NumericQuestion extends QuestionBase, NumericContent {
  kind: "numeric";
}

/**
 * Fresh numbers for every student and every version: `generate` draws them from a random stream seeded
 * by (student, question, version), so the server can rebuild exactly what a student was shown.
 */
export interface GeneratedQuestion extends QuestionBase {
  kind: "generated";
  generate: (random: RandomState) => NumericContent;
}

export interface Choice {
  id: string;
  text: QuizText;
  correct: boolean;
  whyWrong?: QuizText;
}

export interface ChoiceQuestion extends QuestionBase {
  /** "formula" is a choice whose options are formulas (completing a missing piece). */
  kind: "choice" | "formula";
  prompt: QuizText;
  tex?: string;
  choices: readonly Choice[];
  explanation: QuizText;
}

export interface BoundaryQuestion extends QuestionBase {
  kind: "boundary";
  prompt: QuizText;
  tex?: string;
  hint: QuizText;
  explanation: QuizText;
}

export type Question = NumericQuestion | GeneratedQuestion | ChoiceQuestion | BoundaryQuestion;

/** One version of a question as one student (or visitor) sees it, answers included: server-only. */
export type PresentedQuestion = {
  id: string;
  objectiveId: string;
  /** Which version: 0 for a question that is the same for everyone. */
  variant: number;
  /** Generated with this student's own numbers. */
  ownNumbers: boolean;
} & (
  | ({ kind: "numeric" } & NumericContent)
  | {
      kind: "choice" | "formula";
      prompt: QuizText;
      tex?: string;
      /** In the order shown; `publicId` is what the browser sends back. */
      choices: readonly (Choice & { publicId: string })[];
      explanation: QuizText;
    }
  | { kind: "boundary"; prompt: QuizText; tex?: string; hint: QuizText; explanation: QuizText }
);

/** What the browser may see before answering: no answers, hints, reasons or explanations. */
export type PublicQuestion = {
  id: string;
  objectiveId: string;
  variant: number;
  ownNumbers: boolean;
  prompt: QuizText;
  tex?: string;
} & (
  | { kind: "numeric" | "boundary" }
  | { kind: "choice" | "formula"; choices: { id: string; text: QuizText }[] }
);

/** The signed-in student's standing on one question, for the page to say whether an answer will count. */
export interface QuestionStanding {
  /** This version has been answered before: another answer is a retry and won't count. */
  answered: boolean;
  /** Some version was right at the first try: it already counts towards mastery. */
  counted: boolean;
}

const finite = z.number().finite().min(-1e6).max(1e6);

export const AnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("numeric"), value: finite }),
  z.object({ kind: z.literal("choice"), choiceId: z.string().min(1).max(40) }),
  z.object({ kind: z.literal("boundary"), w: z.tuple([finite, finite]), b: finite }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export const VariantSchema = z.number().int().min(0).max(MAX_QUESTION_VARIANT);

export interface Grade {
  correct: boolean;
  score: number;
  feedback: QuizText;
}
