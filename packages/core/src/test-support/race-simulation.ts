import { type ChallengeDatasets, challengeDatasets, scoreSubmission } from "../challenge-data";
import {
  type ChallengePreset,
  DEFAULT_TRAINING_SETTINGS,
  TRAINING_CONTROL_STEPS,
  type TrainingControl,
} from "../challenge-presets";
import type { Model } from "../model";
import { RandomState } from "../random";
import { bestAchievableModel } from "../reference-models";
import { applyScaler, fitScaler, unscaleModel } from "../standardize";
import { trainGD } from "../train";

/** One press of "Train" on a student's challenge screen. */
export interface TrainingSettings {
  learningRate: number;
  iterations: number;
  l2: number;
  standardise: boolean;
}

export interface ScoredRun {
  settings: TrainingSettings;
  publicLoss: number;
  privateLoss: number;
}

/**
 * Gradient descent from w = 0, b = 0 exactly as the student's screen runs it (standardised features
 * when asked, the model mapped back to raw units), scored like the server scores it. Null when training
 * blew up (the server refuses non-finite models).
 */
export function trainAndScore(data: ChallengeDatasets, settings: TrainingSettings): ScoredRun | null {
  const scaler = settings.standardise ? fitScaler(data.train) : null;
  const trainingSet = scaler ? applyScaler(scaler, data.train) : data.train;
  const fitted = trainGD(trainingSet, {
    learningRate: settings.learningRate,
    iterations: settings.iterations,
    l2: settings.l2,
  }).model;
  const model: Model = scaler ? unscaleModel(fitted, scaler) : fitted;
  if (!model.w.every(Number.isFinite) || !Number.isFinite(model.b)) return null;
  try {
    return {
      settings,
      publicLoss: scoreSubmission(model, null, data.publicTest),
      privateLoss: scoreSubmission(model, null, data.privateTest),
    };
  } catch {
    return null;
  }
}

/** One notch of one allowed control, as a student nudging a slider (or the checkbox) would. */
function nudge(settings: TrainingSettings, controls: readonly TrainingControl[], rs: RandomState) {
  const control = controls[rs.interval(controls.length - 1)] as TrainingControl;
  if (control === "standardise") return { ...settings, standardise: !settings.standardise };
  const steps = TRAINING_CONTROL_STEPS[control] as readonly number[];
  const at = steps.indexOf(settings[control]);
  let next = at + (rs.random() < 0.5 ? -1 : 1);
  if (next < 0 || next >= steps.length) next = 2 * at - next;
  return { ...settings, [control]: steps[next] as number };
}

/**
 * A class of `students`: each presses Train with the screen's defaults (raw features unless the teacher
 * allows standardising, which is then on), then makes 0 to 6 more runs,
 * each nudging one allowed control of their best settings so far and keeping what lowers their public
 * loss (the board keeps each student's best public model, and without picks that model is what the
 * private board scores). Deterministic in `classSeed`.
 */
export function simulateClass(
  data: ChallengeDatasets,
  controls: readonly TrainingControl[],
  students: number,
  classSeed: number,
): ScoredRun[] {
  const rs = new RandomState(classSeed);
  const cache = new Map<string, ScoredRun | null>();
  const run = (settings: TrainingSettings) => {
    const key = JSON.stringify(settings);
    if (!cache.has(key)) cache.set(key, trainAndScore(data, settings));
    return cache.get(key) ?? null;
  };
  // Without the standardise control the screen trains on raw features (kg and cm).
  const start = { ...DEFAULT_TRAINING_SETTINGS, standardise: controls.includes("standardise") };
  const board: ScoredRun[] = [];
  for (let s = 0; s < students; s++) {
    let best = run(start) as ScoredRun;
    const effort = rs.interval(6);
    for (let k = 0; k < effort; k++) {
      const tried = run(nudge(best.settings, controls, rs));
      if (tried && tried.publicLoss < best.publicLoss) best = tried;
    }
    board.push(best);
  }
  return board;
}

/** Share of pairs of students the two boards order differently (Kendall's distance; ties count as agreement). */
export function discordantShare(a: readonly number[], b: readonly number[]): number {
  let pairs = 0;
  let discordant = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      pairs++;
      const da = Math.sign((a[i] as number) - (a[j] as number));
      const db = Math.sign((b[i] as number) - (b[j] as number));
      if (da !== 0 && db !== 0 && da !== db) discordant++;
    }
  }
  return pairs === 0 ? 0 : discordant / pairs;
}

/** 256 bits as the server draws them, here from a seeded stream so the report is reproducible. */
export function simulatedSecret(draw: number): string {
  const rs = new RandomState([draw, 0x5ec7e7]);
  return Array.from({ length: 8 }, () => rs.nextUint32().toString(16).padStart(8, "0")).join("");
}

/** The private loss of training to convergence with and without a brake, on one draw. */
function brakes(data: ChallengeDatasets) {
  const converged = { learningRate: 1, iterations: 5000, l2: 0, standardise: true };
  const loss = (settings: TrainingSettings) => trainAndScore(data, settings)?.privateLoss ?? Infinity;
  const full = loss(converged);
  const withL2 = Math.min(...[0.01, 0.1, 1].map((l2) => loss({ ...converged, l2 })));
  const early = Math.min(
    ...[50, 100, 250].map((iterations) => loss({ ...DEFAULT_TRAINING_SETTINGS, iterations })),
  );
  return { l2Helps: withL2 < full, earlyHelps: early < full };
}

/** What one simulated race on one held-out draw looked like. */
export interface RaceOutcome {
  optimum: number;
  privateLosses: number[];
  publicLosses: number[];
  /** max − min of the class's private losses. */
  spread: number;
  /** Share of pairs of students tied on the private board at the 4 decimals the board shows. */
  tiedPairs: number;
  discordant: number;
  winnerChanged: boolean;
  l2Helps: boolean;
  earlyHelps: boolean;
}

/** A class of `students` races on `preset` with teacher seed `draw` and a fresh held-out secret. */
export function simulateRace(preset: ChallengePreset, draw: number, students: number): RaceOutcome {
  const data = challengeDatasets({ ...preset.data, seed: 1000 + draw }, simulatedSecret(draw));
  const board = simulateClass(data, preset.controls, students, 5000 + draw);
  const privateLosses = board.map((entry) => entry.privateLoss);
  const publicLosses = board.map((entry) => entry.publicLoss);
  const argmin = (values: number[]) => values.indexOf(Math.min(...values));
  const shown = privateLosses.map((loss) => loss.toFixed(4));
  let tied = 0;
  for (let i = 0; i < shown.length; i++)
    for (let j = i + 1; j < shown.length; j++) if (shown[i] === shown[j]) tied++;
  return {
    optimum: bestAchievableModel(data.privateTest).logLoss,
    privateLosses,
    publicLosses,
    spread: Math.max(...privateLosses) - Math.min(...privateLosses),
    tiedPairs: tied / ((students * (students - 1)) / 2),
    discordant: discordantShare(publicLosses, privateLosses),
    winnerChanged: argmin(publicLosses) !== argmin(privateLosses),
    ...brakes(data),
  };
}
