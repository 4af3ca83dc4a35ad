import { catsVsDogs } from "./cats-vs-dogs";
import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { assertModel, type Model } from "./model";
import { predictedLabel } from "./predict";
import { type NumpySeed, RandomState } from "./random";
import type { Scaler } from "./standardize";
import { circles, moons } from "./toy-datasets";

/** The generators a class challenge can be played on. */
export const CHALLENGE_DATASET_KINDS = ["cats-vs-dogs", "blobs", "circles", "moons"] as const;
export type ChallengeDatasetKind = (typeof CHALLENGE_DATASET_KINDS)[number];

/** Everything needed to rebuild a challenge's data bit for bit, in the browser and on the server. */
export interface ChallengeDatasetSpec {
  kind: ChallengeDatasetKind;
  /** numpy-compatible seed, an integer in [0, 2³² − 1]. */
  seed: number;
  trainSize: number;
  publicTestSize: number;
  privateTestSize: number;
  /** cats-vs-dogs: overlap in [0, 1]; blobs: spread σ around (±2, ±2); circles, moons: Gaussian σ. */
  noise: number;
  /** Share of class 1 (dogs) in every part, in [0.05, 0.95]; 0.5 (the default) is balanced. */
  classBalance?: number;
  /** Share of training labels flipped, in [0, 0.4]. Held-out points keep their true labels. */
  labelFlips?: number;
  /** Share of training points moved far from their class, in [0, 0.2]. Held-out points stay put. */
  outliers?: number;
}

/** The knobs' ranges and defaults, shared by validation here, the database schema and the teacher's form. */
export const CHALLENGE_KNOBS = {
  classBalance: { min: 0.05, max: 0.95, default: 0.5 },
  labelFlips: { min: 0, max: 0.4, default: 0 },
  outliers: { min: 0, max: 0.2, default: 0 },
} as const;

/** The three parts of a challenge: students train on `train`, the server scores on the other two. */
export interface ChallengeDatasets {
  train: Dataset;
  publicTest: Dataset;
  privateTest: Dataset;
}

/** Upper bound on all three parts together: 3 × the database's 100 000 per part. */
export const MAX_CHALLENGE_POINTS = 300_000;
/** Upper bound on `noise` (the database accepts up to 10; cats-vs-dogs only up to 1). */
export const MAX_CHALLENGE_NOISE = 10;

// The split and each corruption draw from their own streams, so that turning one knob never changes
// what another one picked (and a spec without knobs gives exactly the data it always gave).
const SPLIT_STREAM = 0x9e3779b9;
const FLIP_STREAM = 0x85ebca6b;
const OUTLIER_STREAM = 0xc2b2ae35;
/** How far an outlier lands from its class's centre, in that class's standard deviations. */
const OUTLIER_DISTANCE = 4;

function assertSize(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_CHALLENGE_POINTS) {
    throw new CoreError(
      "BAD_OPTION",
      `${name} is ${value}, expected an integer from 1 to ${MAX_CHALLENGE_POINTS}`,
    );
  }
}

