import { describe, expect, it } from "vitest";
import { parseRichText } from "./lesson-rich-text";

describe("parseRichText", () => {
  it("separates inline math, bold and code from text", () => {
    expect(parseRichText("Use $\\sigma(z)$ with **care** in `numpy`.")).toEqual([
      { kind: "text", text: "Use " },
      { kind: "math", tex: "\\sigma(z)" },
      { kind: "text", text: " with " },
      { kind: "bold", text: "care" },
      { kind: "text", text: " in " },
      { kind: "code", text: "numpy" },
      { kind: "text", text: "." },
    ]);
  });

  it("keeps markup characters inside formulas as TeX", () => {
    expect(parseRichText("$a * b ** c$")).toEqual([{ kind: "math", tex: "a * b ** c" }]);
  });

  it("leaves an unclosed dollar as plain text", () => {
    expect(parseRichText("costs $5 today")).toEqual([{ kind: "text", text: "costs $5 today" }]);
  });

  it("returns nothing for empty text", () => {
    expect(parseRichText("")).toEqual([]);
  });
});
