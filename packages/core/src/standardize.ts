import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import type { Model } from "./model";

/** Per-feature mean and (population) standard deviation learnt from a training set. */
export interface Scaler {
  readonly mean: readonly number[];
  readonly std: readonly number[];
}

/**
 * μⱼ = (1/n) Σ xᵢⱼ and σⱼ = √((1/n) Σ (xᵢⱼ − μⱼ)²), like sklearn's StandardScaler; a constant
 * feature gets σⱼ = 1 so scaling leaves it centred instead of dividing by zero.
 */
export function fitScaler(data: Dataset): Scaler {
  const { x, n, d } = data;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (let j = 0; j < d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i * d + j] as number;
    const mu = s / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += ((x[i * d + j] as number) - mu) ** 2;
    const sigma = Math.sqrt(v / n);
    mean[j] = mu;
    std[j] = sigma > 0 ? sigma : 1;
  }
  return { mean, std };
}

/** x′ᵢⱼ = (xᵢⱼ − μⱼ)/σⱼ with a scaler fitted elsewhere (fit on train, apply to train and test). */
export function applyScaler(scaler: Scaler, data: Dataset): Dataset {
  const { n, d } = data;
  if (scaler.mean.length !== d || scaler.std.length !== d) {
    throw new CoreError("DIMENSION_MISMATCH", `scaler has ${scaler.mean.length} features, data has ${d}`);
  }
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      x[i * d + j] = ((data.x[i * d + j] as number) - (scaler.mean[j] as number)) / (scaler.std[j] as number);
    }
  }
  return { x, y: data.y.slice(), n, d, featureNames: data.featureNames };
}

/** Fits a {@link Scaler} on `train` only and applies it to `train` and (if given) `test`. */
export function standardize(
  train: Dataset,
  test?: Dataset,
): { scaler: Scaler; train: Dataset; test?: Dataset } {
  const scaler = fitScaler(train);
  const scaledTrain = applyScaler(scaler, train);
  return test === undefined
    ? { scaler, train: scaledTrain }
    : { scaler, train: scaledTrain, test: applyScaler(scaler, test) };
}

/**
 * The same classifier in original units: w·(x − μ)/σ + b = Σ (wⱼ/σⱼ) xⱼ + (b − Σ wⱼμⱼ/σⱼ),
 * e.g. to draw a boundary learnt on standardized data over the raw scatter plot.
 */
export function unscaleModel(model: Model, scaler: Scaler): Model {
  if (model.w.length !== scaler.mean.length) {
    throw new CoreError(
      "DIMENSION_MISMATCH",
      `model has ${model.w.length} weights, scaler ${scaler.mean.length}`,
    );
  }
  let b = model.b;
  const w = model.w.map((wj, j) => {
    const scaled = wj / (scaler.std[j] as number);
    b -= scaled * (scaler.mean[j] as number);
    return scaled;
  });
  return { w, b };
}
