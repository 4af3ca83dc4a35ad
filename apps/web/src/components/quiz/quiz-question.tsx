"use client";

import { decisionBoundary, probabilityAt } from "@margin/core";
import { Button } from "@margin/ui/button";
import { RangeField } from "@margin/ui/range-field";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { describeModel } from "~/lib/format";
import { LESSON_BOX, lessonData } from "~/lib/lesson-data";
import type { PublicQuestion } from "~/server/quiz/types";
import { useTRPC } from "~/trpc/react";
import { Tex } from "./tex";

type Answer =
  | { kind: "numeric"; value: number }
  | { kind: "choice"; choiceId: string }
  | { kind: "boundary"; w: [number, number]; b: number };

interface Props {
  lessonSlug: string;
  question: PublicQuestion;
  number: number;
}

export function QuizQuestion({ lessonSlug, question, number }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const startedAt = useRef(Date.now());
  const [numeric, setNumeric] = useState("");
  const [choiceId, setChoiceId] = useState<string | null>(null);
  const [boundary, setBoundary] = useState({ w1: -1, w2: 1, b: 0 });
  const [attempts, setAttempts] = useState(0);
  const feedbackId = useId();
  const submit = useMutation(
    trpc.quiz.submit.mutationOptions({
      onSuccess: (result) => {
        setAttempts((count) => count + 1);
        if (result.mastery) void queryClient.invalidateQueries({ queryKey: trpc.progress.mine.queryKey() });
      },
    }),
  );

  function answer(): Answer | null {
    if (question.kind === "numeric") {
      const value = Number(numeric.replace(",", ".").replace("−", "-"));
      return numeric.trim() === "" || !Number.isFinite(value) ? null : { kind: "numeric", value };
    }
    if (question.kind === "boundary")
      return { kind: "boundary", w: [boundary.w1, boundary.w2], b: boundary.b };
    return choiceId ? { kind: "choice", choiceId } : null;
  }

  function check(event: FormEvent) {
    event.preventDefault();
    const given = answer();
    if (!given) return;
    submit.mutate({
      lessonSlug,
      questionId: question.id,
      answer: given,
      durationMs: Math.min(Date.now() - startedAt.current, 86_400_000),
    });
  }

  const result = submit.data;
  const invalidNumber = question.kind === "numeric" && numeric.trim() !== "" && answer() === null;

  return (
    <form className="ml-quiz-question" onSubmit={check} aria-describedby={result ? feedbackId : undefined}>
      <fieldset>
        <legend>
          <span className="ml-badge ml-badge-muted">Q{number}</span> {question.prompt}
        </legend>
        {question.tex ? (
          <div className="ml-quiz-tex">
            <Tex tex={question.tex} display />
          </div>
        ) : null}

        {question.kind === "numeric" ? (
          <div className="ml-field" style={{ maxWidth: 220 }}>
            <label htmlFor={`${question.id}-answer`}>Your answer</label>
            <input
              id={`${question.id}-answer`}
              className="ml-input"
              inputMode="decimal"
              autoComplete="off"
              value={numeric}
              aria-invalid={invalidNumber || undefined}
              onChange={(event) => setNumeric(event.target.value)}
            />
            {invalidNumber ? <span className="ml-field-error">Enter a number, like 0.25</span> : null}
          </div>
        ) : null}

        {question.kind === "choice" || question.kind === "formula" ? (
          <div className="ml-stack" style={{ gap: 8 }}>
            {question.choices.map((choice) => (
              <label key={choice.id} className="ml-choice">
                <input
                  type="radio"
                  name={question.id}
                  value={choice.id}
                  checked={choiceId === choice.id}
                  onChange={() => setChoiceId(choice.id)}
                />
                {question.kind === "formula" ? <Tex tex={choice.text} /> : <span>{choice.text}</span>}
              </label>
            ))}
          </div>
        ) : null}

        {question.kind === "boundary" ? <BoundaryInput value={boundary} onChange={setBoundary} /> : null}
      </fieldset>

      <div className="ml-row">
        <Button type="submit" disabled={submit.isPending || answer() === null}>
          {attempts > 0 && !result?.correct ? "Try again" : "Check"}
        </Button>
        {attempts > 1 ? <span className="ml-field-hint">Attempt {attempts}</span> : null}
      </div>
      <div id={feedbackId} aria-live="polite">
        {result ? (
          <p className={`ml-quiz-feedback ${result.correct ? "is-correct" : "is-wrong"}`}>
            <strong>{result.correct ? "Correct." : "Not yet."}</strong> {result.feedback}
          </p>
        ) : null}
        {submit.error ? <p className="ml-field-error">{submit.error.message}</p> : null}
      </div>
    </form>
  );
}

function BoundaryInput({
  value,
  onChange,
}: {
  value: { w1: number; w2: number; b: number };
  onChange: (next: { w1: number; w2: number; b: number }) => void;
}) {
  const { points } = lessonData();
  const model = { w: [value.w1, value.w2], b: value.b };
  return (
    <div className="ml-grid ml-grid-2" style={{ alignItems: "center" }}>
      <ScatterBoundaryChart
        probability={probabilityAt(model)}
        title="Your boundary over the lesson's data"
        points={points}
        box={LESSON_BOX}
        boundaries={[
          {
            id: "answer",
            name: "Your boundary",
            color: "var(--ml-primary)",
            segment: decisionBoundary(model, LESSON_BOX),
            description: describeModel(model.w, model.b),
            emphasized: true,
          },
        ]}
      />
      <div className="ml-stack">
        <RangeField
          label="w₁"
          min={-3}
          max={3}
          step={0.1}
          value={value.w1}
          onChange={(w1) => onChange({ ...value, w1 })}
        />
        <RangeField
          label="w₂"
          min={-3}
          max={3}
          step={0.1}
          value={value.w2}
          onChange={(w2) => onChange({ ...value, w2 })}
        />
        <RangeField
          label="b"
          min={-5}
          max={5}
          step={0.1}
          value={value.b}
          onChange={(b) => onChange({ ...value, b })}
        />
      </div>
    </div>
  );
}
