import { z } from "zod";

interface QuestionBase {
  id: string;
  objectiveId: string;
  /** Plain text; `tex` (optional) is a formula shown under it. */
  prompt: string;
  tex?: string;
  /** Shown after a correct answer. */
  explanation: string;
}

export interface NumericQuestion extends QuestionBase {
  kind: "numeric";
  answer: number;
  tolerance: number;
  /** Shown after a wrong answer: a nudge, never the number. */
  hint: string;
}

export interface ChoiceQuestion extends QuestionBase {
  /** "formula" is a choice whose options are formulas (completing a missing piece). */
  kind: "choice" | "formula";
  choices: { id: string; text: string; correct: boolean; whyWrong?: string }[];
}

export interface BoundaryQuestion extends QuestionBase {
  kind: "boundary";
  hint: string;
}

export type Question = NumericQuestion | ChoiceQuestion | BoundaryQuestion;

/** What the browser may see before answering: no answers, no explanations. */
export type PublicQuestion =
  | (Pick<NumericQuestion, "id" | "objectiveId" | "prompt" | "tex"> & { kind: "numeric" })
  | (Pick<ChoiceQuestion, "id" | "objectiveId" | "prompt" | "tex" | "kind"> & {
      choices: { id: string; text: string }[];
    })
  | (Pick<BoundaryQuestion, "id" | "objectiveId" | "prompt" | "tex"> & { kind: "boundary" });

const finite = z.number().finite().min(-1e6).max(1e6);

export const AnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("numeric"), value: finite }),
  z.object({ kind: z.literal("choice"), choiceId: z.string().min(1).max(40) }),
  z.object({ kind: z.literal("boundary"), w: z.tuple([finite, finite]), b: finite }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

export interface Grade {
  correct: boolean;
  score: number;
  feedback: string;
}
