import { catsOrDogsQuestions } from "./cats-or-dogs";
import type { Question } from "./types";

/** Quiz banks by lesson slug; a new lesson adds its bank here. */
const banks: Record<string, readonly Question[]> = { "cats-or-dogs": catsOrDogsQuestions };

export function questionsFor(lessonSlug: string): readonly Question[] {
  return banks[lessonSlug] ?? [];
}

export function findQuestion(lessonSlug: string, questionId: string): Question | undefined {
  return questionsFor(lessonSlug).find((question) => question.id === questionId);
}
