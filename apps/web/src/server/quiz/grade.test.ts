import { accuracy, seedBlobs, sigmoid, trainGD } from "@margin/core";
import { describe, expect, it } from "vitest";
import { catsOrDogsMeta } from "~/content/cats-or-dogs.meta";
import { findQuestion, questionsFor } from "./bank";
import { gradeAnswer, toPublicQuestion } from "./grade";
import type { Question } from "./types";

const data = seedBlobs();
const accuracyOf = (model: Parameters<typeof accuracy>[0]) => accuracy(model, data);
const bank = questionsFor("cats-or-dogs");

function question(id: string): Question {
  const found = findQuestion("cats-or-dogs", id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

describe("the Cats or Dogs quiz bank", () => {
  it("has at least two questions for every objective, with unique ids", () => {
    for (const objective of catsOrDogsMeta.objectives) {
      expect(bank.filter((q) => q.objectiveId === objective.id).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    expect(bank.every((q) => catsOrDogsMeta.objectives.some((o) => o.id === q.objectiveId))).toBe(true);
  });

  it("mixes numeric, multiple-choice, formula and interactive questions", () => {
    expect(new Set(bank.map((q) => q.kind))).toEqual(new Set(["numeric", "choice", "formula", "boundary"]));
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
    const at = (id: string) => (question(id) as Extract<Question, { kind: "numeric" }>).answer;
    expect(at("sigmoid-at-zero")).toBe(sigmoid(0));
    expect(Math.abs(at("sigmoid-at-five") - sigmoid(5))).toBeLessThan(1e-4);
    const trained = trainGD(data, { learningRate: 0.1, iterations: 1000 });
    const finalLoss = trained.lossHistory[trained.lossHistory.length - 1] ?? Number.NaN;
    expect(Math.abs(at("notebook-final-loss") - finalLoss)).toBeLessThan(1e-4);
  });
});

describe("gradeAnswer", () => {
  it("accepts a numeric answer within tolerance and refuses one outside", () => {
    expect(
      gradeAnswer(question("sigmoid-at-zero"), { kind: "numeric", value: 0.501 }, accuracyOf).correct,
    ).toBe(true);
    const wrong = gradeAnswer(question("sigmoid-at-zero"), { kind: "numeric", value: 1 }, accuracyOf);
    expect(wrong).toMatchObject({ correct: false, score: 0 });
    expect(wrong.feedback).not.toContain("0.5");
  });

  it("explains why a wrong option is wrong", () => {
    const grade = gradeAnswer(
      question("gradient-missing-term"),
      { kind: "choice", choiceId: "b" },
      accuracyOf,
    );
    expect(grade.correct).toBe(false);
    expect(grade.feedback).toMatch(/climb the loss/);
  });

  it("grades the interactive boundary on the lesson's data", () => {
    const separating = gradeAnswer(
      question("separate-the-classes"),
      { kind: "boundary", w: [1, 1], b: 0 },
      accuracyOf,
    );
    expect(separating.correct).toBe(true);
    const flipped = gradeAnswer(
      question("separate-the-classes"),
      { kind: "boundary", w: [-1, -1], b: 0 },
      accuracyOf,
    );
    expect(flipped).toMatchObject({ correct: false });
    expect(flipped.feedback).toMatch(/^0% of the animals/);
  });

  it("refuses an answer of the wrong kind or an unknown option", () => {
    expect(
      gradeAnswer(question("sigmoid-at-zero"), { kind: "choice", choiceId: "a" }, accuracyOf).correct,
    ).toBe(false);
    expect(
      gradeAnswer(question("why-not-mse"), { kind: "choice", choiceId: "nope" }, accuracyOf).correct,
    ).toBe(false);
  });
});

describe("toPublicQuestion", () => {
  it("never carries answers, tolerances, hints, reasons or explanations", () => {
    for (const q of bank) {
      const json = JSON.stringify(toPublicQuestion(q));
      for (const secret of ["answer", "tolerance", "hint", "whyWrong", "explanation", "correct"]) {
        expect(json).not.toContain(`"${secret}"`);
      }
    }
  });
});
