"use client";

import { decisionBoundary, probabilityAt } from "@margin/core";
import { Button } from "@margin/ui/button";
import { RangeField } from "@margin/ui/range-field";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { RichText } from "~/components/rich-text";
import { describeModel } from "~/lib/format";
import { LESSON_BOX, lessonData } from "~/lib/lesson-data";
import type { QuizQuestionView } from "~/server/quiz/service";
import { useTRPC } from "~/trpc/react";
import { Tex } from "./tex";

type Answer =
  | { kind: "numeric"; value: number }
  | { kind: "choice"; choiceId: string }
  | { kind: "boundary"; w: [number, number]; b: number };

interface Props {
  lessonSlug: string;
  /** The question at the version the student is on when the page loads. */
  initial: QuizQuestionView;
  number: number;
}

const INITIAL_BOUNDARY = { w1: -1, w2: 1, b: 0 };

export function QuizQuestion({ lessonSlug, initial, number }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [question, setQuestion] = useState(initial);
  const startedAt = useRef(Date.now());
  const [numeric, setNumeric] = useState("");
  const [choiceId, setChoiceId] = useState<string | null>(null);
  const [boundary, setBoundary] = useState(INITIAL_BOUNDARY);
  const [attempts, setAttempts] = useState(0);
  const [loadingFresh, setLoadingFresh] = useState(false);
  const [freshError, setFreshError] = useState<string | null>(null);
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
      variant: question.variant,
      answer: given,
      durationMs: Math.min(Date.now() - startedAt.current, 86_400_000),
    });
  }

  /** The next version, with numbers this student hasn't seen: a right first try at it counts. */
  async function freshNumbers() {
    setLoadingFresh(true);
    setFreshError(null);
    try {
      const next = await queryClient.fetchQuery(
        trpc.quiz.question.queryOptions({
          lessonSlug,
          questionId: question.id,
          variant: question.variant + 1,
        }),
      );
      setQuestion(next);
      setNumeric("");
      setAttempts(0);
      submit.reset();
      startedAt.current = Date.now();
    } catch (caught) {
      setFreshError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setLoadingFresh(false);
    }
  }

  const result = submit.data;
  const invalidNumber = question.kind === "numeric" && numeric.trim() !== "" && answer() === null;
  // New numbers once this version has been answered (now or on an earlier visit).
  const canRefresh = question.ownNumbers && (attempts > 0 || question.answered);

  return (
    <form className="ml-quiz-question" onSubmit={check} aria-describedby={result ? feedbackId : undefined}>
      <fieldset>
        <legend>
          <span className="ml-badge ml-badge-muted">Q{number}</span>{" "}
          {question.ownNumbers ? (
            <span className="ml-badge" title="These numbers were generated for you">
              your numbers{question.variant > 0 ? ` · set ${question.variant + 1}` : ""}
            </span>
          ) : null}{" "}
          <RichText text={question.prompt} />
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
                {question.kind === "formula" ? (
                  <Tex tex={choice.text} />
                ) : (
                  <span>
                    <RichText text={choice.text} />
                  </span>
                )}
              </label>
            ))}
          </div>
        ) : null}

        {question.kind === "boundary" ? <BoundaryInput value={boundary} onChange={setBoundary} /> : null}
      </fieldset>

      {question.answered && attempts === 0 ? (
        <p className="ml-quiz-standing">
          {question.counted
            ? "You answered this right at the first try: it counts towards mastery. "
            : "You've answered this before, so another answer is practice. "}
          {question.ownNumbers ? "New numbers give you a fresh question." : ""}
        </p>
      ) : null}

      <div className="ml-row">
        <Button type="submit" disabled={submit.isPending || answer() === null}>
          {attempts > 0 && !result?.correct ? "Try again" : "Check"}
        </Button>
        {canRefresh ? (
          <Button variant="secondary" onClick={() => void freshNumbers()} disabled={loadingFresh}>
            {loadingFresh ? "Loading…" : "New numbers"}
          </Button>
        ) : null}
        {attempts > 1 ? <span className="ml-field-hint">Attempt {attempts}</span> : null}
      </div>
      <div id={feedbackId} aria-live="polite">
        {result ? (
          <>
            <p className={`ml-quiz-feedback ${result.correct ? "is-correct" : "is-wrong"}`}>
              <strong>{result.correct ? "Correct." : "Not yet."}</strong> <RichText text={result.feedback} />
            </p>
            <p className="ml-quiz-standing">{standing(result, question.ownNumbers)}</p>
          </>
        ) : null}
        {submit.error ? <p className="ml-field-error">{submit.error.message}</p> : null}
        {freshError ? <p className="ml-field-error">{freshError}</p> : null}
      </div>
    </form>
  );
}

/** Says whether the answer just given counts towards mastery, and what would. */
function standing(
  result: { correct: boolean; firstTry: boolean | null; counted: boolean },
  ownNumbers: boolean,
): string {
  if (result.firstTry === null) return "Join your class to have your answers count towards mastery.";
  if (result.counted) return "Right at the first try: this counts towards mastery.";
  const fresh = ownNumbers
    ? "Get new numbers: a right first try at them counts."
    : "The questions with your own numbers give you fresh chances.";
  return result.correct
    ? `This was a retry, so it helps you learn but doesn't count towards mastery. ${fresh}`
    : `Read the hint and try again to learn it. ${fresh}`;
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
