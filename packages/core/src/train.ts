import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { fusedPass } from "./gd-kernel";
import { assertL2, assertLossKind } from "./gradients";
import type { LossKind } from "./loss";
import { type Model, zeroModel } from "./model";
import { assertCompatible } from "./predict";

/** Longest run `trainGD` accepts: beyond this the loss history alone is tens of megabytes. */
export const MAX_ITERATIONS = 1_000_000;

/** A snapshot handed to `onProgress`: the model and its loss after `iteration` updates. */
export interface TrainProgress {
  iteration: number;
  model: Model;
  loss: number;
}

/** Settings for {@link trainGD}. */
export interface TrainOptions {
  /** Step size α > 0. */
  learningRate: number;
  /** Number of updates, an integer in [0, MAX_ITERATIONS]. */
  iterations: number;
  /** Starting point; default w = 0, b = 0 as in the notebook. */
  initial?: Model;
  /** Default "log". */
  loss?: LossKind;
  /** L2 strength λ ≥ 0 on ½λ‖w‖² (intercept not penalised); default 0. */
  l2?: number;
  /** Checked before every update; once aborted, training stops and returns what it has. */
  signal?: AbortSignal;
  /** Called every `progressEvery` updates and after the last one. */
  onProgress?: (p: TrainProgress) => void;
  /** Default 1. */
  progressEvery?: number;
}

/** What {@link trainGD} returns. */
export interface TrainResult {
  model: Model;
  /** lossHistory[k] is the objective after update k + 1 (length = iterations actually run). */
  lossHistory: Float64Array;
  /** Updates actually performed (fewer than asked if cancelled). */
  iterations: number;
  cancelled: boolean;
}

/** Throws unless the learning rate, iteration count, loss, L2 and progress interval are usable. */
export function assertTrainOptions(options: TrainOptions): void {
  const { learningRate, iterations } = options;
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new CoreError(
      "BAD_LEARNING_RATE",
      `learning rate is ${learningRate}, expected a finite number > 0`,
    );
  }
  if (!Number.isInteger(iterations) || iterations < 0 || iterations > MAX_ITERATIONS) {
    throw new CoreError(
      "BAD_ITERATIONS",
      `iterations is ${iterations}, expected an integer from 0 to ${MAX_ITERATIONS}`,
    );
  }
  assertLossKind(options.loss ?? "log");
  assertL2(options.l2 ?? 0);
  const every = options.progressEvery ?? 1;
  if (!Number.isInteger(every) || every < 1) {
    throw new CoreError("BAD_OPTION", `progressEvery is ${every}, expected an integer ≥ 1`);
  }
}

function snapshot(w: Float64Array, b: number): Model {
  return { w: Array.from(w), b };
}

/**
 * Batch gradient descent, the notebook's loop:
 *   p = σ(Xw + b);  w ← w − α[(1/n)Xᵀ(p − y) + λw];  b ← b − α(1/n)Σ(p − y)
 * (or the MSE gradient), recording after each update the mean loss at the new (w, b) plus ½λ‖w‖².
 * One fused pass over the data per update, no allocation per step.
 * @throws CoreError on bad data or options; cancellation is not an error (`cancelled: true`).
 */
export function trainGD(data: Dataset, options: TrainOptions): TrainResult {
  assertTrainOptions(options);
  const initial = options.initial ?? zeroModel(data.d);
  assertCompatible(initial, data);
  const { x, y, n, d } = data;
  const { learningRate: lr, iterations, signal, onProgress } = options;
  const loss = options.loss ?? "log";
  const l2 = options.l2 ?? 0;
  const every = options.progressEvery ?? 1;

  const w = Float64Array.from(initial.w);
  let b = initial.b;
  const g = new Float64Array(d + 1);
  const history = new Float64Array(iterations);
  let done = 0;
  let cancelled = false;
  if (iterations > 0 && signal?.aborted !== true) fusedPass(x, y, n, d, w, b, g, loss);
  while (done < iterations) {
    if (signal?.aborted === true) {
      cancelled = true;
      break;
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) {
      const wj = w[j] as number;
      w[j] = wj - lr * ((g[j] as number) + l2 * wj);
    }
    b -= lr * (g[d] as number);
    if (l2 > 0) {
      for (let j = 0; j < d; j++) penalty += (w[j] as number) * (w[j] as number);
      penalty *= 0.5 * l2;
    }
    const current = fusedPass(x, y, n, d, w, b, g, loss) / n + penalty;
    history[done] = current;
    done++;
    if (onProgress !== undefined && (done % every === 0 || done === iterations)) {
      onProgress({ iteration: done, model: snapshot(w, b), loss: current });
    }
  }
  return {
    model: snapshot(w, b),
    lossHistory: done === iterations ? history : history.slice(0, done),
    iterations: done,
    cancelled,
  };
}
