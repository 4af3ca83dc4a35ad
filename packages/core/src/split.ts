import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { RandomState } from "./random";

/** Options for {@link trainTestSplit}. */
export interface SplitOptions {
  /** Share of each class held out for testing, in (0, 1) (default 0.25). */
  testFraction?: number;
  /** numpy-compatible seed (default 0). */
  seed?: number;
}

/** The two parts, and which original rows went where (ascending). */
export interface Split {
  train: Dataset;
  test: Dataset;
  trainIndices: Int32Array;
  testIndices: Int32Array;
}

function subset(data: Dataset, indices: Int32Array): Dataset {
  const { d } = data;
  const x = new Float64Array(indices.length * d);
  const y = new Float64Array(indices.length);
  indices.forEach((source, k) => {
    x.set(data.x.subarray(source * d, source * d + d), k * d);
    y[k] = data.y[source] as number;
  });
  return { x, y, n: indices.length, d, featureNames: data.featureNames };
}

/**
 * A seeded, stratified split: within each class the rows are shuffled (numpy's legacy permutation)
 * and round(testFraction · count) of them, at least one and leaving at least one, go to the test set,
 * so both parts keep the class balance. Rows keep their original order within each part.
 */
export function trainTestSplit(data: Dataset, options: SplitOptions = {}): Split {
  const testFraction = options.testFraction ?? 0.25;
  if (!(testFraction > 0 && testFraction < 1)) {
    throw new CoreError("BAD_OPTION", `testFraction is ${testFraction}, expected a number in (0, 1)`);
  }
  const rs = new RandomState(options.seed ?? 0);
  const isTest = new Uint8Array(data.n);
  for (const label of [0, 1]) {
    const members: number[] = [];
    for (let i = 0; i < data.n; i++) if (data.y[i] === label) members.push(i);
    if (members.length === 0) continue;
    if (members.length === 1) {
      throw new CoreError("BAD_OPTION", `class ${label} has a single point: it cannot be in both parts`);
    }
    const order = rs.permutation(members.length);
    const count = Math.min(members.length - 1, Math.max(1, Math.round(testFraction * members.length)));
    for (let k = 0; k < count; k++) isTest[members[order[k] as number] as number] = 1;
  }
  const testIndices: number[] = [];
  const trainIndices: number[] = [];
  for (let i = 0; i < data.n; i++) (isTest[i] ? testIndices : trainIndices).push(i);
  const trainIdx = Int32Array.from(trainIndices);
  const testIdx = Int32Array.from(testIndices);
  return {
    train: subset(data, trainIdx),
    test: subset(data, testIdx),
    trainIndices: trainIdx,
    testIndices: testIdx,
  };
}
