/**
 * The logistic function σ(z) = 1 / (1 + e^(−z)).
 *
 * Two branches so e^(·) only ever sees a non-positive argument: the naive form overflows to
 * 1/(1+∞) for z ≲ −710 and the mirrored form e^z/(1+e^z) gives ∞/∞ = NaN for large z.
 * For z ≥ 0 this is the notebook's expression operation for operation; never NaN for non-NaN z.
 */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ′(z) = σ(z)·(1 − σ(z)). */
export function sigmoidDerivative(z: number): number {
  const p = sigmoid(z);
  return p * (1 - p);
}
