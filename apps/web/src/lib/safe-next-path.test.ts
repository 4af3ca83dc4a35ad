import { describe, expect, it } from "vitest";
import { DEFAULT_NEXT_PATH, safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps in-app paths with their query and fragment", () => {
    expect(safeNextPath("/teach/ABC234")).toBe("/teach/ABC234");
    expect(safeNextPath("/teach/ABC234/roster?tab=pins#top")).toBe("/teach/ABC234/roster?tab=pins#top");
    expect(safeNextPath("/school")).toBe("/school");
    expect(safeNextPath("/teach/%2F%2Fevil.example")).toBe("/teach/%2F%2Fevil.example");
  });

  it.each([
    "/\\evil.example/phish",
    "//evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    " //evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "///evil.example",
    "//evil.example/%2e%2e",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "",
  ])("refuses %j and falls back to /teach", (attack) => {
    expect(safeNextPath(attack)).toBe(DEFAULT_NEXT_PATH);
  });

  it("refuses what decoding once more would turn into another host (values arrive decoded once)", () => {
    // ?next=%2F%5Cevil.example arrives as "/\evil.example"; ?next=%252F%252Fevil stays a path.
    expect(safeNextPath(decodeURIComponent("%2F%5Cevil.example"))).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath(decodeURIComponent("%2F%2Fevil.example"))).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath(decodeURIComponent("%252F%252Fevil.example"))).toBe(DEFAULT_NEXT_PATH);
  });

  it("refuses values that aren't one string, and very long ones", () => {
    expect(safeNextPath(undefined)).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath(["/teach/A", "/school"])).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath(`/${"a".repeat(3000)}`)).toBe(DEFAULT_NEXT_PATH);
    expect(safeNextPath("//evil.example", "/school")).toBe("/school");
  });

  it("never returns something the browser would resolve to another origin", () => {
    const base = "https://margin.school.test";
    for (const attempt of ["/\\evil", "/x/../\\evil", "/%5C%5Cevil", "/teach?next=//evil", "/#//evil"]) {
      expect(new URL(safeNextPath(attempt), base).origin).toBe(base);
    }
  });
});
