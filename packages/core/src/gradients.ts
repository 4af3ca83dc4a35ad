import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import type { LossKind } from "./loss";
import type { Model } from "./model";
import { predictProba } from "./predict";

/** Which loss to differentiate, and the optional L2 strength λ ≥ 0 (default 0). */
export interface GradientOptions {
  loss?: LossKind;
  l2?: number;
}

/** Throws unless `l2` is a finite, non-negative penalty strength. */
export function assertL2(l2: number): void {
  if (!(Number.isFinite(l2) && l2 >= 0)) {
    throw new CoreError("BAD_OPTION", `l2 is ${l2}, expected a finite number ≥ 0`);
  }
}

/** Throws unless `loss` is one of the known losses (guards untyped callers, e.g. a worker message). */
export function assertLossKind(loss: string): asserts loss is LossKind {
  if (loss !== "log" && loss !== "mse") {
    throw new CoreError("BAD_OPTION", `loss is "${loss}", expected "log" or "mse"`);
  }
}

/**
 * Gradient of the mean loss plus ½λ‖w‖² with respect to w and b.
 * - log loss: ∂L/∂w = (1/n) Xᵀ(p − y) + λw, ∂L/∂b = (1/n) Σ (pᵢ − yᵢ) (the notebook's dw, db);
 * - mse:      ∂L/∂w = (2/n) Xᵀ[(p − y)·p·(1 − p)] + λw, ∂L/∂b = (2/n) Σ (pᵢ − yᵢ)pᵢ(1 − pᵢ).
 * The log-loss gradient ignores the ε clip, as the notebook does.
 */
export function gradients(
  model: Model,
  data: Dataset,
  options: GradientOptions = {},
): { dw: number[]; db: number } {
  const loss = options.loss ?? "log";
  const l2 = options.l2 ?? 0;
  assertLossKind(loss);
  assertL2(l2);
  const p = predictProba(model, data);
  const { x, y, n, d } = data;
  const dw = new Array<number>(d).fill(0);
  let db = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i] as number;
    let r = pi - (y[i] as number);
    if (loss === "mse") r = 2 * r * pi * (1 - pi);
    for (let j = 0; j < d; j++) dw[j] = (dw[j] as number) + r * (x[i * d + j] as number);
    db += r;
  }
  for (let j = 0; j < d; j++) dw[j] = (1 / n) * (dw[j] as number) + l2 * (model.w[j] as number);
  return { dw, db: (1 / n) * db };
}
