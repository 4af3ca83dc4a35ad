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
 * box's edge) first, then closed loops. Saddle cells are resolved by z at the cell's centre. Typed arrays
 * indexed by edge throughout: dashboards trace dozens of these per batch.
 */
function contour(q: Quadratic, box: Box, resolution: number): BoundaryPath[] {
  const n = resolution;
  const dx = (box.xMax - box.xMin) / n;
  const dy = (box.yMax - box.yMin) / n;
  const xAt = (column: number) => (column === n ? box.xMax : box.xMin + column * dx);
  const yAt = (row: number) => (row === n ? box.yMax : box.yMin + row * dy);
  const side = n + 1;
  const values = new Float64Array(side * side);
  // Along a row (x₂ fixed) z is a parabola in x₁: z = a₁₁x₁² + (a₁ + a₁₂x₂)x₁ + (a₂₂x₂² + a₂x₂ + b).
  const { x1: a1, x2: a2, "x1^2": a11, "x2^2": a22, x1x2: a12, b } = q;
  for (let row = 0; row <= n; row++) {
    const y = yAt(row);
    const slope = a1 + a12 * y;
    const constant = a22 * y * y + a2 * y + b;
    for (let column = 0; column <= n; column++) {
      const x = xAt(column);
      values[row * side + column] = (a11 * x + slope) * x + constant;
    }
  }
  const z = (x1: number, x2: number) => quadraticAt(q, x1, x2);

  // Edge ids: horizontal edges (row r, from column c to c + 1) first, then vertical ones (column c, from
  // row r to r + 1). Each edge is shared by at most two cells, so by at most two pieces.
  const verticalBase = side * n;
  const edges = verticalBase + n * side;
  const firstPiece = new Int32Array(edges).fill(-1);
  const secondPiece = new Int32Array(edges).fill(-1);
  const pieceEnds: number[] = [];
  const touch = (edge: number, piece: number) => {
    if (firstPiece[edge] === -1) firstPiece[edge] = piece;
    else secondPiece[edge] = piece;
  };
  const connect = (from: number, to: number) => {
    const piece = pieceEnds.length / 2;
    pieceEnds.push(from, to);
    touch(from, piece);
    touch(to, piece);
  };
  for (let row = 0; row < n; row++) {
    for (let column = 0; column < n; column++) {
      const corner = row * side + column;
      const index =
        ((values[corner] as number) >= 0 ? 1 : 0) |
        ((values[corner + 1] as number) >= 0 ? 2 : 0) |
        ((values[corner + side + 1] as number) >= 0 ? 4 : 0) |
        ((values[corner + side] as number) >= 0 ? 8 : 0);
      if (index === 0 || index === 15) continue;
      let joins = CASES[index] as readonly (readonly [number, number])[];
      if ((index === 5 || index === 10) && z(xAt(column) + dx / 2, yAt(row) + dy / 2) >= 0) {
        joins = SADDLE_INSIDE[index] ?? joins;
      }
      const edgeOf = (cellSide: number) =>
        cellSide === 0
          ? row * n + column
          : cellSide === 1
            ? verticalBase + row * side + column + 1
            : cellSide === 2
              ? (row + 1) * n + column
              : verticalBase + row * side + column;
      for (const [a, b] of joins) connect(edgeOf(a), edgeOf(b));
    }
  }

  const crossing = (edge: number) => {
    let row0: number;
    let column0: number;
    let row1: number;
    let column1: number;
    if (edge < verticalBase) {
      row0 = row1 = Math.floor(edge / n);
      column0 = edge % n;
      column1 = column0 + 1;
    } else {
      const local = edge - verticalBase;
      row0 = Math.floor(local / side);
      row1 = row0 + 1;
      column0 = column1 = local % side;
    }
    const z0 = values[row0 * side + column0] as number;
    const z1 = values[row1 * side + column1] as number;
    const t = z0 / (z0 - z1);
    const along = Number.isFinite(t) ? t : 0.5;
    return {
      x: xAt(column0) + along * (xAt(column1) - xAt(column0)),
      y: yAt(row0) + along * (yAt(row1) - yAt(row0)),
    };
  };

  const pieces = pieceEnds.length / 2;
  const used = new Uint8Array(pieces);
  const paths: BoundaryPath[] = [];
  const walk = (first: number, start: number) => {
    const path = [crossing(start)];
    let piece = first;
    let at = start;
    while (piece !== -1) {
      used[piece] = 1;
      const a = pieceEnds[2 * piece] as number;
      at = a === at ? (pieceEnds[2 * piece + 1] as number) : a;
      path.push(crossing(at));
      const one = firstPiece[at] as number;
      const other = secondPiece[at] as number;
      piece = one !== -1 && used[one] === 0 ? one : other !== -1 && used[other] === 0 ? other : -1;
    }
    paths.push(path);
  };
  // Open paths start where a crossing belongs to one piece only (on the box's edge); the rest are loops.
  for (let piece = 0; piece < pieces; piece++) {
    for (const end of [pieceEnds[2 * piece] as number, pieceEnds[2 * piece + 1] as number]) {
      if (used[piece] === 0 && secondPiece[end] === -1) walk(piece, end);
    }
  }
  for (let piece = 0; piece < pieces; piece++) {
    if (used[piece] === 0) walk(piece, pieceEnds[2 * piece] as number);
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
  return contour(q, box, resolution);
}
