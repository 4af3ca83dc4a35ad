import type { ChallengeDatasetSpec } from "./challenge-data";

/**
 * The steps of each training control on a student's challenge screen (sliders over these lists), and the
 * settings a student starts with. Shared so that the race simulation trains like the class does.
 */
export const TRAINING_CONTROL_STEPS = {
  learningRate: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3],
  iterations: [10, 50, 100, 250, 500, 1000, 2000, 5000],
  l2: [0, 0.001, 0.01, 0.1, 1],
} as const;

export const DEFAULT_TRAINING_SETTINGS = {
  learningRate: 0.1,
  iterations: 500,
  l2: 0,
  standardise: true,
} as const;

/** The training controls a preset lets students change (names as the database stores them). */
export type TrainingControl = "learningRate" | "iterations" | "l2" | "standardise";

/** A challenge's data without its seed: what a preset fills in on the teacher's form. */
export type ChallengeDataSettings = Required<Omit<ChallengeDatasetSpec, "seed">>;

export interface ChallengePreset {
  id: "warm-up" | "overlapping" | "noisy-labels" | "overfit-trap";
  name: string;
  /** One sentence for the teacher: what the class will find hard. */
  description: string;
  data: ChallengeDataSettings;
  controls: readonly TrainingControl[];
}

/**
 * The races a teacher can start from. Chosen with the class simulation in scripts/race-presets.ts (its
 * figures are in the README): the losses of a class spread out instead of tying near 0, the private
 * board reorders the public one, and in the trap, regularisation and early stopping beat training to
 * convergence on the private points.
 */
export const CHALLENGE_PRESETS: readonly ChallengePreset[] = [
  {
    id: "warm-up",
    name: "Warm-up",
    description:
      "Cats and dogs that barely overlap, features standardised on request: everyone gets the hang of it.",
    data: {
      kind: "cats-vs-dogs",
      noise: 0.6,
      classBalance: 0.5,
      labelFlips: 0,
      outliers: 0,
      trainSize: 200,
      publicTestSize: 200,
      privateTestSize: 200,
    },
    controls: ["learningRate", "iterations", "standardise"],
  },
  {
    id: "overlapping",
    name: "Overlapping",
    description:
      "Big cats and small dogs overlap, dogs are the minority and features stay in kg and cm: finding a learning rate that works is the race.",
    data: {
      kind: "cats-vs-dogs",
      noise: 1,
      classBalance: 0.35,
      labelFlips: 0,
      outliers: 0,
      trainSize: 200,
      publicTestSize: 200,
      privateTestSize: 200,
    },
    controls: ["learningRate", "iterations"],
  },
  {
    id: "noisy-labels",
    name: "Noisy labels",
    description:
      "15% of the training labels are wrong; the held-out labels are right, so even the best line scores well above the best possible.",
    data: {
      kind: "cats-vs-dogs",
      noise: 0.9,
      classBalance: 0.5,
      labelFlips: 0.15,
      outliers: 0,
      trainSize: 200,
      publicTestSize: 200,
      privateTestSize: 200,
    },
    controls: ["learningRate", "iterations", "l2"],
  },
  {
    id: "overfit-trap",
    name: "Trap: overfit me",
    description:
      "24 training animals, a few of them outliers, among overlapping classes: training to the last step overfits; L2 or stopping early wins.",
    data: {
      kind: "cats-vs-dogs",
      noise: 1,
      classBalance: 0.5,
      labelFlips: 0,
      outliers: 0.1,
      trainSize: 24,
      publicTestSize: 200,
      privateTestSize: 200,
    },
    controls: ["learningRate", "iterations", "l2"],
  },
];

/** What the new-challenge form starts with. */
export const DEFAULT_CHALLENGE_PRESET: ChallengePreset = CHALLENGE_PRESETS[1] as ChallengePreset;
