import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catsOrDogs } from "./cats-or-dogs";
import { NOTEBOOK_LISTINGS } from "./cats-or-dogs.listings";

/** The lesson as taught, copied byte for byte from the course's source file 000_02f20dd8ffb57644.txt. */
const SOURCE = readFileSync(new URL("./__fixtures__/cats-or-dogs.source.txt", import.meta.url), "utf8");
const SOURCE_SHA256 = "985d96fc78b108063e44f5d4d9b9b3dfdcf0bd858c38305de22f17635d07823e";

// A line of Python as this lesson writes it; prose never starts like these.
const CODE_LINE = [
  /^(import|from) [\w.]+ /,
  /^def \w+\(.*\):$/,
  /^for .+:$/,
  /^#/,
  /^ {4}\S/,
  /^[A-Za-z_][\w.]*(\[[^\]]*\])?\s*(=|-=|\+=)\s/,
  /^[A-Za-z_][\w.]*\(.*\)\s*(;.*|#.*)?$/,
];
const isCode = (line: string) => CODE_LINE.some((pattern) => pattern.test(line));

/** Every listing in the lesson's text: maximal runs of code lines, blank lines inside a run kept. */
function extractListings(text: string): string[] {
  const lines = text.split("\n");
  const listings: string[] = [];
  let run: string[] = [];
  const close = () => {
    while (run.length > 0 && run[run.length - 1] === "") run.pop();
    if (run.length > 0) listings.push(run.join("\n"));
    run = [];
  };
  for (const line of lines) {
    if (isCode(line)) run.push(line);
    else if (line === "" && run.length > 0) run.push(line);
    else close();
  }
  close();
  return listings;
}

const shownOnThePage = catsOrDogs.sections.flatMap((section) =>
  section.blocks.flatMap((block) => (block.type === "code" ? [block.code] : [])),
);

describe("the lesson's code listings", () => {
  it("are checked against the lesson's own text", () => {
    expect(createHash("sha256").update(SOURCE).digest("hex")).toBe(SOURCE_SHA256);
  });

  it("finds the lesson's six listings, from the imports to the scikit-learn one-liner", () => {
    const found = extractListings(SOURCE);
    expect(found.map((listing) => listing.split("\n")[0])).toEqual([
      "import numpy as np",
      "# Generate some 2D classification data.",
      "def predict_proba(w, b, X):",
      "plt.plot(loss_history)",
      "# Plot data points.",
      "from sklearn.linear_model import LogisticRegression",
    ]);
  });

  it("keeps every listing verbatim, character for character, plotting code included", () => {
    expect(Object.values(NOTEBOOK_LISTINGS)).toEqual(extractListings(SOURCE));
  });

  it("shows each listing once on the lesson page, in the lesson's order", () => {
    expect(shownOnThePage).toEqual(Object.values(NOTEBOOK_LISTINGS));
  });

  it("shows no other code: no rewritten listing stands in for the lesson's", () => {
    for (const code of shownOnThePage) expect(SOURCE).toContain(code);
  });
});