/** Throws a {@link CoreError} unless `spec` describes data this module can build. */
export function assertChallengeDatasetSpec(spec: ChallengeDatasetSpec): void {
  if (typeof spec !== "object" || spec === null) throw new CoreError("BAD_OPTION", "spec must be an object");
  if (!(CHALLENGE_DATASET_KINDS as readonly string[]).includes(spec.kind)) {
    throw new CoreError(
      "BAD_OPTION",
      `kind is ${String(spec.kind)}, expected one of ${CHALLENGE_DATASET_KINDS.join(", ")}`,
    );
  }
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed > 0xffffffff) {
    throw new CoreError("BAD_OPTION", `seed is ${spec.seed}, expected an integer in [0, 2^32 - 1]`);
  }
  assertSize("trainSize", spec.trainSize);
  assertSize("publicTestSize", spec.publicTestSize);
  assertSize("privateTestSize", spec.privateTestSize);
  const total = spec.trainSize + spec.publicTestSize + spec.privateTestSize;
  if (total > MAX_CHALLENGE_POINTS) {
    throw new CoreError("BAD_OPTION", `${total} points in all, at most ${MAX_CHALLENGE_POINTS} allowed`);
  }
  for (const knob of ["classBalance", "labelFlips", "outliers"] as const) {
    const value = spec[knob];
    const { min, max } = CHALLENGE_KNOBS[knob];
    if (value !== undefined && !(Number.isFinite(value) && value >= min && value <= max)) {
      throw new CoreError("BAD_OPTION", `${knob} is ${value}, expected a number in [${min}, ${max}]`);
    }
  }
  const maxNoise = spec.kind === "cats-vs-dogs" ? 1 : MAX_CHALLENGE_NOISE;
  if (!(Number.isFinite(spec.noise) && spec.noise >= 0 && spec.noise <= maxNoise)) {
    throw new CoreError(
      "BAD_OPTION",
      `noise is ${spec.noise}, expected a number in [0, ${maxNoise}] for ${spec.kind}`,
    );
  }
}

/**
 * ⌊n/2⌋ points of class 0 around (−2, −2), the rest of class 1 around (2, 2): x = centre + σ·z, z from
 * numpy's randn. With σ = 1 and n even it is exactly {@link seedBlobs}(seed, n/2).
 */
function blobs(n: number, noise: number, seed: NumpySeed): Dataset {
  const m = Math.floor(n / 2);
  const x = new RandomState(seed).randn(2 * n);
  const y = new Float64Array(n);
  for (let k = 0; k < 2 * n; k++) x[k] = noise * (x[k] as number) + (k < 2 * m ? -2 : 2);
  y.fill(1, m);
  return { x, y, n, d: 2, featureNames: ["x1", "x2"] };
}

function generateBalanced(spec: ChallengeDatasetSpec, n: number, seed: NumpySeed): Dataset {
  const { noise } = spec;
  switch (spec.kind) {
    case "cats-vs-dogs":
      return catsVsDogs({ n, noise, seed });
    case "blobs":
      return blobs(n, noise, seed);
    case "circles":
      return circles({ n, noise, seed });
    case "moons":
      return moons({ n, noise, seed });
  }
}

/**
 * n points with round(n · classBalance) of class 1. Unbalanced data is cut from a larger balanced draw
 * (the first n₀ of class 0 and n₁ of class 1 in generator order), so each class keeps its distribution.
 */
function generate(spec: ChallengeDatasetSpec, n: number, seed: NumpySeed): Dataset {
  const balance = spec.classBalance ?? CHALLENGE_KNOBS.classBalance.default;
  if (balance === CHALLENGE_KNOBS.classBalance.default) return generateBalanced(spec, n, seed);
  const ones = Math.min(n - 1, Math.max(1, Math.round(n * balance)));
  const zeros = n - ones;
  const pool = generateBalanced(spec, 2 * Math.max(zeros, ones), seed);
  const picked: number[] = [];
  const wanted = [zeros, ones];
  for (let i = 0; i < pool.n; i++) {
    const label = pool.y[i] as 0 | 1;
    if ((wanted[label] as number) > 0) {
      wanted[label] = (wanted[label] as number) - 1;
      picked.push(i);
    }
  }
  return take(pool, Int32Array.from(picked), 0, picked.length);
}

/** The indices of round(share · n) distinct points, chosen by a seeded permutation. */
function chosen(n: number, share: number, rs: RandomState): Int32Array {
  const count = Math.round(share * n);
  return count === 0 ? new Int32Array(0) : rs.permutation(n).subarray(0, count);
}

/** Flips round(share · n) labels in place: noisy labels, as a hurried annotator would leave them. */
function flipLabels(data: Dataset, share: number, seed: number): void {
  for (const i of chosen(data.n, share, new RandomState((seed ^ FLIP_STREAM) >>> 0))) {
    data.y[i] = 1 - (data.y[i] as number);
  }
}

