import { accuracy, fitLikeSklearn, type Model, seedBlobs, trainGD } from "@margin/core";

/**
 * What the lesson's print statements print, recomputed by @margin/core on the same data, formatted the
 * way Python and numpy print it. The lesson shows these cells' code but not their output.
 */

/**
 * numpy's default `str()` of a 1-D float array: at most 8 decimals with trailing zeros dropped
 * ("maxprec"), integer parts right-aligned and decimals left-aligned across elements, e.g.
 * [2.22331698 1.82337279], [1.5  2.25], [  0.1  -12.25   3.  ].
 */
export function numpyArray(values: readonly number[]): string {
  const parts = values.map((value) => {
    const [whole = "", fraction = ""] = value.toFixed(8).replace(/0+$/, "").split(".");
    return { whole, fraction };
  });
  const wholeWidth = Math.max(...parts.map((p) => p.whole.length));
  const fractionWidth = Math.max(...parts.map((p) => p.fraction.length));
  const cells = parts.map((p) => `${p.whole.padStart(wholeWidth)}.${p.fraction.padEnd(fractionWidth)}`);
  return `[${cells.join(" ")}]`;
}

/** Python's `repr` of a float: the shortest round-trip digits, with ".0" on whole numbers. */
export function pythonFloat(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

let run: { model: Model; lossHistory: Float64Array } | undefined;

/** The notebook's run: w = 0, b = 0, learning rate 0.1, 1000 steps on np.random.seed(0)'s 100 points (once). */
export function notebookRun(): { model: Model; lossHistory: Float64Array } {
  if (!run) {
    const { model, lossHistory } = trainGD(seedBlobs(), { learningRate: 0.1, iterations: 1000 });
    run = { model, lossHistory };
  }
  return run;
}

/** The run for the listings' charts: the model and every `stride`-th loss (and the last), as plain JSON. */
export function notebookFit(stride = 5): {
  model: Model;
  losses: { iteration: number; loss: number }[];
  iterations: number;
} {
  const { model, lossHistory } = notebookRun();
  const losses = Array.from(lossHistory, (loss, index) => ({ iteration: index + 1, loss })).filter(
    (point) =>
      point.iteration % stride === 0 || point.iteration === 1 || point.iteration === lossHistory.length,
  );
  return { model, losses, iterations: lossHistory.length };
}

/** The four lines the from-scratch listing prints. */
export function fromScratchOutput(): string {
  const data = seedBlobs();
  const { model, lossHistory } = notebookRun();
  return [
    `Final w: ${numpyArray(model.w)}`,
    `Final b: ${model.b.toFixed(3)}`,
    `Final loss: ${(lossHistory[lossHistory.length - 1] ?? Number.NaN).toFixed(4)}`,
    `Accuracy: ${accuracy(model, data).toFixed(3)}`,
  ].join("\n");
}

/**
 * The three lines the scikit-learn listing prints, at the exact optimum of `LogisticRegression()`'s
 * objective (C = 1, L2). scikit-learn's own solver stops a little short of it (at its default tolerance,
 * or even at tol=1e-12), so the last digits it prints can differ.
 */
export function sklearnOutput(): string {
  const data = seedBlobs();
  const { model } = fitLikeSklearn(data, { C: 1 });
  return [
    `sklearn weights: [${numpyArray(model.w)}]`,
    `sklearn bias: ${numpyArray([model.b])}`,
    `sklearn accuracy: ${pythonFloat(accuracy(model, data))}`,
  ].join("\n");
}
