import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { fitLikeSklearn } from "./fit-sklearn";
import { LOG_LOSS_EPS, logLoss } from "./loss";
import type { Model } from "./model";
import { applyScaler, fitScaler, unscaleModel } from "./standardize";

/**
 * The model that knows only how common class 1 is: w = 0, b = logit(p̄), so it predicts p̄ — the share
 * of class 1 in `train` (clipped to [ε, 1 − ε]) — for every point. The "I learnt nothing from the
 * features" baseline: on balanced data it is the zero model (p = ½, log loss ln 2).
 */
export function baseRateModel(train: Dataset): Model {
  if (train.n < 1) throw new CoreError("EMPTY_DATA", "the training set has no points");
  let ones = 0;
  for (let i = 0; i < train.n; i++) ones += train.y[i] as number;
  const share = Math.min(Math.max(ones / train.n, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
  return { w: new Array<number>(train.d).fill(0), b: Math.log(share / (1 - share)) };
}

/** What {@link bestAchievableModel} found. */
export interface BestAchievable {
  /** In the units of `data`'s features. */
  model: Model;
  /** The lesson's (clipped) mean log loss of `model` on `data`. */
  logLoss: number;
}

/**
 * Scikit-learn's C, large enough that the ½‖w‖² penalty moves the mean log loss by less than 1e-8 at
 * the optimum (‖w‖² / (2·C·n) on standardised features), small enough that Newton's steps stay sound
 * when the classes barely overlap.
 */
const NO_PENALTY_C = 1e6;

/**
 * The lowest log loss any model z = w·x + b can reach on `data`: the logistic regression fitted on those
 * very points (the lesson's Newton fit, {@link fitLikeSklearn}, on standardised features with a
 * negligible penalty), mapped back to `data`'s units. Fitting on held-out points is cheating for a
 * student and exactly right for a yardstick: no model the class submits can score lower on them. When
 * the points are separable the infimum is 0 and is approached, not reached.
 *
 * Any feature set: for a model over features φ(x) (feature crosses such as x₁², x₂², x₁x₂), pass the
 * held-out points with φ applied; the result is the optimum for that model family.
 */
export function bestAchievableModel(data: Dataset): BestAchievable {
  if (data.n < 1) throw new CoreError("EMPTY_DATA", "the dataset has no points");
  const scaler = fitScaler(data);
  const fit = fitLikeSklearn(applyScaler(scaler, data), { C: NO_PENALTY_C, maxIterations: 500 });
  const model = unscaleModel(fit.model, scaler);
  return { model, logLoss: logLoss(model, data) };
}