/**
 * Moves round(share · n) points to OUTLIER_DISTANCE standard deviations from their class's centre, in a
 * random direction: a 40 kg "cat", a measuring slip. Labels are kept, so a model that chases them pays on
 * the clean held-out points.
 */
function addOutliers(data: Dataset, share: number, seed: number): void {
  const rs = new RandomState((seed ^ OUTLIER_STREAM) >>> 0);
  const picked = chosen(data.n, share, rs);
  if (picked.length === 0) return;
  const stats = [0, 1].map((label) => {
    let count = 0;
    const sum = [0, 0];
    const squares = [0, 0];
    for (let i = 0; i < data.n; i++) {
      if (data.y[i] !== label) continue;
      count += 1;
      for (let j = 0; j < 2; j++) {
        const value = data.x[2 * i + j] as number;
        sum[j] = (sum[j] as number) + value;
        squares[j] = (squares[j] as number) + value * value;
      }
    }
    const mean = sum.map((total) => (count ? total / count : 0));
    const sd = squares.map((total, j) =>
      count ? Math.sqrt(Math.max(0, total / count - (mean[j] as number) ** 2)) || 1 : 1,
    );
    return { mean, sd };
  });
  for (const i of picked) {
    const { mean, sd } = stats[data.y[i] as number] as { mean: number[]; sd: number[] };
    const angle = rs.uniform(0, 2 * Math.PI);
    data.x[2 * i] = (mean[0] as number) + OUTLIER_DISTANCE * (sd[0] as number) * Math.cos(angle);
    data.x[2 * i + 1] = (mean[1] as number) + OUTLIER_DISTANCE * (sd[1] as number) * Math.sin(angle);
  }
}

/**
 * A seeded, near-stratified ordering: each class is shuffled (numpy's legacy permutation) and the classes
 * are merged by relative position (k + ½)/n_c, so every contiguous run of the result has the overall
 * class balance to within one point per class.
 */
function stratifiedOrder(data: Dataset, rs: RandomState): Int32Array {
  const byClass: number[][] = [[], []];
  for (let i = 0; i < data.n; i++) byClass[data.y[i] as number]?.push(i);
  const keyed: { key: number; label: number; index: number }[] = [];
  for (const [label, members] of byClass.entries()) {
    const order = rs.permutation(members.length);
    for (let k = 0; k < members.length; k++) {
      keyed.push({ key: (k + 0.5) / members.length, label, index: members[order[k] as number] as number });
    }
  }
  keyed.sort((a, b) => a.key - b.key || a.label - b.label);
  return Int32Array.from(keyed, (entry) => entry.index);
}

function take(data: Dataset, order: Int32Array, from: number, to: number): Dataset {
  const n = to - from;
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const source = order[from + k] as number;
    x[2 * k] = data.x[2 * source] as number;
    x[2 * k + 1] = data.x[2 * source + 1] as number;
    y[k] = data.y[source] as number;
  }
  return { x, y, n, d: 2, featureNames: data.featureNames };
}

/** Corruption touches training points only: the held-out points stay the truth the board scores on. */
function corrupt(train: Dataset, spec: ChallengeDatasetSpec): void {
  if (spec.outliers) addOutliers(train, spec.outliers, spec.seed);
  if (spec.labelFlips) flipLabels(train, spec.labelFlips, spec.seed);
}

/**
 * A challenge's held-out secret: 256 random bits as 64 lower-case hex digits, drawn by the server when the
 * challenge is created and never sent to anyone. It seeds the held-out points, so they can't be rebuilt
 * from anything a student sees (the training points, the knobs) or can guess (the teacher's seed).
 */
export const HELD_OUT_SECRET_PATTERN = /^[0-9a-f]{64}$/;

/** The secret as numpy's seeding key: eight 32-bit words, most significant first. */
function heldOutKey(secret: string): number[] {
  if (typeof secret !== "string" || !HELD_OUT_SECRET_PATTERN.test(secret)) {
    throw new CoreError("BAD_OPTION", "the held-out secret must be 64 lower-case hex digits (256 bits)");
  }
  return Array.from({ length: 8 }, (_, k) => Number.parseInt(secret.slice(8 * k, 8 * k + 8), 16));
}

