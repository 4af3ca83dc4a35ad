import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import { type Box, boundaryLine, decisionBoundary } from "./boundary";
import { CoreError } from "./errors";
import { predictProba, probabilityAt } from "./predict";

const box: Box = { xMin: -5, xMax: 5, yMin: -4, yMax: 4 };
const weight = fc.double({ min: -10, max: 10, noNaN: true });

function inside(p: { x: number; y: number }, tolerance = 1e-9): boolean {
  return (
    p.x >= box.xMin - tolerance &&
    p.x <= box.xMax + tolerance &&
    p.y >= box.yMin - tolerance &&
    p.y <= box.yMax + tolerance
  );
}

describe("decisionBoundary", () => {
  it("returns end points that satisfy w·x + b ≈ 0, lie in the box and on its edges", () => {
    fc.assert(
      fc.property(weight, weight, weight, (w1, w2, b) => {
        const segment = decisionBoundary({ w: [w1, w2], b }, box);
        if (segment === null) return;
        const scale = Math.abs(w1) * 5 + Math.abs(w2) * 4 + Math.abs(b) + 1e-300;
        for (const p of [segment.from, segment.to]) {
          expect(Math.abs(w1 * p.x + w2 * p.y + b)).toBeLessThanOrEqual(1e-12 * scale);
          expect(inside(p)).toBe(true);
          const onEdge = [p.x - box.xMin, box.xMax - p.x, p.y - box.yMin, box.yMax - p.y].some(
            (gap) => Math.abs(gap) < 1e-9,
          );
          expect(onEdge).toBe(true);
        }
      }),
    );
  });

  it("follows slope −w₁/w₂ and intercept −b/w₂", () => {
    const model = { w: [1, 2], b: -1 };
    expect(boundaryLine(model)).toEqual({ kind: "line", slope: -0.5, intercept: 0.5 });
    const s = decisionBoundary(model, box);
    expect(s).toEqual({ from: { x: -5, y: 3 }, to: { x: 5, y: -2 } });
  });

  it("draws a vertical line when w₂ = 0", () => {
    const model = { w: [2, 0], b: -2 };
    expect(boundaryLine(model)).toEqual({ kind: "vertical", x: 1 });
    expect(decisionBoundary(model, box)).toEqual({ from: { x: 1, y: -4 }, to: { x: 1, y: 4 } });
  });

  it("draws a horizontal line when w₁ = 0", () => {
    expect(decisionBoundary({ w: [0, 1], b: -1 }, box)).toEqual({
      from: { x: -5, y: 1 },
      to: { x: 5, y: 1 },
    });
  });

  it("has no boundary when w = 0 or the line misses the box", () => {
    expect(boundaryLine({ w: [0, 0], b: 1 })).toEqual({ kind: "none" });
    expect(decisionBoundary({ w: [0, 0], b: 1 }, box)).toBeNull();
    expect(decisionBoundary({ w: [0, 0], b: 0 }, box)).toBeNull();
    expect(decisionBoundary({ w: [1, 0], b: -10 }, box)).toBeNull();
    expect(decisionBoundary({ w: [1, 1], b: -100 }, box)).toBeNull();
  });

  it("has no segment for a line that only touches a corner", () => {
    // x + y = 9 meets the box only at (5, 4).
    expect(decisionBoundary({ w: [1, 1], b: -9 }, box)).toBeNull();
  });

  it("rejects a model without exactly two weights and an inverted box", () => {
    expect(() => decisionBoundary({ w: [1, 2, 3], b: 0 }, box)).toThrow(CoreError);
    expect(() => decisionBoundary({ w: [1, 2], b: 0 }, { ...box, xMin: 6 })).toThrow(CoreError);
  });
});

describe("probabilityAt", () => {
  it("is σ(w·x + b) at any point: ½ on the boundary, the same as predictProba on data", () => {
    const model = { w: [2, 1], b: -4 };
    const p = probabilityAt(model);
    expect(p(2, 0)).toBe(0.5);
    expect(p(0, 4)).toBe(0.5);
    const data = seedBlobs({ nPerClass: 5 });
    const expected = predictProba(model, data);
    for (let i = 0; i < data.n; i++) {
      expect(p(data.x[2 * i] as number, data.x[2 * i + 1] as number)).toBe(expected[i]);
    }
  });

  it("treats a placeholder model without weights as a flat ½", () => {
    expect(probabilityAt({ w: [], b: 0 })(3, -7)).toBe(0.5);
  });
});
