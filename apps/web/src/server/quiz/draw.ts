import type { RandomState } from "@margin/core";

/** Small helpers for generated questions: readable numbers drawn from a numpy-compatible stream. */

/** A uniform draw from lo, lo + step, …, hi, rounded to the step's decimals (so 0.1 + 0.2 prints 0.3). */
export function onGrid(random: RandomState, lo: number, hi: number, step: number): number {
  const steps = Math.round((hi - lo) / step);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Number((lo + step * random.interval(steps)).toFixed(decimals));
}

/** A magnitude from the grid [lo, hi] with a random sign: never closer to 0 than `lo`. */
export function awayFromZero(random: RandomState, lo: number, hi: number, step: number): number {
  const magnitude = onGrid(random, lo, hi, step);
  return random.interval(1) === 1 ? magnitude : -magnitude;
}

export function pick<T>(random: RandomState, items: readonly T[]): T {
  return items[random.interval(items.length - 1)] as T;
}

/**
 * Redraws until `accept` holds, so no version of a question has an answer a blind guess would hit
 * (0, 0.5, ln 2, ±1). The stream is seeded, so the same seed always lands on the same accepted draw.
 */
export function drawUntil<T>(draw: () => T, accept: (value: T) => boolean): T {
  for (let tries = 0; tries < 1000; tries += 1) {
    const value = draw();
    if (accept(value)) return value;
  }
  throw new Error("drawUntil: no acceptable draw in 1000 tries (the acceptance test is too strict)");
}

/** Values a student guessing blindly would try first. */
export const BLIND_GUESSES = [0, 0.5, -0.5, 1, -1, Math.LN2] as const;

/** `value` is more than `margin` away from every blind guess. */
export function farFromGuesses(value: number, margin: number): boolean {
  return BLIND_GUESSES.every((guess) => Math.abs(value - guess) > margin);
}

/** A number for TeX or code: at most `decimals` decimals, no trailing zeros. */
export function num(value: number, decimals = 4): string {
  return String(Number(value.toFixed(decimals)));
}
