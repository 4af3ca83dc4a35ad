import { readFileSync } from "node:fs";
import katex from "katex";
import { describe, expect, it } from "vitest";
import { parseRichText, plainText } from "~/lib/lesson-rich-text";
import { WIDGET_PARAMS } from "~/lib/lesson-url-state";
import { findQuestion, questionsFor } from "~/server/quiz/bank";
import { catsOrDogs } from "./cats-or-dogs";
import type { LessonBlock, WidgetKind } from "./lesson-types";
import { findLesson } from "./lessons";

const blocks = catsOrDogs.sections.flatMap((section) => section.blocks);

/** Every piece of TeX in a block: display formulas plus inline math in any rich text. */
function texOf(block: LessonBlock): string[] {
  const inline = (text: string) => parseRichText(text).flatMap((s) => (s.kind === "math" ? [s.tex] : []));
  switch (block.type) {
    case "math":
      return [block.tex];
    case "paragraph":
      return inline(block.text);
    case "callout":
      return inline(block.text);
    case "list":
      return block.items.flatMap(inline);
    case "table":
      return [...block.head, ...block.rows.flat()].flatMap(inline);
    case "widget":
      return inline(block.description);
    default:
      return [];
  }
}

describe("Cats or Dogs? content", () => {
  it("is found by its slug", () => {
    expect(findLesson("cats-or-dogs")).toBe(catsOrDogs);
    expect(findLesson("no-such-lesson")).toBeUndefined();
  });

  it("has unique section ids usable as URL anchors", () => {
    const ids = catsOrDogs.sections.map((section) => section.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });

  it("typesets every formula", () => {
    const formulas = blocks.flatMap(texOf);
    expect(formulas.length).toBeGreaterThan(40);
    for (const tex of formulas) expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
  });

  it("puts every quiz question in exactly one quiz, under its own objective, and gives every objective a quiz", () => {
    const quizzes = blocks.flatMap((block) => (block.type === "quiz" ? [block] : []));
    const placed = quizzes.flatMap((quiz) => quiz.questionIds);
    expect([...placed].sort()).toEqual(
      questionsFor("cats-or-dogs")
        .map((q) => q.id)
        .sort(),
    );
    for (const quiz of quizzes) {
      for (const id of quiz.questionIds)
        expect(findQuestion("cats-or-dogs", id)?.objectiveId).toBe(quiz.objectiveId);
    }
    expect(new Set(quizzes.map((quiz) => quiz.objectiveId))).toEqual(
      new Set(catsOrDogs.meta.objectives.map((objective) => objective.id)),
    );
  });

  it("tags sections only with the lesson's objectives", () => {
    const known = new Set(catsOrDogs.meta.objectives.map((objective) => objective.id));
    for (const section of catsOrDogs.sections) {
      if (section.objectiveId) expect(known.has(section.objectiveId)).toBe(true);
    }
  });

  it("places every widget once", () => {
    const widgets = blocks.flatMap((block) => (block.type === "widget" ? [block.widget] : []));
    expect([...widgets].sort()).toEqual((Object.keys(WIDGET_PARAMS) as WidgetKind[]).sort());
  });

  it("quotes the notebook's and scikit-learn's fits where it compares them", () => {
    const text = JSON.stringify(catsOrDogs.sections.find((section) => section.id === "scikit-learn"));
    for (const figure of ["2.2233", "1.8234", "-0.3127", "1.6263", "1.3061", "-0.3745"])
      expect(text).toContain(figure);
  });
});

/** The lesson as taught (see cats-or-dogs.listings.test.ts for its checksum). */
const SOURCE = readFileSync(new URL("./__fixtures__/cats-or-dogs.source.txt", import.meta.url), "utf8");
const sourceLines = SOURCE.split("\n");
/** The paragraph of the source that follows the heading `heading` (the next non-empty line). */
const after = (heading: string) => {
  const index = sourceLines.indexOf(heading);
  expect(index, heading).toBeGreaterThanOrEqual(0);
  return sourceLines.slice(index + 1).find((line) => line.trim() !== "") ?? "";
};
/** Everything a reader sees in the lesson's running text, as plain text. */
const pageText = blocks
  .flatMap((block): string[] => {
    switch (block.type) {
      case "paragraph":
        return [block.text];
      case "callout":
        return [block.title, block.text];
      case "list":
        return [...block.items];
      case "table":
        return [...block.head, ...block.rows.flat()];
      case "widget":
        return [block.title, block.description];
      default:
        return [];
    }
  })
  .map(plainText)
  .join("\n");
const sharedQuizText = JSON.stringify(questionsFor("cats-or-dogs").filter((q) => q.kind !== "generated"));

describe("Cats or Dogs? says what the lesson says", () => {
  it("states the learning objectives exactly as the lesson words them", () => {
    const start = sourceLines.indexOf("By the end, you'll be able to");
    const bullets = sourceLines.slice(start + 1, start + 6).map((line) => line.replace(/^ {2}• /, ""));
    expect(catsOrDogs.meta.objectives.map((objective) => objective.text)).toEqual(bullets);
    expect(catsOrDogs.sections.find((s) => s.id === "objectives")?.title).toBe(
      "By the end, you'll be able to",
    );
  });

  it("opens with the lesson's big idea, word for word", () => {
    expect(catsOrDogs.meta.bigIdea).toBe(after("Big idea"));
  });

  it("announces the lesson's next chapter: train/test splits, the overfitting curve and L2 regularization", () => {
    const nextUp = catsOrDogs.sections.find((section) => section.id === "next-up");
    expect(nextUp?.title).toBe("Next up: Chapter 9 — When models lie");
    expect(nextUp?.blocks).toEqual([
      { type: "paragraph", text: after("Next upChapter 9 — When models lie") },
    ]);
    expect(pageText).not.toMatch(/confusion matrix|precision|recall/i);
  });

  it("decides with the lesson's strict threshold, ŷ > 0.5", () => {
    expect(pageText).toContain("predict class 1 when \\hat{y} > 0.5");
    expect(blocks).toContainEqual({
      type: "math",
      tex: "\\text{predict class 1 if } \\hat{y} > 0.5, \\text{ else class 0}",
    });
    for (const text of [JSON.stringify(catsOrDogs), sharedQuizText]) {
      expect(text).not.toMatch(/\\ge 0\.5|≥ 0\.5|>= 0\.5|\\ge 0\b|≥ 0\b/);
    }
  });

  it("says when scaling w and b up lowers the log loss: only with every point on its correct side", () => {
    expect(pageText).toMatch(/if every point is on its correct side, it does/);
    expect(pageText).toMatch(/If even one point is on the wrong side, that point's loss grows without limit/);
    expect(pageText).not.toMatch(/the log loss smaller/);
  });

  // Formulas appear as their TeX source in the plain text.
  it("restores what the lesson teaches along the way", () => {
    for (const phrase of [
      "e \\approx 2.718, the base of natural logarithms",
      "different from the summation sign \\Sigma",
      "e^{-z} \\to 0, so \\sigma \\to 1 / (1 + 0) = 1",
      "e^{-z} \\to \\infty, so \\sigma \\to 1 / \\infty = 0",
      "\\hat{y} = 0.92 means “92% confident class 1.” \\hat{y} = 0.03 means “97% confident class 0.”",
      "I'm 80% sure it's a dog.",
      "(likelihood maximization)",
      "Log loss is maximum likelihood",
      "Despite the name, it's a classification algorithm.",
    ]) {
      expect(pageText).toContain(phrase);
    }
  });

  it("keeps the lesson's vocabulary word for word", () => {
    const table = blocks.find(
      (block) => block.type === "table" && block.caption === "The lesson's vocabulary",
    );
    if (table?.type !== "table") throw new Error("no vocabulary table");
    const start = sourceLines.indexOf("Vocabulary");
    const entries = sourceLines.slice(start + 2, start + 7);
    expect(table.rows.map(([term = "", meaning = ""]) => plainText(term) + plainText(meaning))).toEqual(
      // The lesson writes e⁻ᶻ with superscript letters; the page typesets e^{-z}.
      entries.map((line) => line.replace("(σ)", "(\\sigma)").replace("1/(1+e⁻ᶻ)", "1/(1+e^{-z})")),
    );
  });

  it("drops the statements a teacher would catch", () => {
    for (const text of [pageText, sharedQuizText]) {
      expect(text).not.toMatch(/units from the boundary/); // σ(5): 5 is the score z, not a distance
      expect(text).not.toMatch(/one bowl, no plateaus/); // separable data: the minimum is at infinity
      expect(text).not.toMatch(/(?<!\*)\*[a-z]+\*(?!\*)/); // single-asterisk emphasis shows literally
    }
    expect(pageText).toContain("distance from the line is |z| / \\lVert w \\rVert");
  });
});
