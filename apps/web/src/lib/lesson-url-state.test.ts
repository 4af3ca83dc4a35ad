import { describe, expect, it } from "vitest";
import {
  exerciseUrl,
  HIDE_KEY,
  type ParamSpec,
  parseHidden,
  parseParam,
  parseWidgetState,
  WIDGET_PARAMS,
  withWidgetState,
} from "./lesson-url-state";

const params = (query: string) => new URLSearchParams(query);

describe("parseParam", () => {
  const w: ParamSpec = { kind: "number", label: "w", min: -5, max: 5, step: 0.1, default: 1 };

  it("falls back to the default for missing, empty and non-numeric values", () => {
    for (const raw of [null, undefined, "", "  ", "NaN", "abc", "Infinity", "-Infinity", "1e400"]) {
      expect(parseParam(w, raw)).toBe(1);
    }
  });

  it("clamps huge and tiny numbers into range", () => {
    expect(parseParam(w, "1e300")).toBe(5);
    expect(parseParam(w, "-99999")).toBe(-5);
    expect(parseParam(w, "5.0000001")).toBe(5);
  });

  it("snaps to the step without floating-point residue", () => {
    expect(parseParam(w, "0.29999")).toBe(0.3);
    expect(parseParam(w, "1.26")).toBe(1.3);
    expect(String(parseParam(w, "0.3"))).toBe("0.3");
  });

  it("snaps choices to the nearest option", () => {
    const lr: ParamSpec = { kind: "choice", label: "lr", options: [0.01, 0.1, 1], default: 0.1 };
    expect(parseParam(lr, "0.09")).toBe(0.1);
    expect(parseParam(lr, "1e9")).toBe(1);
    expect(parseParam(lr, "-3")).toBe(0.01);
    expect(parseParam(lr, "NaN")).toBe(0.1);
  });

  it("reads flags only from 1/0/true/false", () => {
    const flag: ParamSpec = { kind: "flag", label: "f", default: false };
    expect(parseParam(flag, "1")).toBe(true);
    expect(parseParam(flag, "true")).toBe(true);
    expect(parseParam(flag, "0")).toBe(false);
    expect(parseParam(flag, "yes")).toBe(false);
  });
});

describe("widget state in the URL", () => {
  it("gives every widget distinct keys, none of them the hide key", () => {
    const keys = Object.values(WIDGET_PARAMS).flatMap((specs) => Object.keys(specs));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(HIDE_KEY);
  });

  it("keeps every default inside its own range", () => {
    for (const specs of Object.values(WIDGET_PARAMS)) {
      for (const spec of Object.values(specs) as ParamSpec[]) {
        expect(parseParam(spec, String(spec.default))).toBe(spec.default);
      }
    }
  });

  it("round-trips a boundary explorer state", () => {
    const state = { w1: 2.2, w2: -1.5, b: 0.3 };
    const query = withWidgetState("boundary-explorer", state, params("z=2&hide=b"));
    expect(query.get("z")).toBe("2");
    expect(query.get("hide")).toBe("b");
    expect(parseWidgetState("boundary-explorer", query)).toEqual(state);
  });

  it("leaves defaults out of the page URL", () => {
    const defaults = parseWidgetState("boundary-explorer", params(""));
    expect(withWidgetState("boundary-explorer", defaults, params("w1=3")).toString()).toBe("");
  });

  it("parses hostile values to something usable", () => {
    const state = parseWidgetState("boundary-explorer", params("w1=NaN&w2=1e308&b=-1e308"));
    expect(state).toEqual({ w1: 0.5, w2: 5, b: -10 });
    expect(parseWidgetState("train-from-scratch", params("lr=0&iters=99999999&kgcm=maybe"))).toEqual({
      lr: 0.001,
      iters: 5000,
      kgcm: false,
    });
  });

  it("hides only controls the widget has, once each", () => {
    expect(parseHidden("boundary-explorer", params("hide=w2,b,b,lr,<script>"))).toEqual(["w2", "b"]);
    expect(parseHidden("boundary-explorer", params(""))).toEqual([]);
  });

  it("builds an exercise link with every value pinned and an anchor", () => {
    const link = exerciseUrl(
      "https://lab.example/lesson/cats-or-dogs?z=3#old",
      "boundary-explorer",
      { w1: 1, w2: 0.5, b: 0 },
      ["w2", "b", "bogus"],
      "widget-boundary-explorer",
    );
    const url = new URL(link);
    expect(url.pathname).toBe("/lesson/cats-or-dogs");
    expect(url.hash).toBe("#widget-boundary-explorer");
    expect(Object.fromEntries(url.searchParams)).toEqual({ w1: "1", w2: "0.5", b: "0", hide: "w2,b" });
  });
});
