import { assertCount } from "./blobs";
import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { type NumpySeed, RandomState } from "./random";

/** Options for {@link catsVsDogs}. */
export interface CatsVsDogsOptions {
  /** Number of animals (default 100): ⌊n/2⌋ cats, the rest dogs. */
  n?: number;
  /** 0 = two tight, clearly separate groups; 1 = heavily overlapping (default 0.3). */
  noise?: number;
  /** numpy-compatible seed: an integer or a key of 32-bit words (default 0). */
  seed?: NumpySeed;
}

/** Feature names of {@link catsVsDogs}, in column order. */
export const CATS_VS_DOGS_FEATURES = ["body mass (kg)", "ear length (cm)"] as const;

// Typical adult house cats: ~4.5 kg, ears ~6 cm; the small-to-medium dogs a class would picture:
// ~12 kg, ears ~10 cm. Spreads are for noise = 1; noise scales them from 20 % to 100 %.
const CAT = { mass: 4.5, massSd: 1.6, ear: 6.0, earSd: 1.4 };
const DOG = { mass: 12.0, massSd: 5.0, ear: 10.0, earSd: 2.0 };
// Outside these an animal is implausible; draws are clamped, not redrawn, to keep the stream simple.
const MASS_RANGE = [1.5, 40] as const;
const EAR_RANGE = [3, 18] as const;

function clamp(value: number, [low, high]: readonly [number, number]): number {
  return Math.min(Math.max(value, low), high);
}

/**
 * The lesson's story as data: body mass (kg) and ear length (cm) of cats (y = 0) and dogs (y = 1),
 * each feature normal around its species' mean with spread s = (0.2 + 0.8·noise)·σ_species:
 *   cat ~ (N(4.5, (1.6s)²), N(6, (1.4s)²)), dog ~ (N(12, (5s)²), N(10, (2s)²)),
 * clamped to 1.5–40 kg and 3–18 cm.
 * Cats first, then dogs; deterministic for a given seed.
 */
export function catsVsDogs(options: CatsVsDogsOptions = {}): Dataset {
  const n = options.n ?? 100;
  const noise = options.noise ?? 0.3;
  const seed = options.seed ?? 0;
  assertCount("n", n);
  if (n < 2) throw new CoreError("BAD_OPTION", "n must be at least 2 (one cat and one dog)");
  if (!(noise >= 0 && noise <= 1))
    throw new CoreError("BAD_OPTION", `noise is ${noise}, expected a number in [0, 1]`);
  const rs = new RandomState(seed);
  const spread = 0.2 + 0.8 * noise;
  const cats = Math.floor(n / 2);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = i < cats ? CAT : DOG;
    x[2 * i] = clamp(rs.normal(s.mass, s.massSd * spread), MASS_RANGE);
    x[2 * i + 1] = clamp(rs.normal(s.ear, s.earSd * spread), EAR_RANGE);
    y[i] = i < cats ? 0 : 1;
  }
  return { x, y, n, d: 2, featureNames: [...CATS_VS_DOGS_FEATURES] };
}
