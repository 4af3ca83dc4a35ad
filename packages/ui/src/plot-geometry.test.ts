import { describe, expect, it } from "vitest";
import {
  distanceToSegment,
  type HitCandidate,
  nearestBoundary,
  niceCeiling,
  niceTicks,
  sameArea,
  toPixel,
} from "./plot-geometry";

const box = { xMin: -4, xMax: 4, yMin: -2, yMax: 6 };
const area = { x: 40, y: 12, width: 400, height: 200 };

describe("toPixel", () => {
  it("maps the box's corners onto the plot area's corners, with y growing downwards on screen", () => {
    expect(toPixel(box, area, -4, 6)).toEqual({ px: 40, py: 12 });
    expect(toPixel(box, area, 4, -2)).toEqual({ px: 440, py: 212 });
    expect(toPixel(box, area, 0, 2)).toEqual({ px: 240, py: 112 });
  });
});

describe("distanceToSegment", () => {
  it("measures to the nearest point of the segment, including its ends", () => {
    const a = { px: 0, py: 0 };
    const b = { px: 10, py: 0 };
    expect(distanceToSegment({ px: 5, py: 3 }, a, b)).toBe(3);
    expect(distanceToSegment({ px: 13, py: 4 }, a, b)).toBe(5);
    expect(distanceToSegment({ px: 1, py: 1 }, a, a)).toBeCloseTo(Math.SQRT2);
  });
});

describe("nearestBoundary", () => {
  // Two horizontal lines at y = 0 (py 162) and y = 1 (py 137) across the whole box, and a curve.
  const candidates = [
    { id: "low", segment: { from: { x: -4, y: 0 }, to: { x: 4, y: 0 } } },
    { id: "high", segment: { from: { x: -4, y: 1 }, to: { x: 4, y: 1 } } },
    { id: "gone", segment: null },
    {
      id: "curve",
      segment: null,
      points: [
        { x: 2, y: 4 },
        { x: 3, y: 5 },
      ],
    },
  ];

  it("picks the line closest to the pointer", () => {
    expect(nearestBoundary({ px: 100, py: 160 }, candidates, box, area, 8)).toBe("low");
    expect(nearestBoundary({ px: 100, py: 140 }, candidates, box, area, 8)).toBe("high");
  });

  it("picks curves by their sampled path", () => {
    const onCurve = toPixel(box, area, 2.5, 4.5);
    expect(nearestBoundary(onCurve, candidates, box, area, 8)).toBe("curve");
  });

  it("picks a curved boundary by any of its pieces", () => {
    const branches: HitCandidate = {
      id: "hyperbola",
      segment: null,
      paths: [
        [
          { x: -3, y: 5 },
          { x: -2.5, y: 5.5 },
        ],
        [
          { x: 3, y: -1.5 },
          { x: 3.5, y: -1 },
        ],
      ],
    };
    const onSecond = toPixel(box, area, 3.25, -1.25);
    expect(nearestBoundary(onSecond, [...candidates, branches], box, area, 8)).toBe("hyperbola");
  });

  it("answers null when nothing is within the tolerance, and a touch tolerance reaches further", () => {
    const between = { px: 100, py: 150 }; // 12 px from "low", 13 px from "high"
    expect(nearestBoundary(between, candidates, box, area, 8)).toBeNull();
    expect(nearestBoundary(between, candidates, box, area, 20)).toBe("low");
  });
});

describe("sameArea", () => {
  it("compares by value so a re-measured but unchanged plot area causes no redraw", () => {
    expect(sameArea({ ...area }, area)).toBe(true);
    expect(sameArea({ ...area, width: 401 }, area)).toBe(false);
    expect(sameArea(null, area)).toBe(false);
  });
});

describe("niceTicks", () => {
  it("steps round numbers across the window, ends included when they fall on a step", () => {
    expect(niceTicks(-1.5, 1.5)).toEqual([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]);
    expect(niceTicks(-2, 2)).toEqual([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(-1, 35)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(niceTicks(3, 11)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("is empty for a range it can't step", () => {
    expect(niceTicks(1, 1)).toEqual([]);
    expect(niceTicks(0, 1, 0)).toEqual([]);
    expect(niceTicks(2, 1)).toEqual([]);
    expect(niceTicks(0, Number.NaN)).toEqual([]);
  });
});

describe("niceCeiling", () => {
  it("rounds a loss axis up to a readable end", () => {
    expect(niceCeiling(Math.LN2)).toBe(1);
    expect(niceCeiling(0.5137)).toBe(1);
    expect(niceCeiling(0.21)).toBe(0.25);
    expect(niceCeiling(0.31)).toBe(0.5);
    expect(niceCeiling(0.2)).toBe(0.2);
    expect(niceCeiling(17.4)).toBe(20);
    expect(niceCeiling(34.5)).toBe(50);
  });

  it("gives 1 for an empty, zero or broken curve instead of a degenerate axis", () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
    expect(niceCeiling(Number.POSITIVE_INFINITY)).toBe(1);
  });
});
