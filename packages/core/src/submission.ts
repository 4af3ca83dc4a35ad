import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import {
  assertWeightsFitFeatures,
  type FeatureModel,
  type FeatureName,
  LINEAR_FEATURES,
  quadraticOf,
} from "./features";
import { assertModel, type Model } from "./model";
import { predictedLabel } from "./predict";
import { type Scaler, unscaleModel } from "./standardize";

/** The standardisation a client trained with (a {@link Scaler} over its features), or null for raw ones. */
export type Standardisation = Scaler | null;

/**
 * A submitted model: weights for `features` (x₁, x₂ when absent, the two-weight model every client sent
 * before feature crosses existed) and an intercept.
 */
export type Submission = Model & { readonly features?: readonly FeatureName[] };

/** What {@link evaluateSubmission} measures in one pass. */
export interface SubmissionEvaluation {
  /** Mean log loss, as {@link logLoss}. */
  logLoss: number;
  /** Share of points on the right side of the boundary (p > 0.5 ⇔ dog, the lesson's rule). */
  accuracy: number;
  /** Points given p ≥ `confidence` for the wrong class. */
  confidentlyWrong: number;
}

/** p̂ clip of the lesson's log loss (same value as LOG_LOSS_EPS; repeated to keep this file's loop local). */
const EPS = 1e-15;

/**
 * The submission in raw units of its features: a model trained on (φ(x) − μ)/σ is the same classifier as
 * wⱼ/σⱼ · φⱼ(x) + (b − Σ wⱼμⱼ/σⱼ) ({@link unscaleModel}). Validates the weights against the features and
 * the standardisation (one finite μ and a finite σ > 0 per weight).
 */
export function rawSubmission(submission: Submission, standardisation: Standardisation): FeatureModel {
  const features = submission.features ?? LINEAR_FEATURES;
  const model = { w: submission.w, b: submission.b };
  assertWeightsFitFeatures({ ...model, features });
  assertModel(model, features.length);
  if (!standardisation) return { ...model, features };
  const { mean, std } = standardisation;
  if (mean.length !== features.length || std.length !== features.length) {
    throw new CoreError(
      "DIMENSION_MISMATCH",
      `standardisation has ${mean.length}/${std.length} values for ${features.length} features`,
    );
  }
  for (let j = 0; j < features.length; j++) {
    const mu = mean[j] as number;
    const sigma = std[j] as number;
    if (!Number.isFinite(mu) || !(Number.isFinite(sigma) && sigma > 0)) {
      throw new CoreError("NON_FINITE", `standardisation of feature ${j} is μ=${mu}, σ=${sigma}`);
    }
  }
  const raw = unscaleModel(model, standardisation);
  if (!raw.w.every(Number.isFinite) || !Number.isFinite(raw.b)) {
    throw new CoreError("NON_FINITE", "the model overflows once the standardisation is undone");
  }
  return { ...raw, features };
}

/**
 * Scores a submission on held-out raw points (x₁, x₂) in one fused pass with no allocation: the server
 * computes the features φ(x) itself, so a client only says which features its weights belong to. Returns
 * the log loss −(1/n) Σ log p̂(yᵢ) with p̂ = clip(σ(w·φ(xᵢ) + b), ε, 1 − ε) (bit for bit {@link logLoss}
 * for a raw two-weight model), the accuracy and the number of points with p ≥ `confidence` on the wrong
 * class.
 * @throws CoreError for weights that don't fit the features, a bad standardisation, or data that isn't
 * the raw two coordinates.
 */
export function evaluateSubmission(
  submission: Submission,
  standardisation: Standardisation,
  data: Dataset,
  confidence = 0.99,
): SubmissionEvaluation {
  if (data.n < 1) throw new CoreError("EMPTY_DATA", "the dataset has no points");
  if (data.d !== 2) throw new CoreError("DIMENSION_MISMATCH", `challenge data has 2 features, got ${data.d}`);
  const q = quadraticOf(rawSubmission(submission, standardisation));
  const { x1: a1, x2: a2, "x1^2": a11, "x2^2": a22, x1x2: a12, b } = q;
  const { x, y, n } = data;
  let sum = 0;
  let correct = 0;
  let confidentlyWrong = 0;
  const wrongBelow = 1 - confidence;
  // A straight boundary (the common case) skips the crosses: a predictable branch, no extra products.
  const curved = a11 !== 0 || a22 !== 0 || a12 !== 0;
  for (let i = 0; i < n; i++) {
    const x1 = x[2 * i] as number;
    const x2 = x[2 * i + 1] as number;
    // quadraticAt inlined: the linear part first, so a straight boundary scores exactly as it always did.
    const linear = x1 * a1 + x2 * a2 + b;
    const z = curved ? linear + (x1 * x1 * a11 + x2 * x2 * a22 + x1 * x2 * a12) : linear;
    let p: number;
    if (z >= 0) p = 1 / (1 + Math.exp(-z));
    else {
      const e = Math.exp(z);
      p = e / (1 + e);
    }
    const yi = y[i] as number;
    const pc = Math.min(Math.max(p, EPS), 1 - EPS);
    sum -= Math.log(yi * pc + (1 - yi) * (1 - pc));
    if (predictedLabel(p) === yi) correct += 1;
    if ((yi === 1 ? p : 1 - p) <= wrongBelow) confidentlyWrong += 1;
  }
  return { logLoss: sum / n, accuracy: correct / n, confidentlyWrong };
}

/**
 * Log loss of a submission trained on standardised features ((φ(x) − mean)/std), or on raw features when
 * `standardisation` is null, evaluated on raw held-out `data`. Equals
 * logLoss(model, applyScaler(standardisation, expandFeatures(data, features))) up to rounding, without
 * building either copy.
 */
export function scoreSubmission(
  submission: Submission,
  standardisation: Standardisation,
  data: Dataset,
): number {
  return evaluateSubmission(submission, standardisation, data).logLoss;
}
