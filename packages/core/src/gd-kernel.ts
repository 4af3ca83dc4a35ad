import { expNonPositive } from "./fast-exp";
import type { LossKind } from "./loss";
import { LOG_LOSS_EPS } from "./loss";

// Internal: the fused pass behind trainGD. One sweep over the data yields both the loss at (w, b)
// and the gradient at (w, b); since the notebook records the loss *after* each update, that same
// sweep also provides the gradient for the next update, so each iteration reads the data once.
// σ(z) = 1/(1 + e^(−|z|)) for z ≥ 0 and e^(−|z|)/(1 + e^(−|z|)) below: one exp, never overflowing.

const HI = 1 - LOG_LOSS_EPS;
// Σ log qᵢ is taken as log Π qᵢ over blocks: one log per block instead of per point. qᵢ ≥ ε = 1e-15,
// so a block of 16 stays above 1e-240, far from underflow.
const BLOCK = 16;

/**
 * Writes ∂/∂(w, b) of the *mean* loss (without penalty) into g[0..d-1] and g[d];
 * returns the *summed* loss at (w, b).
 */
export function fusedPass(
  x: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  b: number,
  g: Float64Array,
  loss: LossKind,
): number {
  if (loss === "log") return d === 2 ? logPass2(x, y, n, w, b, g) : logPassD(x, y, n, d, w, b, g);
  return msePassD(x, y, n, d, w, b, g);
}

function logPass2(x: Float64Array, y: Float64Array, n: number, w: Float64Array, b: number, g: Float64Array) {
  const w0 = w[0] as number;
  const w1 = w[1] as number;
  let g0 = 0;
  let g1 = 0;
  let gb = 0;
  let logSum = 0;
  let i = 0;
  while (i < n) {
    const end = Math.min(i + BLOCK, n);
    let prod = 1;
    for (; i < end; i++) {
      const x0 = x[2 * i] as number;
      const x1 = x[2 * i + 1] as number;
      const z = x0 * w0 + x1 * w1 + b;
      const e = expNonPositive(-Math.abs(z));
      const t = 1 / (1 + e);
      const p = z >= 0 ? t : e * t;
      const yi = y[i] as number;
      const r = p - yi;
      g0 += r * x0;
      g1 += r * x1;
      gb += r;
      const pc = Math.min(Math.max(p, LOG_LOSS_EPS), HI);
      prod *= yi * pc + (1 - yi) * (1 - pc);
    }
    logSum += Math.log(prod);
  }
  const inv = 1 / n;
  g[0] = inv * g0;
  g[1] = inv * g1;
  g[2] = inv * gb;
  return -logSum;
}

function logPassD(
  x: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  b: number,
  g: Float64Array,
): number {
  g.fill(0);
  let gb = 0;
  let logSum = 0;
  let i = 0;
  while (i < n) {
    const end = Math.min(i + BLOCK, n);
    let prod = 1;
    for (; i < end; i++) {
      const off = i * d;
      let z = 0;
      for (let j = 0; j < d; j++) z += (x[off + j] as number) * (w[j] as number);
      z += b;
      const e = expNonPositive(-Math.abs(z));
      const t = 1 / (1 + e);
      const p = z >= 0 ? t : e * t;
      const yi = y[i] as number;
      const r = p - yi;
      for (let j = 0; j < d; j++) g[j] = (g[j] as number) + r * (x[off + j] as number);
      gb += r;
      const pc = Math.min(Math.max(p, LOG_LOSS_EPS), HI);
      prod *= yi * pc + (1 - yi) * (1 - pc);
    }
    logSum += Math.log(prod);
  }
  const inv = 1 / n;
  for (let j = 0; j < d; j++) g[j] = inv * (g[j] as number);
  g[d] = inv * gb;
  return -logSum;
}

function msePassD(
  x: Float64Array,
  y: Float64Array,
  n: number,
  d: number,
  w: Float64Array,
  b: number,
  g: Float64Array,
): number {
  g.fill(0);
  let gb = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const off = i * d;
    let z = 0;
    for (let j = 0; j < d; j++) z += (x[off + j] as number) * (w[j] as number);
    z += b;
    const e = expNonPositive(-Math.abs(z));
    const t = 1 / (1 + e);
    const p = z >= 0 ? t : e * t;
    const res = p - (y[i] as number);
    sum += res * res;
    const r = 2 * res * p * (1 - p);
    for (let j = 0; j < d; j++) g[j] = (g[j] as number) + r * (x[off + j] as number);
    gb += r;
  }
  const inv = 1 / n;
  for (let j = 0; j < d; j++) g[j] = inv * (g[j] as number);
  g[d] = inv * gb;
  return sum;
}
