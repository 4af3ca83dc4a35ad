import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

const read = (csv: string): string[][] => parse(csv.replace(/^\uFEFF/, ""));

describe("toCsv", () => {
  it("neutralises text a spreadsheet would run as a formula, in any column", () => {
    const dangerous = [
      '=HYPERLINK("http://evil.example","Click")',
      "=cmd|' /C calc'!A0",
      "+1+2",
      "-2+3",
      "@SUM(A1:A2)",
      "\t=1+1",
      "\r=1+1",
      "＝1+1",
    ];
    const [header, ...rows] = read(
      toCsv(
        ["=Header"],
        dangerous.map((value) => [value]),
      ),
    );
    expect(header).toEqual(["'=Header"]);
    expect(rows.map(([cell]) => cell)).toEqual(dangerous.map((value) => `'${value}`));
  });

  it("leaves numbers, including negative ones, and ordinary text as they are", () => {
    const csv = toCsv(
      ["Student", "Change", "Loss"],
      [
        ["Zoë", -0.25, 0.125],
        ["Bob - the builder", -3, null],
      ],
    );
    expect(read(csv)).toEqual([
      ["Student", "Change", "Loss"],
      ["Zoë", "-0.25", "0.125"],
      ["Bob - the builder", "-3", ""],
    ]);
  });
});
