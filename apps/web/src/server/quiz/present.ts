import { createHash } from "node:crypto";
import { RandomState } from "@margin/core";
import type { PresentedQuestion, PublicQuestion, Question } from "./types";

/**
 * Whose numbers: a student's own, or the shared stream every visitor (and teacher previewing) sees. Seeds
 * need no secret: the numbers are shown anyway, and what a student must still do is the computation.
 */
export type QuizOwner = { kind: "student"; studentId: string } | { kind: "visitor" };

export const VISITOR: QuizOwner = { kind: "visitor" };

/** The 32-bit numpy seed of one version of one question for one owner (stable across restarts). */
export function variantSeed(owner: QuizOwner, questionId: string, variant: number): number {
  const who = owner.kind === "student" ? `student:${owner.studentId}` : "visitor";
  return createHash("sha256").update(`${who}\u0000${questionId}\u0000${variant}`).digest().readUInt32BE(0);
}

/**
 * The version `variant` of `question` as `owner` sees it. Generated questions draw their numbers from the
 * seed; choices are shuffled per owner (a fixed order put the right option first for every student) and
 * get positional ids ("1", "2", …), so neither the order nor the ids give the answer away.
 */
export function presentQuestion(question: Question, owner: QuizOwner, variant: number): PresentedQuestion {
  const { id, objectiveId } = question;
  switch (question.kind) {
    case "generated":
      return {
        id,
        objectiveId,
        variant,
        ownNumbers: true,
        kind: "numeric",
        ...question.generate(new RandomState(variantSeed(owner, id, variant))),
      };
    case "numeric": {
      const { prompt, tex, answer, tolerance, hint, explanation } = question;
      return {
        id,
        objectiveId,
        variant: 0,
        ownNumbers: false,
        kind: "numeric",
        prompt,
        tex,
        answer,
        tolerance,
        hint,
        explanation,
      };
    }
    case "boundary": {
      const { prompt, tex, hint, explanation } = question;
      return {
        id,
        objectiveId,
        variant: 0,
        ownNumbers: false,
        kind: "boundary",
        prompt,
        tex,
        hint,
        explanation,
      };
    }
    case "choice":
    case "formula": {
      const order = new RandomState(variantSeed(owner, id, 0)).permutation(question.choices.length);
      const choices = Array.from(order, (index, position) => ({
        ...(question.choices[index] as (typeof question.choices)[number]),
        publicId: String(position + 1),
      }));
      const { prompt, tex, explanation } = question;
      return {
        id,
        objectiveId,
        variant: 0,
        ownNumbers: false,
        kind: question.kind,
        prompt,
        tex,
        choices,
        explanation,
      };
    }
  }
}

/** Strips answers, tolerances, hints, reasons and explanations: what may be sent before a student answers. */
export function toPublicQuestion(presented: PresentedQuestion): PublicQuestion {
  const { id, objectiveId, variant, ownNumbers, prompt, tex } = presented;
  const base = { id, objectiveId, variant, ownNumbers, prompt, tex };
  switch (presented.kind) {
    case "numeric":
    case "boundary":
      return { ...base, kind: presented.kind };
    case "choice":
    case "formula":
      return {
        ...base,
        kind: presented.kind,
        choices: presented.choices.map((choice) => ({ id: choice.publicId, text: choice.text })),
      };
  }
}
