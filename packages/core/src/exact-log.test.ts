import { describe, expect, it } from "vitest";
import reference from "./__fixtures__/ln_correctly_rounded.json" with { type: "json" };
import { exactLog } from "./exact-log";

describe("exactLog", () => {
  it("returns the correctly rounded natural logarithm (Python decimal reference)", () => {
    const wrong = reference.pairs.filter(([x, ln]) => exactLog(x as number) !== ln);
    expect(wrong).toEqual([]);
  });

  it("follows Math.log at the edges of its domain", () => {
    expect(exactLog(1)).toBe(0);
    expect(exactLog(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(exactLog(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exactLog(-1)).toBeNaN();
  });
});