/**
 * The training points students get: trainSize points from the kind's generator seeded with the teacher's
 * `seed`, in a seeded stratified order, with the knobs' flipped labels and outliers. They depend on the
 * public spec alone (the teacher's preview in the browser builds exactly these) and never on the
 * held-out secret.
 * @throws CoreError BAD_OPTION for an unknown kind or out-of-range number.
 */
export function challengeTrainingData(spec: ChallengeDatasetSpec): Dataset {
  assertChallengeDatasetSpec(spec);
  const drawn = generate(spec, spec.trainSize, spec.seed);
  const train = take(
    drawn,
    stratifiedOrder(drawn, new RandomState((spec.seed ^ SPLIT_STREAM) >>> 0)),
    0,
    drawn.n,
  );
  corrupt(train, spec);
  return train;
}

/**
 * The challenge's data. `train` is {@link challengeTrainingData}. The held-out points are a second draw
 * from the same generator with the same knobs (so the same distribution, minus the training corruption),
 * publicTestSize + privateTestSize points seeded with the held-out secret's 256 bits (numpy's
 * `RandomState(key)`), stratified and cut into public | private. Pure and deterministic: the same spec
 * and secret give bit-identical arrays everywhere.
 *
 * `heldOutSecret === null` is the layout of challenges created before held-out secrets existed, kept so
 * that they score exactly as they always did: all trainSize + publicTestSize + privateTestSize points
 * from one draw seeded with `seed`, stratified and cut into train | public | private. Anyone who guesses
 * that seed can rebuild those held-out points; never create a challenge without a secret.
 * @throws CoreError BAD_OPTION for an unknown kind, an out-of-range number or a malformed secret.
 */
export function challengeDatasets(
  spec: ChallengeDatasetSpec,
  heldOutSecret: string | null,
): ChallengeDatasets {
  if (heldOutSecret === null) return legacyDatasets(spec);
  const key = heldOutKey(heldOutSecret);
  const train = challengeTrainingData(spec);
  const { publicTestSize, privateTestSize } = spec;
  const heldOut = generate(spec, publicTestSize + privateTestSize, key);
  const order = stratifiedOrder(heldOut, new RandomState([...key, SPLIT_STREAM]));
  return {
    train,
    publicTest: take(heldOut, order, 0, publicTestSize),
    privateTest: take(heldOut, order, publicTestSize, heldOut.n),
  };
}

/** The layout of challenges stored without a held-out secret: one draw from `seed`, cut in three. */
function legacyDatasets(spec: ChallengeDatasetSpec): ChallengeDatasets {
  assertChallengeDatasetSpec(spec);
  const { trainSize, publicTestSize, privateTestSize } = spec;
  const total = trainSize + publicTestSize + privateTestSize;
  const all = generate(spec, total, spec.seed);
  const order = stratifiedOrder(all, new RandomState((spec.seed ^ SPLIT_STREAM) >>> 0));
  const train = take(all, order, 0, trainSize);
  corrupt(train, spec);
  return {
    train,
    publicTest: take(all, order, trainSize, trainSize + publicTestSize),
    privateTest: take(all, order, trainSize + publicTestSize, total),
  };
}

/** The standardisation a client trained with (a {@link Scaler}), or null for raw features. */
export type Standardisation = Scaler | null;

/** What {@link evaluateSubmission} measures in one pass. */
export interface SubmissionEvaluation {
  /** Mean log loss, as {@link logLoss}. */
  logLoss: number;
  /** Share of points on the right side of the boundary (p > 0.5 ⇔ dog, the lesson's rule). */
  accuracy: number;
  /** Points given p ≥ `confidence` for the wrong class. */
  confidentlyWrong: number;
}

