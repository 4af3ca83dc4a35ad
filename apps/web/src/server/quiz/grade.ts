import type { Model } from "@margin/core";
import type { Answer, Grade, PresentedQuestion } from "./types";

/**
 * Grades one answer to the version the student was shown (rebuilt on the server, never taken from the
 * browser). `accuracyOf` scores an interactive boundary on the lesson's data (injected so this stays pure).
 * A wrong answer gets a reason or a hint, never the correct answer itself.
 */
export function gradeAnswer(
  question: PresentedQuestion,
  answer: Answer,
  accuracyOf: (model: Model) => number,
): Grade {
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
      const choice = question.choices.find((option) => option.publicId === answer.choiceId);
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

/**
 * The canonical string stored for an answer (what teachers see in "common wrong answers"): a choice is
 * stored by its bank id, the same for every student whatever order they saw the options in.
 */
export function answerToString(question: PresentedQuestion, answer: Answer): string {
  switch (answer.kind) {
    case "numeric":
      return String(answer.value);
    case "choice":
      if (question.kind !== "choice" && question.kind !== "formula") return answer.choiceId;
      return question.choices.find((choice) => choice.publicId === answer.choiceId)?.id ?? answer.choiceId;
    case "boundary":
      return `w=[${answer.w.join(", ")}], b=${answer.b}`;
  }
}
