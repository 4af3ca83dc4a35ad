/**
 * scikit-learn's `LogisticRegression(C)` minimises C·Σ loss + ½‖w‖², which is N·C times
 * (mean loss + ½·(1/(C·N))·‖w‖²): the trainer worker's objective with l2 = 1/(C·N). Full-batch gradient
 * descent at rate 1 reaches that optimum to every printed digit within 5000 steps on the lesson's data,
 * so the comparison runs in the same worker as the from-scratch fit (core's Newton solver, fitLikeSklearn,
 * is not exposed by the worker and must not run on the main thread).
 */
export function sklearnEquivalent(
  n: number,
  C = 1,
): { C: number; learningRate: number; iterations: number; l2: number } {
  return { C, learningRate: 1, iterations: 5000, l2: 1 / (C * n) };
}
