import katex from "katex";
import { describe, expect, it } from "vitest";
import { parseRichText } from "~/lib/lesson-rich-text";
import { WIDGET_PARAMS } from "~/lib/lesson-url-state";
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

  it("ends each objective's material with exactly one quiz", () => {
    const quizzes = blocks.flatMap((block) => (block.type === "quiz" ? [block.objectiveId] : []));
    expect([...quizzes].sort()).toEqual(catsOrDogs.meta.objectives.map((objective) => objective.id).sort());
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

  it("quotes the notebook's results in the from-scratch section", () => {
    const text = JSON.stringify(catsOrDogs.sections.find((section) => section.id === "from-scratch"));
    for (const figure of ["2.2233", "1.8234", "-0.3127", "0.0073"]) expect(text).toContain(figure);
  });
});
