"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { QuizQuestion } from "./quiz-question";

/** One quiz block's questions, graded on the server. */
export function QuizPanel({
  lessonSlug,
  questionIds,
}: {
  lessonSlug: string;
  questionIds: readonly string[];
}) {
  const trpc = useTRPC();
  const questions = useQuery(trpc.quiz.questions.queryOptions({ lessonSlug, questionIds: [...questionIds] }));
  if (!questions.data || questions.data.length === 0) return null;
  return (
    <section className="ml-quiz" aria-label="Check your understanding">
      <h3 className="ml-quiz-title">Check your understanding</h3>
      <p className="ml-quiz-rule">
        Mastery counts answers that are right at the first try. Questions marked “your numbers” give you fresh
        numbers whenever you ask, so a miss is never final.
      </p>
      <div className="ml-stack">
        {questions.data.map((question, index) => (
          <QuizQuestion key={question.id} lessonSlug={lessonSlug} initial={question} number={index + 1} />
        ))}
      </div>
    </section>
  );
}
