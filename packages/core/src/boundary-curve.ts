import { type Box, decisionBoundary } from "./boundary";
import { CoreError } from "./errors";
import { type FeatureModel, type Quadratic, quadraticAt, quadraticOf } from "./features";

/** A piece of a decision boundary: points of the plane joined in order (closed when first = last). */
export type BoundaryPath = { x: number; y: number }[];

/** Grid cells per side of the box: enough for a smooth ellipse on a 1920-pixel projector. */
export const DEFAULT_CONTOUR_RESOLUTION = 64;
const MAX_CONTOUR_RESOLUTION = 512;

function assertBox(box: Box): void {
  const { xMin, xMax, yMin, yMax } = box;
  if (![xMin, xMax, yMin, yMax].every(Number.isFinite) || !(xMin < xMax && yMin < yMax)) {
    throw new CoreError("BAD_OPTION", `box ${JSON.stringify(box)} must be finite with min < max`);
  }
}

/**
 * Which cell edges each marching-squares case joins. Corners inside (z ≥ 0) set bits: bottom-left 1,
 * bottom-right 2, top-right 4, top-left 8; edges are 0 bottom, 1 right, 2 top, 3 left. The saddles 5 and 10
 * are listed for a centre outside; {@link SADDLE_INSIDE} has them for a centre inside.
 */
const CASES: readonly (readonly (readonly [number, number])[])[] = [
  [],
  [[3, 0]],
  [[0, 1]],
  [[3, 1]],
  [[1, 2]],
  [
    [3, 0],
    [1, 2],
  ],
  [[0, 2]],
  [[3, 2]],
  [[2, 3]],
  [[0, 2]],
  [
    [0, 1],
    [2, 3],
  ],
  [[1, 2]],
  [[3, 1]],
  [[0, 1]],
  [[3, 0]],
  [],
];
const SADDLE_INSIDE: Readonly<Record<number, readonly (readonly [number, number])[]>> = {
  5: [
    [0, 1],
    [2, 3],
  ],
  10: [
    [3, 0],
    [1, 2],
  ],
};

/**
 * The level set z(x₁, x₂) = 0 of a sampled field by marching squares: z on an (N + 1)² grid over the box,
 * a crossing on every cell edge whose ends fall on either side of 0 (placed by linear interpolation), and
 * the crossings of each cell joined; the pieces are then chained into paths, open ones (which end on the
 * box's edge) first, then closed loops. Saddle cells are resolved by z at the cell's centre.
 */
