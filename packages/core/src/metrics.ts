import type { Dataset } from "./dataset";
import type { Model } from "./model";
import { predict } from "./predict";

/** Share of points whose predicted label (pᵢ > threshold) equals yᵢ: (1/n) Σ [ŷᵢ = yᵢ]. */
export function accuracy(model: Model, data: Dataset, threshold = 0.5): number {
  const labels = predict(model, data, threshold);
  let correct = 0;
  for (let i = 0; i < data.n; i++) if (labels[i] === data.y[i]) correct++;
  return correct / data.n;
}

/** Counts of true/false negatives and positives, class 1 (dog) being "positive". */
export interface ConfusionMatrix {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/** The 2 × 2 confusion matrix of ŷᵢ = [pᵢ > threshold] against yᵢ. */
export function confusionMatrix(model: Model, data: Dataset, threshold = 0.5): ConfusionMatrix {
  const labels = predict(model, data, threshold);
  const m: ConfusionMatrix = { tn: 0, fp: 0, fn: 0, tp: 0 };
  for (let i = 0; i < data.n; i++) {
    const predicted = labels[i] === 1;
    const actual = data.y[i] === 1;
    if (predicted && actual) m.tp++;
    else if (predicted) m.fp++;
    else if (actual) m.fn++;
    else m.tn++;
  }
  return m;
}
