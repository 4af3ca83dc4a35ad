import { CoreError } from "./errors";

/**
 * A linear classifier z = w·x + b, p = σ(z).
 * Plain JSON on purpose: it must survive `postMessage`, sockets and the database unchanged.
 */
export interface Model {
  readonly w: readonly number[];
  readonly b: number;
}

/** The notebook's starting point: w = 0 (length d), b = 0. */
export function zeroModel(d: number): Model {
  return { w: new Array<number>(d).fill(0), b: 0 };
}

/** Throws a {@link CoreError} unless `model` has `d` finite weights and a finite intercept. */
export function assertModel(model: Model, d: number): void {
  if (model.w.length !== d) {
    throw new CoreError(
      "DIMENSION_MISMATCH",
      `model has ${model.w.length} weights but the data has ${d} features`,
    );
  }
  for (let j = 0; j < d; j++) {
    if (!Number.isFinite(model.w[j])) {
      throw new CoreError("NON_FINITE", `model weight w[${j}] is ${model.w[j]}, expected a finite number`);
    }
  }
  if (!Number.isFinite(model.b)) {
    throw new CoreError("NON_FINITE", `model intercept b is ${model.b}, expected a finite number`);
  }
}
