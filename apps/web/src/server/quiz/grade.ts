import type { Model } from "@margin/core";
import type { Answer, Grade, PublicQuestion, Question } from "./types";

/**
 * Grades one answer. `accuracyOf` scores an interactive boundary on the lesson's data (injected so this
 * stays pure). A wrong answer gets a reason or a hint, never the correct answer itself.
 */
export function gradeAnswer(question: Question, answer: Answer, accuracyOf: (model: Model) => number): Grade {
  const right = (feedback: string): Grade => ({ correct: true, score: 1, feedback });
  const wrong = (feedback: string): Grade => ({ correct: false, score: 0, feedback });
  const mismatch = wrong("That answer doesn't fit this question.");

  switch (question.kind) {
    case "numeric":
      if (answer.kind !== "numeric") return mismatch;
      return Math.abs(answer.value - question.answer) <= question.tolerance
        ? right(question.explanation)
        : wrong(`Not quite. ${question.hint}`);
    case "choice":
    case "formula": {
      if (answer.kind !== "choice") return mismatch;
      const choice = question.choices.find((option) => option.id === answer.choiceId);
      if (!choice) return wrong("Pick one of the options.");
      return choice.correct
        ? right(question.explanation)
        : wrong(choice.whyWrong ?? "Not quite. Try another option.");
    }
    case "boundary": {
      if (answer.kind !== "boundary") return mismatch;
      const accuracy = accuracyOf({ w: answer.w, b: answer.b });
      return accuracy === 1
        ? right(question.explanation)
        : wrong(`${Math.round(accuracy * 100)}% of the animals are on the right side. ${question.hint}`);
    }
  }
}

/** Strips answers, reasons and explanations: what may be sent before a student answers. */
export function toPublicQuestion(question: Question): PublicQuestion {
  const { id, objectiveId, prompt, tex } = question;
  switch (question.kind) {
    case "numeric":
      return { id, objectiveId, prompt, tex, kind: "numeric" };
    case "boundary":
      return { id, objectiveId, prompt, tex, kind: "boundary" };
    case "choice":
    case "formula":
      return {
        id,
        objectiveId,
        prompt,
        tex,
        kind: question.kind,
        choices: question.choices.map((choice) => ({ id: choice.id, text: choice.text })),
      };
  }
}

/** The canonical string stored for an answer (what teachers see in "common wrong answers"). */
export function answerToString(answer: Answer): string {
  switch (answer.kind) {
    case "numeric":
      return String(answer.value);
    case "choice":
      return answer.choiceId;
    case "boundary":
      return `w=[${answer.w.join(", ")}], b=${answer.b}`;
  }
}
