import { CoreError } from "./errors";

/**
 * n labelled points with d features. `x` is row-major (x[i*d + j] is feature j of point i) so the
 * training loop walks memory once, and both arrays can be transferred to a worker without copying.
 * Labels are exactly 0 or 1 (cat = 0, dog = 1 in the lesson).
 */
export interface Dataset {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  readonly featureNames: readonly string[];
}

function defaultNames(d: number): string[] {
  return Array.from({ length: d }, (_, j) => `x${j + 1}`);
}

function checkNames(featureNames: readonly string[] | undefined, d: number): readonly string[] {
  if (featureNames === undefined) return defaultNames(d);
  if (featureNames.length !== d) {
    throw new CoreError("LENGTH_MISMATCH", `got ${featureNames.length} feature names for ${d} features`);
  }
  return [...featureNames];
}

function checkLabel(value: number, i: number): void {
  if (typeof value !== "number") {
    throw new CoreError("BAD_LABEL", `label y[${i}] is ${String(value)}, expected 0 or 1`);
  }
  if (!Number.isFinite(value)) {
    throw new CoreError("NON_FINITE", `label y[${i}] is ${value}, expected 0 or 1`);
  }
  if (value !== 0 && value !== 1) {
    throw new CoreError("BAD_LABEL", `label y[${i}] is ${value}, expected 0 or 1`);
  }
}

/**
 * Builds a validated {@link Dataset} from rows `X` (n × d) and labels `y` (length n).
 * Inputs are copied, never kept or modified.
 * @throws CoreError EMPTY_DATA, LENGTH_MISMATCH, NON_FINITE or BAD_LABEL.
 */
export function createDataset(
  X: readonly (readonly number[])[],
  y: readonly number[],
  featureNames?: readonly string[],
): Dataset {
  const n = X.length;
  if (n === 0) throw new CoreError("EMPTY_DATA", "X has no rows");
  if (y.length !== n) {
    throw new CoreError("LENGTH_MISMATCH", `X has ${n} rows but y has ${y.length} labels`);
  }
  const d = X[0]?.length ?? 0;
  if (d === 0) throw new CoreError("EMPTY_DATA", "X rows have no features");
  const x = new Float64Array(n * d);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = X[i] as readonly number[];
    if (row.length !== d) {
      throw new CoreError("LENGTH_MISMATCH", `row X[${i}] has ${row.length} features, row X[0] has ${d}`);
    }
    for (let j = 0; j < d; j++) {
      const v = row[j] as number;
      if (!Number.isFinite(v)) throw new CoreError("NON_FINITE", `X[${i}][${j}] is ${v}`);
      x[i * d + j] = v;
    }
    const label = y[i] as number;
    checkLabel(label, i);
    labels[i] = label;
  }
  return { x, y: labels, n, d, featureNames: checkNames(featureNames, d) };
}

/**
 * Wraps row-major typed arrays as a validated {@link Dataset} without copying them
 * (the worker receives transferred buffers and must not pay for a second copy).
 * @throws CoreError as {@link createDataset}.
 */
export function datasetFromArrays(
  x: Float64Array,
  y: Float64Array,
  d: number,
  featureNames?: readonly string[],
): Dataset {
  if (!Number.isInteger(d) || d < 1) {
    throw new CoreError("DIMENSION_MISMATCH", `d is ${d}, expected a positive integer`);
  }
  const n = y.length;
  if (n === 0) throw new CoreError("EMPTY_DATA", "y has no labels");
  if (x.length !== n * d) {
    throw new CoreError("LENGTH_MISMATCH", `x has ${x.length} values, expected n·d = ${n}·${d} = ${n * d}`);
  }
  for (let k = 0; k < x.length; k++) {
    const v = x[k] as number;
    if (!Number.isFinite(v)) {
      throw new CoreError("NON_FINITE", `X[${Math.floor(k / d)}][${k % d}] is ${v}`);
    }
  }
  for (let i = 0; i < n; i++) checkLabel(y[i] as number, i);
  return { x, y, n, d, featureNames: checkNames(featureNames, d) };
}

/** Row i as a fresh array (for display and tests; the math reads `x` directly). */
export function row(data: Dataset, i: number): number[] {
  return Array.from(data.x.subarray(i * data.d, (i + 1) * data.d));
}

/** The dataset as plain rows and labels, e.g. for JSON or a chart. */
export function toRows(data: Dataset): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  for (let i = 0; i < data.n; i++) X.push(row(data, i));
  return { X, y: Array.from(data.y) };
}
