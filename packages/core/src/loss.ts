import type { Dataset } from "./dataset";
import type { Model } from "./model";
import { predictProba } from "./predict";

/** The lesson's clip: probabilities are kept in [ε, 1 − ε] so log never sees 0. */
export const LOG_LOSS_EPS = 1e-15;

/**
 * Mean binary cross-entropy, exactly as the notebook computes it:
 * L = −(1/n) Σ [yᵢ log p̂ᵢ + (1 − yᵢ) log(1 − p̂ᵢ)], p̂ᵢ = clip(σ(w·xᵢ + b), ε, 1 − ε), ε = 1e-15.
 * Bounded by −log ε ≈ 34.5 per point thanks to the clip.
 */
export function logLoss(model: Model, data: Dataset): number {
  const p = predictProba(model, data);
  const { y, n } = data;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const raw = p[i] as number;
    const pc = Math.min(Math.max(raw, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    const yi = y[i] as number;
    // With yᵢ ∈ {0, 1} this picks exactly one term, bit for bit what the two-term formula gives.
    sum -= Math.log(yi * pc + (1 - yi) * (1 - pc));
  }
  return sum / n;
}

/**
 * Mean squared error of the probabilities: L = (1/n) Σ (σ(w·xᵢ + b) − yᵢ)².
 * The lesson's counter-example: composed with σ it is not convex in (w, b).
 */
export function mseLoss(model: Model, data: Dataset): number {
  const p = predictProba(model, data);
  const { y, n } = data;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = (p[i] as number) - (y[i] as number);
    sum += r * r;
  }
  return sum / n;
}

/** The two losses `trainGD` and `gradients` know. */
export type LossKind = "log" | "mse";

/** ½·λ·‖w‖², the L2 penalty added to the mean loss (the intercept is not penalised). */
export function l2Penalty(model: Model, l2: number): number {
  let s = 0;
  for (const wj of model.w) s += wj * wj;
  return 0.5 * l2 * s;
}
