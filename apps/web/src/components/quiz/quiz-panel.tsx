"use client";

/** The quiz questions for one objective, graded on the server. */
export function QuizPanel({ lessonSlug, objectiveId }: { lessonSlug: string; objectiveId: string }) {
  return <div data-lesson={lessonSlug} data-objective={objectiveId} />;
}