function contour(z: (x1: number, x2: number) => number, box: Box, resolution: number): BoundaryPath[] {
  const n = resolution;
  const dx = (box.xMax - box.xMin) / n;
  const dy = (box.yMax - box.yMin) / n;
  const xAt = (column: number) => (column === n ? box.xMax : box.xMin + column * dx);
  const yAt = (row: number) => (row === n ? box.yMax : box.yMin + row * dy);
  const values = new Float64Array((n + 1) * (n + 1));
  for (let row = 0; row <= n; row++) {
    for (let column = 0; column <= n; column++) values[row * (n + 1) + column] = z(xAt(column), yAt(row));
  }
  const value = (row: number, column: number) => values[row * (n + 1) + column] as number;
  const inside = (row: number, column: number) => value(row, column) >= 0;

  // Edge ids: horizontal edges (row r, from column c to c + 1) first, then vertical ones.
  const verticalBase = (n + 1) * n;
  const edgeId = (row: number, column: number, side: number): number => {
    if (side === 0) return row * n + column;
    if (side === 2) return (row + 1) * n + column;
    return verticalBase + row * (n + 1) + column + (side === 1 ? 1 : 0);
  };
  const crossings = new Map<number, { x: number; y: number }>();
  const crossingOn = (id: number) => {
    let point = crossings.get(id);
    if (point) return point;
    let row0: number;
    let column0: number;
    let row1: number;
    let column1: number;
    if (id < verticalBase) {
      row0 = row1 = Math.floor(id / n);
      column0 = id % n;
      column1 = column0 + 1;
    } else {
      const local = id - verticalBase;
      row0 = Math.floor(local / (n + 1));
      row1 = row0 + 1;
      column0 = column1 = local % (n + 1);
    }
    const z0 = value(row0, column0);
    const z1 = value(row1, column1);
    const t = z0 === z1 ? 0.5 : z0 / (z0 - z1);
    point = {
      x: xAt(column0) + t * (xAt(column1) - xAt(column0)),
      y: yAt(row0) + t * (yAt(row1) - yAt(row0)),
    };
    crossings.set(id, point);
    return point;
  };

  const pieces: [number, number][] = [];
  const touching = new Map<number, number[]>();
  const connect = (from: number, to: number) => {
    const index = pieces.push([from, to]) - 1;
    for (const id of [from, to]) {
      const list = touching.get(id);
      if (list) list.push(index);
      else touching.set(id, [index]);
    }
  };
  for (let row = 0; row < n; row++) {
    for (let column = 0; column < n; column++) {
      const index =
        (inside(row, column) ? 1 : 0) |
        (inside(row, column + 1) ? 2 : 0) |
        (inside(row + 1, column + 1) ? 4 : 0) |
        (inside(row + 1, column) ? 8 : 0);
      let joins = CASES[index] ?? [];
      if (index === 5 || index === 10) {
        const centre = z(xAt(column) + dx / 2, yAt(row) + dy / 2);
        if (centre >= 0) joins = SADDLE_INSIDE[index] ?? joins;
      }
      for (const [a, b] of joins) connect(edgeId(row, column, a), edgeId(row, column, b));
    }
  }

  const used = new Uint8Array(pieces.length);
  const paths: BoundaryPath[] = [];
  const walk = (first: number, start: number) => {
    const path = [crossingOn(start)];
    let piece = first;
    let at = start;
    while (piece !== -1) {
      used[piece] = 1;
      const [a, b] = pieces[piece] as [number, number];
      at = a === at ? b : a;
      path.push(crossingOn(at));
      piece = touching.get(at)?.find((next) => used[next] === 0) ?? -1;
    }
    paths.push(path);
  };
  // Open paths start where a crossing belongs to one piece only (on the box's edge); the rest are loops.
  for (const [id, list] of touching) {
    const [only] = list;
    if (list.length === 1 && only !== undefined && used[only] === 0) walk(only, id);
  }
  for (let piece = 0; piece < pieces.length; piece++) {
    if (used[piece] === 0) walk(piece, (pieces[piece] as [number, number])[0]);
  }
  return paths;
}

function isStraight(q: Quadratic): boolean {
  return q["x1^2"] === 0 && q["x2^2"] === 0 && q.x1x2 === 0;
}

/**
 * The decision boundary w·φ(x) + b = 0 of a feature model inside `box`, as paths to stroke: the exact
 * segment when the model is linear in (x₁, x₂) (no cross has a non-zero weight), otherwise the contour
 * traced by marching squares on a `resolution`² grid. Empty when the boundary misses the box or the
 * model is not finite.
 * @throws CoreError for a bad box, resolution or feature list.
 */
export function boundaryPaths(
  model: FeatureModel,
  box: Box,
  resolution = DEFAULT_CONTOUR_RESOLUTION,
): BoundaryPath[] {
  assertBox(box);
  if (!Number.isInteger(resolution) || resolution < 2 || resolution > MAX_CONTOUR_RESOLUTION) {
    throw new CoreError(
      "BAD_OPTION",
      `resolution is ${resolution}, expected an integer from 2 to ${MAX_CONTOUR_RESOLUTION}`,
    );
  }
  const q = quadraticOf(model);
  if (![q.x1, q.x2, q["x1^2"], q["x2^2"], q.x1x2, q.b].every(Number.isFinite)) return [];
  if (isStraight(q)) {
    const segment = decisionBoundary({ w: [q.x1, q.x2], b: q.b }, box);
    return segment ? [[segment.from, segment.to]] : [];
  }
  return contour((x1, x2) => quadraticAt(q, x1, x2), box, resolution);
}
