import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import type { Model } from "./model";
import { assertCompatible } from "./predict";
import { sigmoid } from "./sigmoid";

/** Options for {@link fitLikeSklearn}. */
export interface SklearnFitOptions {
  /** Inverse regularisation strength, scikit-learn's `C` (default 1). */
  C?: number;
  /**
   * Stop when max |∇F| ≤ tol·max(1, C) (default 1e-10); scaled by C because the loss term, and
   * with it the rounding floor of the gradient, grows with C.
   */
  tol?: number;
  /** Newton steps allowed (default 100; convergence typically takes under 15). */
  maxIterations?: number;
}

/** The optimum, and how well it was reached. */
export interface SklearnFit {
  model: Model;
  iterations: number;
  /** max |∂F/∂θ| at the returned model. */
  gradientNorm: number;
  converged: boolean;
}

// softplus(z) − y·z = log(1 + e^z) − y·z, the per-point log loss, without overflow for any z.
function pointLoss(z: number, y: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
}

function objective(data: Dataset, w: Float64Array, b: number, C: number): number {
  const { x, y, n, d } = data;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let z = b;
    for (let j = 0; j < d; j++) z += (x[i * d + j] as number) * (w[j] as number);
    sum += pointLoss(z, y[i] as number);
  }
  let norm = 0;
  for (let j = 0; j < d; j++) norm += (w[j] as number) ** 2;
  return 0.5 * norm + C * sum;
}

/** Solves the symmetric positive-definite system A·v = r in place (Cholesky); false if A is not SPD. */
function choleskySolve(A: Float64Array, r: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    let diag = A[j * m + j] as number;
    for (let k = 0; k < j; k++) diag -= (A[j * m + k] as number) ** 2;
    if (!(diag > 0)) return false;
    const ljj = Math.sqrt(diag);
    A[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = A[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (A[i * m + k] as number) * (A[j * m + k] as number);
      A[i * m + j] = s / ljj;
    }
  }
  for (let i = 0; i < m; i++) {
    let s = r[i] as number;
    for (let k = 0; k < i; k++) s -= (A[i * m + k] as number) * (r[k] as number);
    r[i] = s / (A[i * m + i] as number);
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = r[i] as number;
    for (let k = i + 1; k < m; k++) s -= (A[k * m + i] as number) * (r[k] as number);
    r[i] = s / (A[i * m + i] as number);
  }
  return true;
}

/**
 * The model scikit-learn's default `LogisticRegression(C)` converges to: the minimiser of
 *   F(w, b) = ½‖w‖² + C Σᵢ [log(1 + e^{zᵢ}) − yᵢ zᵢ],  zᵢ = w·xᵢ + b  (intercept not penalised),
 * found by Newton's method (IRLS) with a backtracking line search, to max |∇F| ≤ tol·max(1, C).
 * F is strictly convex in w; the intercept is pinned down as long as both classes are present.
 */
export function fitLikeSklearn(data: Dataset, options: SklearnFitOptions = {}): SklearnFit {
  const C = options.C ?? 1;
  const tol = options.tol ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  if (!(Number.isFinite(C) && C > 0))
    throw new CoreError("BAD_OPTION", `C is ${C}, expected a finite number > 0`);
  if (!(tol >= 0)) throw new CoreError("BAD_OPTION", `tol is ${tol}, expected a number ≥ 0`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0 || maxIterations > 10_000) {
    throw new CoreError(
      "BAD_ITERATIONS",
      `maxIterations is ${maxIterations}, expected an integer from 0 to 10000`,
    );
  }
  const { x, y, n, d } = data;
  assertCompatible({ w: new Array<number>(d).fill(0), b: 0 }, data);
  const m = d + 1;
  const w = new Float64Array(d);
  let b = 0;
  const grad = new Float64Array(m);
  const hess = new Float64Array(m * m);
  const trial = new Float64Array(d);
  const threshold = tol * Math.max(1, C);
  let f = objective(data, w, b, C);
  let gradientNorm = Number.POSITIVE_INFINITY;
  let iterations = 0;

  for (;;) {
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      let z = b;
      for (let j = 0; j < d; j++) z += (x[off + j] as number) * (w[j] as number);
      const p = sigmoid(z);
      const r = C * (p - (y[i] as number));
      const s = C * p * (1 - p);
      for (let j = 0; j < m; j++) {
        const xj = j < d ? (x[off + j] as number) : 1;
        grad[j] = (grad[j] as number) + r * xj;
        for (let k = 0; k <= j; k++) {
          const xk = k < d ? (x[off + k] as number) : 1;
          hess[j * m + k] = (hess[j * m + k] as number) + s * xj * xk;
        }
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j] = (grad[j] as number) + (w[j] as number);
      hess[j * m + j] = (hess[j * m + j] as number) + 1;
    }
    gradientNorm = 0;
    for (let j = 0; j < m; j++) gradientNorm = Math.max(gradientNorm, Math.abs(grad[j] as number));
    if (gradientNorm <= threshold || iterations >= maxIterations) break;

    for (let j = 0; j < m; j++) for (let k = j + 1; k < m; k++) hess[j * m + k] = hess[k * m + j] as number;
    const step = Float64Array.from(grad, (g) => -g);
    if (!choleskySolve(hess, step, m)) {
      // Saturated points leave the intercept's curvature at 0: fall back to steepest descent.
      for (let j = 0; j < m; j++) step[j] = -(grad[j] as number);
    }
    let slope = 0;
    for (let j = 0; j < m; j++) slope += (grad[j] as number) * (step[j] as number);
    let t = 1;
    let accepted = false;
    for (let attempt = 0; attempt < 60; attempt++) {
      for (let j = 0; j < d; j++) trial[j] = (w[j] as number) + t * (step[j] as number);
      const trialB = b + t * (step[d] as number);
      const trialF = objective(data, trial, trialB, C);
      // Armijo's sufficient decrease; "≤ f" once the decrease is below rounding (near the optimum).
      if (
        trialF <= f + 1e-4 * t * slope ||
        (trialF <= f && Math.abs(t * slope) < 1e-12 * (1 + Math.abs(f)))
      ) {
        w.set(trial);
        b = trialB;
        f = trialF;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    iterations++;
    if (!accepted) break;
  }
  return {
    model: { w: Array.from(w), b },
    iterations,
    gradientNorm,
    converged: gradientNorm <= threshold,
  };
}
