import { catsOrDogsSharedQuestions } from "./cats-or-dogs";
import { catsOrDogsGeneratedQuestions } from "./cats-or-dogs-generated";
import type { Question } from "./types";

/** Quiz banks by lesson slug; a new lesson adds its bank here. The lesson's quiz blocks set the order shown. */
const banks: Record<string, readonly Question[]> = {
  "cats-or-dogs": [...catsOrDogsSharedQuestions, ...catsOrDogsGeneratedQuestions],
};

export function questionsFor(lessonSlug: string): readonly Question[] {
  return banks[lessonSlug] ?? [];
}

export function findQuestion(lessonSlug: string, questionId: string): Question | undefined {
  return questionsFor(lessonSlug).find((question) => question.id === questionId);
}
