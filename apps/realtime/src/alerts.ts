import type { MisconceptionAlert } from "@margin/core/protocol";

/** What the server measured on one update. */
export interface Observation {
  iteration: number;
  /** Public held-out log loss (free practice: loss on the lesson's data). */
  loss: number;
  /** Public held-out accuracy. */
  accuracy: number;
  /** Public held-out points given p ≥ 0.99 for the wrong class (free practice: the lesson's points). */
  confidentlyWrong: number;
  /** True when every weight is 0: such a model has no direction, so it can't be "flipped". */
  zeroWeights: boolean;
}

/** Per student, per connection: the history the alerts compare against. */
export interface AlertState {
  firstLoss?: number;
  previousLoss?: number;
  previousIteration?: number;
  atChanceStreak: number;
}

export const CHANCE_LOSS = Math.LN2;
export const CHANCE_BAND = 0.02;
/** Diverging: the loss rose above 1.5 × the first loss (+0.05), or more than doubled since the last update. */
const DIVERGE_FROM_FIRST = 1.5;
const DIVERGE_FROM_PREVIOUS = 2;
const DIVERGE_SLACK = 0.05;
/** Stuck: at chance after this many iterations, or for this many updates in a row. */
const STUCK_AFTER_ITERATIONS = 10;
const STUCK_AFTER_UPDATES = 3;

export function newAlertState(): AlertState {
  return { atChanceStreak: 0 };
}

/**
 * The misconceptions visible in this update, given the student's history (which it then extends). An
 * iteration lower than the last one means the student restarted training: the history starts over.
 */
export function detectAlerts(state: AlertState, observation: Observation): MisconceptionAlert[] {
  const { loss, iteration } = observation;
  if (state.previousIteration !== undefined && iteration < state.previousIteration) {
    state.firstLoss = undefined;
    state.previousLoss = undefined;
    state.atChanceStreak = 0;
  }
  const alerts: MisconceptionAlert[] = [];
  const first = state.firstLoss;
  const previous = state.previousLoss;
  if (
    (first !== undefined && loss > DIVERGE_FROM_FIRST * first + DIVERGE_SLACK) ||
    (previous !== undefined && loss > DIVERGE_FROM_PREVIOUS * previous + DIVERGE_SLACK)
  ) {
    alerts.push("diverging");
  }
  const atChance = Math.abs(loss - CHANCE_LOSS) <= CHANCE_BAND;
  state.atChanceStreak = atChance ? state.atChanceStreak + 1 : 0;
  if (atChance && (iteration >= STUCK_AFTER_ITERATIONS || state.atChanceStreak >= STUCK_AFTER_UPDATES)) {
    alerts.push("stuck-at-chance");
  }
  if (observation.confidentlyWrong > 0) alerts.push("confidently-wrong");
  if (observation.accuracy < 0.5 && !observation.zeroWeights) alerts.push("flipped");
  state.firstLoss ??= loss;
  state.previousLoss = loss;
  state.previousIteration = iteration;
  return alerts;
}