/** p̂ clip of the lesson's log loss (same value as LOG_LOSS_EPS; repeated to keep this file's loop local). */
const EPS = 1e-15;

/**
 * The model in raw units: a model trained on (x − μ)/σ is the same classifier as
 * wⱼ/σⱼ · xⱼ + (b − Σ wⱼμⱼ/σⱼ). Validates the standardisation (one finite μ and a finite σ > 0 per weight).
 */
function rawModel(
  model: Model,
  standardisation: Standardisation,
  d: number,
): { w0: number; w1: number; b: number } {
  assertModel(model, d);
  if (d !== 2) throw new CoreError("DIMENSION_MISMATCH", `challenge data has 2 features, got ${d}`);
  let w0 = model.w[0] as number;
  let w1 = model.w[1] as number;
  let b = model.b;
  if (standardisation) {
    const { mean, std } = standardisation;
    if (mean.length !== d || std.length !== d) {
      throw new CoreError(
        "DIMENSION_MISMATCH",
        `standardisation has ${mean.length}/${std.length} values for ${d} features`,
      );
    }
    for (let j = 0; j < d; j++) {
      const mu = mean[j] as number;
      const sigma = std[j] as number;
      if (!Number.isFinite(mu) || !(Number.isFinite(sigma) && sigma > 0)) {
        throw new CoreError("NON_FINITE", `standardisation of feature ${j} is μ=${mu}, σ=${sigma}`);
      }
    }
    // Same operations, in the same order, as unscaleModel.
    w0 /= std[0] as number;
    b -= w0 * (mean[0] as number);
    w1 /= std[1] as number;
    b -= w1 * (mean[1] as number);
  }
  if (!Number.isFinite(w0) || !Number.isFinite(w1) || !Number.isFinite(b)) {
    throw new CoreError("NON_FINITE", "the model overflows once the standardisation is undone");
  }
  return { w0, w1, b };
}

/**
 * Scores a submission on held-out raw data in one fused pass with no allocation: the log loss
 * −(1/n) Σ log p̂(yᵢ) with p̂ = clip(σ(w·xᵢ + b), ε, 1 − ε) (bit for bit {@link logLoss} for a raw model),
 * the accuracy and the number of points with p ≥ `confidence` on the wrong class.
 */
export function evaluateSubmission(
  model: Model,
  standardisation: Standardisation,
  data: Dataset,
  confidence = 0.99,
): SubmissionEvaluation {
  if (data.n < 1) throw new CoreError("EMPTY_DATA", "the dataset has no points");
  const { w0, w1, b } = rawModel(model, standardisation, data.d);
  const { x, y, n } = data;
  let sum = 0;
  let correct = 0;
  let confidentlyWrong = 0;
  const wrongBelow = 1 - confidence;
  for (let i = 0; i < n; i++) {
    const z = (x[2 * i] as number) * w0 + (x[2 * i + 1] as number) * w1 + b;
    let p: number;
    if (z >= 0) p = 1 / (1 + Math.exp(-z));
    else {
      const e = Math.exp(z);
      p = e / (1 + e);
    }
    const yi = y[i] as number;
    const pc = Math.min(Math.max(p, EPS), 1 - EPS);
    sum -= Math.log(yi * pc + (1 - yi) * (1 - pc));
    if (predictedLabel(p) === yi) correct += 1;
    if ((yi === 1 ? p : 1 - p) <= wrongBelow) confidentlyWrong += 1;
  }
  return { logLoss: sum / n, accuracy: correct / n, confidentlyWrong };
}

/**
 * Log loss of a model trained on standardised features ((x − mean)/std), or on raw features when
 * `standardisation` is null, evaluated on raw held-out `data`. Equals
 * logLoss(model, applyScaler(standardisation, data)) up to rounding, without building the scaled copy.
 */
export function scoreSubmission(
  model: Model,
  standardisation: { mean: readonly number[]; std: readonly number[] } | null,
  data: Dataset,
): number {
  return evaluateSubmission(model, standardisation, data).logLoss;
}
