import { accuracy, seedBlobs, sigmoid, trainGD } from "@margin/core";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { catsOrDogsMeta } from "~/content/cats-or-dogs.meta";
import { parseRichText } from "~/lib/lesson-rich-text";
import { findQuestion, questionsFor } from "./bank";
import { BLIND_GUESSES } from "./draw";
import { answerToString, gradeAnswer } from "./grade";
import { presentQuestion, type QuizOwner, toPublicQuestion, VISITOR } from "./present";
import type { ChoiceQuestion, PresentedQuestion, Question } from "./types";

const data = seedBlobs();
const accuracyOf = (model: Parameters<typeof accuracy>[0]) => accuracy(model, data);
const bank = questionsFor("cats-or-dogs");
const generated = bank.filter((q) => q.kind === "generated");
const student = (n: number): QuizOwner => ({ kind: "student", studentId: `student-${n}` });

function question(id: string): Question {
  const found = findQuestion("cats-or-dogs", id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

function numeric(presented: PresentedQuestion) {
  if (presented.kind !== "numeric") throw new Error(`${presented.id} is not numeric`);
  return presented;
}

/** Every piece of rich text and TeX a presented question can show. */
function textsOf(presented: PresentedQuestion): { rich: string[]; tex: string[] } {
  const tex = presented.tex ? [presented.tex] : [];
  switch (presented.kind) {
    case "numeric":
    case "boundary":
      return { rich: [presented.prompt, presented.hint, presented.explanation], tex };
    case "choice":
      return {
        rich: [
          presented.prompt,
          presented.explanation,
          ...presented.choices.flatMap((c) => [c.text, c.whyWrong ?? ""]),
        ],
        tex,
      };
    case "formula":
      return {
        rich: [presented.prompt, presented.explanation, ...presented.choices.map((c) => c.whyWrong ?? "")],
        tex: [...tex, ...presented.choices.map((c) => c.text)],
      };
  }
}

describe("the Cats or Dogs quiz bank", () => {
  it("gives every objective at least two questions with the student's own numbers, with unique ids", () => {
    for (const objective of catsOrDogsMeta.objectives) {
      const own = generated.filter((q) => q.objectiveId === objective.id);
      expect(own.length, objective.id).toBeGreaterThanOrEqual(2);
      expect(bank.filter((q) => q.objectiveId === objective.id).length).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    expect(bank.every((q) => catsOrDogsMeta.objectives.some((o) => o.id === q.objectiveId))).toBe(true);
  });

  it("mixes generated, numeric, multiple-choice, formula and interactive questions", () => {
    expect(new Set(bank.map((q) => q.kind))).toEqual(
      new Set(["generated", "numeric", "choice", "formula", "boundary"]),
    );
  });

  it("has exactly one correct option and a reason for every wrong one", () => {
    for (const q of bank) {
      if (q.kind !== "choice" && q.kind !== "formula") continue;
      expect(q.choices.filter((choice) => choice.correct)).toHaveLength(1);
      expect(q.choices.filter((choice) => !choice.correct).every((choice) => Boolean(choice.whyWrong))).toBe(
        true,
      );
    }
  });

  it("agrees with packages/core on the lesson's numbers", () => {
    const at = (id: string) => numeric(presentQuestion(question(id), VISITOR, 0)).answer;
    expect(at("sigmoid-at-zero")).toBe(sigmoid(0));
    const trained = trainGD(data, { learningRate: 0.1, iterations: 1000 });
    const finalLoss = trained.lossHistory[trained.lossHistory.length - 1] ?? Number.NaN;
    expect(Math.abs(at("notebook-final-loss") - finalLoss)).toBeLessThan(1e-4);
  });

  it("typesets every prompt, hint, explanation and option, in 50 versions of each generated question", () => {
    const typeset = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: "ignore" });
    for (const q of bank) {
      const versions = q.kind === "generated" ? 50 : 1;
      for (let variant = 0; variant < versions; variant += 1) {
        const { rich, tex } = textsOf(presentQuestion(q, student(variant), variant));
        const inline = rich.flatMap((text) =>
          parseRichText(text).flatMap((s) => (s.kind === "math" ? [s.tex] : [])),
        );
        for (const formula of [...tex, ...inline])
          expect(() => typeset(formula), `${q.id}: ${formula}`).not.toThrow();
        // A stray single "$" would show as literal text.
        for (const text of rich)
          expect(parseRichText(text).some((s) => s.kind === "text" && s.text.includes("$"))).toBe(false);
      }
    }
  });
});

describe("generated questions", () => {
  it("rebuild the same numbers from the same student, question and version", () => {
    for (const q of generated) {
      const once = presentQuestion(q, student(1), 3);
      expect(presentQuestion(q, student(1), 3)).toEqual(once);
      expect(once).toMatchObject({ variant: 3, ownNumbers: true });
    }
  });

  it("give each student, and each new version, different numbers", () => {
    for (const q of generated) {
      const prompts = new Set<string>();
      for (let n = 0; n < 20; n += 1) prompts.add(numeric(presentQuestion(q, student(n), 0)).prompt);
      for (let v = 1; v < 20; v += 1) prompts.add(numeric(presentQuestion(q, student(0), v)).prompt);
      expect(prompts.size, q.id).toBeGreaterThanOrEqual(15);
    }
  });

  it("never have an answer a blind guess of 0, ±0.5, ±1, ln 2 or 50 would hit", () => {
    const guesses = [...BLIND_GUESSES, 50];
    for (const q of generated) {
      for (let v = 0; v < 2000; v += 1) {
        const { answer, tolerance } = numeric(presentQuestion(q, student(v % 7), v));
        for (const guess of guesses)
          expect(Math.abs(answer - guess), `${q.id} v${v}`).toBeGreaterThan(tolerance);
        expect(Number.isFinite(answer) && tolerance > 0).toBe(true);
      }
    }
  });

  it("compute σ(z) for the z in the prompt, and grade within the stated tolerance", () => {
    for (let v = 0; v < 50; v += 1) {
      const presented = numeric(presentQuestion(question("sigmoid-of-z"), student(9), v));
      const z = Number(/z = (-?[\d.]+)\$/.exec(presented.prompt)?.[1]);
      expect(Math.abs(presented.answer - sigmoid(z))).toBeLessThan(1e-15);
      const rounded = Number(presented.answer.toFixed(4));
      expect(gradeAnswer(presented, { kind: "numeric", value: rounded }, accuracyOf).correct).toBe(true);
      expect(gradeAnswer(presented, { kind: "numeric", value: rounded + 0.002 }, accuracyOf).correct).toBe(
        false,
      );
    }
  });

  it("hint without giving the number away", () => {
    for (const q of generated) {
      const presented = numeric(presentQuestion(q, student(4), 0));
      const wrong = gradeAnswer(presented, { kind: "numeric", value: presented.answer + 10 }, accuracyOf);
      expect(wrong.correct).toBe(false);
      for (const digits of [2, 3, 4]) expect(wrong.feedback).not.toContain(presented.answer.toFixed(digits));
    }
  });
});

describe("choice questions", () => {
  const choiceQuestions = bank.filter(
    (q): q is ChoiceQuestion => q.kind === "choice" || q.kind === "formula",
  );

  it("show the options in a different order to different students, with ids that say nothing", () => {
    for (const q of choiceQuestions) {
      const correctPositions = new Set<string>();
      for (let n = 0; n < 40; n += 1) {
        const presented = presentQuestion(q, student(n), 0);
        if (presented.kind !== "choice" && presented.kind !== "formula") throw new Error("not a choice");
        expect(presented.choices.map((c) => c.publicId)).toEqual(
          ["1", "2", "3", "4"].slice(0, q.choices.length),
        );
        correctPositions.add(presented.choices.find((c) => c.correct)?.publicId ?? "");
      }
      expect(correctPositions.size, q.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("grade the option the student saw and store it by its bank id", () => {
    const presented = presentQuestion(question("gradient-missing-term"), student(2), 0);
    if (presented.kind !== "formula") throw new Error("not a formula question");
    const shown = (bankId: string) => presented.choices.find((c) => c.id === bankId)?.publicId ?? "";
    const wrong = gradeAnswer(presented, { kind: "choice", choiceId: shown("b") }, accuracyOf);
    expect(wrong.correct).toBe(false);
    expect(wrong.feedback).toMatch(/climb the loss/);
    expect(gradeAnswer(presented, { kind: "choice", choiceId: shown("a") }, accuracyOf).correct).toBe(true);
    expect(answerToString(presented, { kind: "choice", choiceId: shown("b") })).toBe("b");
  });
});

describe("gradeAnswer", () => {
  it("accepts a numeric answer within tolerance and refuses one outside", () => {
    const zero = presentQuestion(question("sigmoid-at-zero"), VISITOR, 0);
    expect(gradeAnswer(zero, { kind: "numeric", value: 0.501 }, accuracyOf).correct).toBe(true);
    const wrong = gradeAnswer(zero, { kind: "numeric", value: 1 }, accuracyOf);
    expect(wrong).toMatchObject({ correct: false, score: 0 });
    expect(wrong.feedback).not.toContain("0.5");
  });

  it("grades the interactive boundary on the lesson's data", () => {
    const separate = presentQuestion(question("separate-the-classes"), VISITOR, 0);
    expect(gradeAnswer(separate, { kind: "boundary", w: [1, 1], b: 0 }, accuracyOf).correct).toBe(true);
    const flipped = gradeAnswer(separate, { kind: "boundary", w: [-1, -1], b: 0 }, accuracyOf);
    expect(flipped).toMatchObject({ correct: false });
    expect(flipped.feedback).toMatch(/^0% of the animals/);
  });

  it("refuses an answer of the wrong kind or an unknown option", () => {
    const zero = presentQuestion(question("sigmoid-at-zero"), VISITOR, 0);
    expect(gradeAnswer(zero, { kind: "choice", choiceId: "a" }, accuracyOf).correct).toBe(false);
    const mse = presentQuestion(question("why-not-mse"), VISITOR, 0);
    expect(gradeAnswer(mse, { kind: "choice", choiceId: "non-convex" }, accuracyOf)).toMatchObject({
      correct: false,
      feedback: "Pick one of the options.",
    });
  });
});

describe("toPublicQuestion", () => {
  it("never carries answers, tolerances, hints, reasons, explanations or bank ids", () => {
    for (const q of bank) {
      const json = JSON.stringify(toPublicQuestion(presentQuestion(q, student(5), 0)));
      for (const secret of [
        "answer",
        "tolerance",
        "hint",
        "whyWrong",
        "explanation",
        "correct",
        "publicId",
      ]) {
        expect(json).not.toContain(`"${secret}"`);
      }
      if (q.kind === "choice" || q.kind === "formula") {
        for (const choice of q.choices) expect(json).not.toContain(`"id":"${choice.id}"`);
      }
    }
  });
});
