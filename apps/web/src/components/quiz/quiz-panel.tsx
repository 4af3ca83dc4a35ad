"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { QuizQuestion } from "./quiz-question";

/** The quiz questions for one objective, graded on the server. */
export function QuizPanel({ lessonSlug, objectiveId }: { lessonSlug: string; objectiveId: string }) {
  const trpc = useTRPC();
  const questions = useQuery(trpc.quiz.questions.queryOptions({ lessonSlug, objectiveId }));
  if (!questions.data || questions.data.length === 0) return null;
  return (
    <section className="ml-quiz" aria-label="Check your understanding">
      <h3 className="ml-quiz-title">Check your understanding</h3>
      <div className="ml-stack">
        {questions.data.map((question, index) => (
          <QuizQuestion key={question.id} lessonSlug={lessonSlug} question={question} number={index + 1} />
        ))}
      </div>
    </section>
  );
}
