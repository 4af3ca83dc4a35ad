import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { RandomState } from "./random";

/** Options for {@link seedBlobs}: numpy seed (default 0) and points per class (default 50). */
export interface BlobsOptions {
  seed?: number;
  nPerClass?: number;
}

/** Throws unless `count` is a positive integer no larger than `max`. */
export function assertCount(name: string, count: number, max = 10_000_000): void {
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new CoreError("BAD_OPTION", `${name} is ${count}, expected an integer from 1 to ${max}`);
  }
}

/**
 * The lesson's data, exactly:
 *   np.random.seed(seed); X0 = randn(m, 2) + [−2, −2]; X1 = randn(m, 2) + [2, 2]; y = [0]·m + [1]·m.
 * With the defaults this is the notebook's 100 points, identical to numpy's to the last bit.
 */
export function seedBlobs(options: BlobsOptions = {}): Dataset {
  const seed = options.seed ?? 0;
  const m = options.nPerClass ?? 50;
  assertCount("nPerClass", m);
  const rs = new RandomState(seed);
  const n = 2 * m;
  const x = rs.randn(2 * n);
  const y = new Float64Array(n);
  for (let k = 0; k < 2 * m; k++) x[k] = (x[k] as number) + -2;
  for (let k = 2 * m; k < 2 * n; k++) x[k] = (x[k] as number) + 2;
  y.fill(1, m);
  return { x, y, n, d: 2, featureNames: ["x1", "x2"] };
}
