import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { decisionAt, type FeatureName } from "./features";
import { assertModel, type Model } from "./model";
import { sigmoid } from "./sigmoid";

/** Throws unless `data` is internally consistent and `model` fits it (cheap: no per-value scan). */
export function assertCompatible(model: Model, data: Dataset): void {
  if (data.n < 1) throw new CoreError("EMPTY_DATA", "the dataset has no points");
  if (data.x.length !== data.n * data.d || data.y.length !== data.n) {
    throw new CoreError(
      "LENGTH_MISMATCH",
      `dataset claims n=${data.n}, d=${data.d} but x has ${data.x.length} values and y ${data.y.length}`,
    );
  }
  assertModel(model, data.d);
}

/** zᵢ = w·xᵢ + b for every point (the log-odds). */
export function decisionFunction(model: Model, data: Dataset): Float64Array {
  assertCompatible(model, data);
  const { x, n, d } = data;
  const { w, b } = model;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (x[i * d + j] as number) * (w[j] as number);
    z[i] = s + b;
  }
  return z;
}

/** pᵢ = σ(w·xᵢ + b), the probability that point i is class 1 (a dog). */
export function predictProba(model: Model, data: Dataset): Float64Array {
  const p = decisionFunction(model, data);
  for (let i = 0; i < p.length; i++) p[i] = sigmoid(p[i] as number);
  return p;
}

/**
 * p(x₁, x₂) = σ(w·φ(x₁, x₂) + b) of a model of the plane at any point: what a chart shades under the
 * boundary. Without `features` the weights are (w₁, w₂) and missing ones count as 0, so an untrained
 * placeholder model draws a flat ½.
 */
export function probabilityAt(
  model: Model & { readonly features?: readonly FeatureName[] },
): (x1: number, x2: number) => number {
  if (model.features) {
    const z = decisionAt({ w: model.w, b: model.b, features: model.features });
    return (x1, x2) => sigmoid(z(x1, x2));
  }
  const [w1 = 0, w2 = 0] = model.w;
  const { b } = model;
  return (x1, x2) => sigmoid(w1 * x1 + w2 * x2 + b);
}

/** Throws unless `threshold` is a probability in [0, 1]. */
export function assertThreshold(threshold: number): void {
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new CoreError("BAD_OPTION", `threshold is ${threshold}, expected a number in [0, 1]`);
  }
}

/**
 * The lesson's decision rule, "predict class 1 if ŷ > 0.5, else class 0": 1 when p > threshold, else 0.
 * Strict, like scikit-learn's `predict` (`decision_function > 0`): a point exactly on the boundary
 * (z = 0, p = 0.5) is class 0.
 */
export function predictedLabel(p: number, threshold = 0.5): 0 | 1 {
  return p > threshold ? 1 : 0;
}

/** ŷᵢ = 1 if pᵢ > threshold else 0 (default threshold 0.5, i.e. w·xᵢ + b > 0). */
export function predict(model: Model, data: Dataset, threshold = 0.5): Uint8Array {
  assertThreshold(threshold);
  const p = predictProba(model, data);
  const labels = new Uint8Array(p.length);
  for (let i = 0; i < p.length; i++) labels[i] = predictedLabel(p[i] as number, threshold);
  return labels;
}
