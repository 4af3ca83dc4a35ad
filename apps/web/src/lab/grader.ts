import {
  createDataset,
  type Dataset,
  gradients,
  LOG_LOSS_EPS,
  logLoss,
  predictProba,
  seedBlobs,
  sigmoid,
  trainGD,
} from "@margin/core";
import type { CallOutput, LabCall, RawValue } from "./protocol";

/** The notebook's run: lr = 0.1, 1000 updates from w = 0, b = 0 on the lesson's 100 points. */
export const TRAIN_LEARNING_RATE = 0.1;
export const TRAIN_ITERATIONS = 1000;
/** How close the student's final w, b and loss must be to the notebook's. */
export const TRAIN_TOLERANCE = 1e-3;
const VALUE_TOLERANCE = 1e-9;

export const CHECKS = [
  { id: "sigmoid-zero", title: "sigmoid(0) = 0.5" },
  { id: "sigmoid-values", title: "sigmoid on random z" },
  { id: "sigmoid-saturation", title: "sigmoid saturates without NaN" },
  { id: "predict-proba", title: "predictProba: shape and values" },
  { id: "log-loss", title: "logLoss on random predictions" },
  { id: "log-loss-clip", title: "logLoss clips certain predictions" },
  { id: "gradients", title: "computeGradients: shape and values" },
  { id: "train", title: "Training loop reaches the notebook's numbers" },
] as const;
export type CheckId = (typeof CHECKS)[number]["id"];

const CHECK_TITLES = new Map<string, string>(CHECKS.map((check) => [check.id, check.title]));
/** A stored check id as people read it (an unknown id as it is; none as ""). */
export function checkTitle(id: string | null): string {
  return id ? (CHECK_TITLES.get(id) ?? id) : "";
}

export interface CheckResult {
  id: CheckId;
  title: string;
  passed: boolean;
  /** One sentence: what happened. */
  message: string;
  expected?: string;
  got?: string;
  /** A nudge towards the fix, never the fix itself. */
  hint?: string;
}

/** The student's training run, for their own charts (only when `train` returned usable numbers). */
export interface StudentRun {
  w: [number, number];
  b: number;
  losses: number[];
}

export interface GradePlan {
  calls: LabCall[];
  /** Reference values the verdict needs, computed here with @margin/core. */
  expected: {
    sigmoidValues: number[];
    proba: number[];
    loss: number;
    clipLoss: number;
    perfectLoss: number;
    dw: number[];
    db: number;
  };
}

export const SATURATION_INPUTS = [-800, 800, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] as const;

/** A small seeded generator, so a run's random cases can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function rows(data: Dataset): number[][] {
  return Array.from({ length: data.n }, (_, i) => Array.from(data.x.subarray(i * data.d, (i + 1) * data.d)));
}

let lesson: { data: Dataset; X: number[][]; y: number[] } | undefined;
/** The notebook's data (np.random.seed(0) blobs), as the student's functions receive it. */
export function lessonData() {
  if (!lesson) {
    const data = seedBlobs();
    lesson = { data, X: rows(data), y: Array.from(data.y) };
  }
  return lesson;
}

let reference: { w: [number, number]; b: number; losses: number[] } | undefined;
/** trainGD on the lesson's data with the notebook's settings. */
export function referenceRun() {
  if (!reference) {
    const result = trainGD(lessonData().data, {
      learningRate: TRAIN_LEARNING_RATE,
      iterations: TRAIN_ITERATIONS,
    });
    reference = {
      w: [result.model.w[0] ?? 0, result.model.w[1] ?? 0],
      b: result.model.b,
      losses: Array.from(result.lossHistory),
    };
  }
  return reference;
}

/** The calls to send to the sandbox and the reference answers, with fresh random cases from `seed`. */
export function buildPlan(seed: number): GradePlan {
  const random = mulberry32(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const zs = Array.from({ length: 6 }, () => between(-12, 12));
  const n = 6;
  const X = Array.from({ length: n }, () => [between(-3, 3), between(-3, 3)]);
  const y = [0, 1, 0, 1, 1, 0];
  const w = [between(-2, 2), between(-2, 2)];
  const b = between(-1, 1);
  const data = createDataset(X, y);
  const model = { w, b };
  const proba = Array.from(predictProba(model, data));
  const { dw, db } = gradients(model, data);
  // Probabilities of exactly 0 and 1: σ(−1000) and σ(1000) in floating point.
  const certain = createDataset([[-1000], [1000]], [1, 0]);
  const certainRight = createDataset([[1000], [-1000]], [1, 0]);
  const unit = { w: [1], b: 0 };
  const { X: lessonX, y: lessonY } = lessonData();

  return {
    calls: [
      { id: "sigmoid-zero", fn: "sigmoid", args: [0] },
      ...zs.map((z, i) => ({ id: `sigmoid-${i}`, fn: "sigmoid" as const, args: [z] })),
      ...SATURATION_INPUTS.map((z, i) => ({ id: `saturation-${i}`, fn: "sigmoid" as const, args: [z] })),
      { id: "predict-proba", fn: "predictProba", args: [X, w, b] },
      { id: "log-loss", fn: "logLoss", args: [y, proba] },
      {
        id: "log-loss-clip",
        fn: "logLoss",
        args: [
          [1, 0],
          [0, 1],
        ],
      },
      {
        id: "log-loss-perfect",
        fn: "logLoss",
        args: [
          [1, 0],
          [1, 0],
        ],
      },
      { id: "gradients", fn: "computeGradients", args: [X, y, proba] },
      { id: "train", fn: "train", args: [lessonX, lessonY, TRAIN_LEARNING_RATE, TRAIN_ITERATIONS] },
    ],
    expected: {
      sigmoidValues: zs.map(sigmoid),
      proba,
      loss: logLoss(model, data),
      clipLoss: logLoss(unit, certain),
      perfectLoss: logLoss(unit, certainRight),
      dw,
      db,
    },
  };
}

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value !== 0 && (Math.abs(value) < 1e-4 || Math.abs(value) >= 1e6)) return value.toExponential(3);
  return String(Number(value.toFixed(4)));
}

export function formatValue(value: RawValue | undefined, depth = 0): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value.startsWith("<") ? value.slice(1, -1) : JSON.stringify(value);
  if (value === null || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    if (depth > 1) return `[${value.length} items]`;
    const shown = value.slice(0, 6).map((item) => formatValue(item, depth + 1));
    return `[${shown.join(", ")}${value.length > 6 ? `, … (${value.length} in all)` : ""}]`;
  }
  const entries = Object.entries(value).slice(0, 6);
  return `{ ${entries.map(([key, item]) => `${key}: ${formatValue(item, depth + 1)}`).join(", ")} }`;
}

const close = (a: number, b: number, tol = VALUE_TOLERANCE) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

function numberArray(value: RawValue | undefined, length: number): number[] | null {
  if (!Array.isArray(value) || value.length !== length) return null;
  return value.every((item) => typeof item === "number") ? (value as number[]) : null;
}

type Outputs = ReadonlyMap<string, CallOutput>;

function failedCall(output: CallOutput | undefined, fn: string): string | null {
  if (!output) return `${fn} was not called`;
  if (!output.ok) return output.error;
  return null;
}

const FUNCTION_HINT = (fn: string) =>
  `Define a function called ${fn} at the top level of your code (spelling and capitals matter).`;

function thrown(id: CheckId, fn: string, error: string): CheckResult {
  const missing = /is not defined|not a function/.test(error);
  return result(id, false, `${fn} threw an error: ${error}`, {
    hint: missing ? FUNCTION_HINT(fn) : "Read the error: which line and which value does it point at?",
  });
}

function result(
  id: CheckId,
  passed: boolean,
  message: string,
  extra: Partial<Pick<CheckResult, "expected" | "got" | "hint">> = {},
): CheckResult {
  const title = CHECKS.find((check) => check.id === id)?.title ?? id;
  return { id, title, passed, message, ...extra };
}

function gradeSigmoidZero(outputs: Outputs): CheckResult {
  const output = outputs.get("sigmoid-zero");
  const error = failedCall(output, "sigmoid");
  if (error) return thrown("sigmoid-zero", "sigmoid", error);
  const got = output?.ok ? output.value : undefined;
  if (typeof got === "number" && close(got, 0.5)) return result("sigmoid-zero", true, "sigmoid(0) is 0.5.");
  return result("sigmoid-zero", false, "sigmoid(0) should be exactly one half.", {
    expected: "0.5",
    got: formatValue(got),
    hint:
      typeof got === "number"
        ? "σ(z) = 1 / (1 + e^(−z)); at z = 0, e^0 = 1. Check the sign inside exp and the 1 + …"
        : "sigmoid must return a single number for a single number z.",
  });
}

function gradeSigmoidValues(plan: GradePlan, outputs: Outputs): CheckResult {
  for (const [i, want] of plan.expected.sigmoidValues.entries()) {
    const call = plan.calls.find((c) => c.id === `sigmoid-${i}`);
    const output = outputs.get(`sigmoid-${i}`);
    const error = failedCall(output, "sigmoid");
    if (error) return thrown("sigmoid-values", "sigmoid", error);
    const got = output?.ok ? output.value : undefined;
    if (typeof got !== "number" || !close(got, want)) {
      const z = formatNumber(call?.args[0] as number);
      const flipped = typeof got === "number" && close(got, 1 - want);
      return result("sigmoid-values", false, `sigmoid(${z}) is not σ(${z}).`, {
        expected: formatNumber(want),
        got: formatValue(got),
        hint: flipped
          ? "You get 1 − σ(z): look at the sign of z inside the exponential."
          : "Compare your formula with σ(z) = 1 / (1 + e^(−z)) for a positive and a negative z.",
      });
    }
  }
  return result("sigmoid-values", true, "sigmoid matches σ(z) on random inputs.");
}

function gradeSaturation(outputs: Outputs): CheckResult {
  const wanted = [0, 1, 0, 1];
  for (const [i, z] of SATURATION_INPUTS.entries()) {
    const output = outputs.get(`saturation-${i}`);
    const error = failedCall(output, "sigmoid");
    if (error) return thrown("sigmoid-saturation", "sigmoid", error);
    const got = output?.ok ? output.value : undefined;
    const want = wanted[i] ?? 0;
    if (typeof got !== "number" || !(Math.abs(got - want) <= 1e-12)) {
      const bad = typeof got === "number" && !Number.isFinite(got);
      return result("sigmoid-saturation", false, `sigmoid(${formatNumber(z)}) should saturate at ${want}.`, {
        expected: String(want),
        got: formatValue(got),
        hint: bad
          ? "Math.exp overflows to Infinity once its argument passes about 709, and Infinity / Infinity is NaN. " +
            "Arrange the formula so that an overflowing exp can only end up in a denominator — or so that exp only ever sees a number ≤ 0."
          : "For a very negative z the probability is 0, for a very positive z it is 1.",
      });
    }
  }
  return result("sigmoid-saturation", true, "sigmoid gives 0 and 1 for z = ±800 and ±∞, without NaN.");
}

function gradeProba(plan: GradePlan, outputs: Outputs): CheckResult {
  const output = outputs.get("predict-proba");
  const error = failedCall(output, "predictProba");
  if (error) return thrown("predict-proba", "predictProba", error);
  const raw = output?.ok ? output.value : undefined;
  const want = plan.expected.proba;
  const got = numberArray(raw, want.length);
  if (!got) {
    return result(
      "predict-proba",
      false,
      `predictProba should return one probability per row of X (${want.length} rows).`,
      {
        expected: `an array of ${want.length} numbers`,
        got: formatValue(raw),
        hint: "Loop over the rows of X: for each row compute w·x + b, then apply sigmoid.",
      },
    );
  }
  const i = got.findIndex((value, k) => !close(value, want[k] ?? Number.NaN));
  if (i >= 0) {
    return result("predict-proba", false, `predictProba is wrong for row ${i} of X.`, {
      expected: formatValue(want),
      got: formatValue(got),
      hint: "Each probability is σ(x₁·w₁ + x₂·w₂ + b): every feature times its own weight, plus b once.",
    });
  }
  return result("predict-proba", true, "predictProba returns σ(w·x + b) for every row.");
}

function gradeLogLoss(plan: GradePlan, outputs: Outputs): CheckResult {
  const output = outputs.get("log-loss");
  const error = failedCall(output, "logLoss");
  if (error) return thrown("log-loss", "logLoss", error);
  const got = output?.ok ? output.value : undefined;
  const want = plan.expected.loss;
  if (typeof got === "number" && close(got, want))
    return result("log-loss", true, "logLoss matches on random predictions.");
  let hint = "L = −mean( y·log(ŷ) + (1 − y)·log(1 − ŷ) ): a minus sign, then an average over the points.";
  if (typeof got === "number" && close(got, -want))
    hint = "Your loss has the wrong sign: log of a probability is negative.";
  else if (typeof got === "number" && close(got, want * 6))
    hint = "Your loss is N times too big: take the mean, not the sum.";
  return result("log-loss", false, "logLoss differs from the binary cross-entropy.", {
    expected: formatNumber(want),
    got: formatValue(got),
    hint,
  });
}

function gradeClip(plan: GradePlan, outputs: Outputs): CheckResult {
  for (const [id, want, label] of [
    ["log-loss-clip", plan.expected.clipLoss, "certain and wrong (y = [1, 0], ŷ = [0, 1])"],
    ["log-loss-perfect", plan.expected.perfectLoss, "certain and right (y = [1, 0], ŷ = [1, 0])"],
  ] as const) {
    const output = outputs.get(id);
    const error = failedCall(output, "logLoss");
    if (error) return thrown("log-loss-clip", "logLoss", error);
    const got = output?.ok ? output.value : undefined;
    if (typeof got !== "number" || !(Math.abs(got - want) <= 1e-6 * Math.max(1, want))) {
      const infinite = typeof got === "number" && !Number.isFinite(got);
      return result("log-loss-clip", false, `logLoss for predictions that are ${label} should be finite.`, {
        expected: `≈ ${formatNumber(want)}`,
        got: formatValue(got),
        hint: infinite
          ? `log(0) is −Infinity (and 0 · −Infinity is NaN). Keep ŷ away from exactly 0 and 1 first, using ε = ${LOG_LOSS_EPS}, as the notebook does.`
          : `Keep ŷ inside [ε, 1 − ε] with ε = ${LOG_LOSS_EPS} before taking logs — no more, no less.`,
      });
    }
  }
  return result(
    "log-loss-clip",
    true,
    `A certain, wrong prediction costs ≈ ${formatNumber(plan.expected.clipLoss)}, not Infinity.`,
  );
}

function gradeGradients(plan: GradePlan, outputs: Outputs): CheckResult {
  const output = outputs.get("gradients");
  const error = failedCall(output, "computeGradients");
  if (error) return thrown("gradients", "computeGradients", error);
  const raw = output?.ok ? output.value : undefined;
  const { dw: wantDw, db: wantDb } = plan.expected;
  const expected = `{ dw: ${formatValue(wantDw)}, db: ${formatNumber(wantDb)} }`;
  const record = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : null;
  const dw = numberArray(record?.dw, wantDw.length);
  const db = record?.db;
  if (!dw || typeof db !== "number") {
    return result(
      "gradients",
      false,
      "computeGradients should return { dw, db }: dw with one number per feature, db a number.",
      {
        expected,
        got: formatValue(raw),
        hint: "Return an object with two keys, dw (an array as long as w) and db (a single number).",
      },
    );
  }
  const all = [...dw, db];
  const want = [...wantDw, wantDb];
  if (all.every((value, k) => close(value, want[k] ?? Number.NaN))) {
    return result("gradients", true, "computeGradients matches the notebook's dw and db.");
  }
  const n = 6;
  let hint = "dw = (1/N)·Xᵀ(ŷ − y) and db = (1/N)·Σ(ŷ − y): check each part against the notebook's listing.";
  if (all.every((value, k) => close(value, -(want[k] ?? Number.NaN)))) {
    hint =
      "Every component has the opposite sign: compare the order of ŷ and y in the error term with the notebook.";
  } else if (all.every((value, k) => close(value, n * (want[k] ?? Number.NaN)))) {
    hint = `Your gradients are exactly N = ${n} times too big: the notebook averages over the points.`;
  } else if (dw.every((value, k) => close(value, wantDw[k] ?? Number.NaN))) {
    hint = "dw is right but db is not: db sums the errors alone, without any feature.";
  } else if (close(db, wantDb)) {
    hint = "db is right but dw is not: each dwⱼ sums error × feature j over the points.";
  }
  return result("gradients", false, "computeGradients differs from the gradient of the log loss.", {
    expected,
    got: formatValue(raw),
    hint,
  });
}

/** Where a training run ends, plus its first recorded loss (which tells when the loss was recorded). */
export interface TrainingSummary {
  w: number[];
  b: number;
  loss: number;
  firstLoss: number;
}

/** The largest absolute difference between two runs' numbers. */
function distance(a: TrainingSummary, b: TrainingSummary): number {
  const diffs = [
    (a.w[0] ?? 0) - (b.w[0] ?? 0),
    (a.w[1] ?? 0) - (b.w[1] ?? 0),
    a.b - b.b,
    a.loss - b.loss,
    a.firstLoss - b.firstLoss,
  ].map(Math.abs);
  return diffs.some(Number.isNaN) ? Number.POSITIVE_INFINITY : Math.max(...diffs);
}

/** Gradient descent with one of the classic slips, to recognise a student's trajectory. */
export type TrainingSlip = "none" | "w-before-db" | "sign" | "no-mean" | "loss-before-update";
export function simulateTraining(slip: TrainingSlip): TrainingSummary {
  const { X, y } = lessonData();
  const n = y.length;
  let w = [0, 0];
  let b = 0;
  const probs = (ww: number[], bb: number) =>
    X.map((row) => sigmoid((row[0] ?? 0) * (ww[0] ?? 0) + (row[1] ?? 0) * (ww[1] ?? 0) + bb));
  const grads = (p: number[]) => {
    const scale = (slip === "no-mean" ? 1 : 1 / n) * (slip === "sign" ? -1 : 1);
    const dw = [0, 0];
    let db = 0;
    p.forEach((pi, i) => {
      const r = pi - (y[i] ?? 0);
      dw[0] = (dw[0] ?? 0) + r * (X[i]?.[0] ?? 0);
      dw[1] = (dw[1] ?? 0) + r * (X[i]?.[1] ?? 0);
      db += r;
    });
    return { dw: dw.map((v) => v * scale), db: db * scale };
  };
  const loss = (p: number[]) =>
    -p.reduce((s, pi, i) => {
      const c = Math.min(Math.max(pi, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
      return s + ((y[i] ?? 0) * Math.log(c) + (1 - (y[i] ?? 0)) * Math.log(1 - c));
    }, 0) / n;
  let last = 0;
  let first = 0;
  for (let k = 0; k < TRAIN_ITERATIONS; k++) {
    const p = probs(w, b);
    if (slip === "loss-before-update") last = loss(p);
    const g = grads(p);
    w = w.map((wj, j) => wj - TRAIN_LEARNING_RATE * (g.dw[j] ?? 0));
    const db = slip === "w-before-db" ? grads(probs(w, b)).db : g.db;
    b -= TRAIN_LEARNING_RATE * db;
    if (slip !== "loss-before-update") last = loss(probs(w, b));
    if (k === 0) first = last;
  }
  return { w, b, loss: last, firstLoss: first };
}

const SLIP_HINTS: Record<Exclude<TrainingSlip, "none">, string> = {
  "w-before-db":
    "Your run matches a loop that updates w before working out db. Compute dw and db from the same predictions, then update both.",
  sign: "Your run walks uphill: the loss grows. Gradient descent steps against the gradient.",
  "no-mean":
    "Your run matches gradients that are N times too big (no 1/N). Average over the points, as the notebook does.",
  "loss-before-update":
    "w and b are right but the losses are one step behind: the notebook records the loss after updating w and b.",
};

function gradeTrain(outputs: Outputs): { check: CheckResult; run: StudentRun | null } {
  const output = outputs.get("train");
  const error = failedCall(output, "train");
  if (error) return { check: thrown("train", "train", error), run: null };
  const raw = output?.ok ? output.value : undefined;
  const ref = referenceRun();
  const record = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : null;
  const w = numberArray(record?.w, 2);
  const b = record?.b;
  const losses = Array.isArray(record?.losses) ? record.losses : null;
  if (
    !w ||
    typeof b !== "number" ||
    !losses ||
    losses.length !== TRAIN_ITERATIONS ||
    !losses.every((l) => typeof l === "number")
  ) {
    return {
      check: result(
        "train",
        false,
        `train should return { w, b, losses } with ${TRAIN_ITERATIONS} losses (one per update).`,
        {
          expected: `{ w: [2 numbers], b: a number, losses: [${TRAIN_ITERATIONS} numbers] }`,
          got: formatValue(raw),
          hint: "Start from w = [0, 0], b = 0; after each update push the loss of the new (w, b) to losses.",
        },
      ),
      run: null,
    };
  }
  const numericLosses = losses as number[];
  const run: StudentRun = { w: [w[0] ?? 0, w[1] ?? 0], b, losses: numericLosses };
  const finalLoss = numericLosses[numericLosses.length - 1] ?? Number.NaN;
  const mine: TrainingSummary = { w, b, loss: finalLoss, firstLoss: numericLosses[0] ?? Number.NaN };
  const notebook: TrainingSummary = { ...ref, loss: ref.losses.at(-1) ?? 0, firstLoss: ref.losses[0] ?? 0 };
  const off = distance(mine, notebook);
  const expected = `w ≈ [${ref.w.map(formatNumber).join(", ")}], b ≈ ${formatNumber(ref.b)}, loss ≈ ${formatNumber(notebook.loss)}`;
  const got = `w = [${w.map(formatNumber).join(", ")}], b = ${formatNumber(b)}, loss = ${formatNumber(finalLoss)}`;
  // A slip can land within the tolerance (updating w before db moves b by only 2e-4), so a run that
  // follows a known slip more closely than the notebook's loop fails even when it is close.
  const slip = (["w-before-db", "sign", "no-mean", "loss-before-update"] as const).find(
    (candidate) => distance(mine, simulateTraining(candidate)) < Math.min(off, 1e-6),
  );
  if (off <= TRAIN_TOLERANCE && !slip) {
    return {
      check: result(
        "train",
        true,
        `Your loop reaches the notebook's numbers (largest difference ${formatNumber(off)}).`,
        { expected, got },
      ),
      run,
    };
  }
  return {
    check: result(
      "train",
      false,
      slip && off <= TRAIN_TOLERANCE
        ? `Your loop ends close to the notebook's numbers (off by ${formatNumber(off)}) but not by the notebook's route.`
        : Number.isFinite(off)
          ? `Your loop ends ${formatNumber(off)} away from the notebook's numbers (the tolerance is ${TRAIN_TOLERANCE}).`
          : "Your loop produced numbers that are not finite.",
      {
        expected,
        got,
        hint: slip
          ? SLIP_HINTS[slip]
          : `Use lr = ${TRAIN_LEARNING_RATE} and ${TRAIN_ITERATIONS} updates from w = [0, 0], b = 0; each update uses your predictProba and computeGradients.`,
      },
    ),
    run,
  };
}

export interface Verdict {
  checks: CheckResult[];
  passed: boolean;
  run: StudentRun | null;
  /** Set when nothing could be checked (the code did not compile or did not finish). */
  problem?: { message: string; hint: string; limit?: "time" | "memory" };
}

/** The verdict, computed from the raw outputs and @margin/core's reference values — never by the student's code. */
export function grade(plan: GradePlan, outputList: readonly CallOutput[]): Verdict {
  const outputs = new Map(outputList.map((output) => [output.id, output]));
  const train = gradeTrain(outputs);
  const checks = [
    gradeSigmoidZero(outputs),
    gradeSigmoidValues(plan, outputs),
    gradeSaturation(outputs),
    gradeProba(plan, outputs),
    gradeLogLoss(plan, outputs),
    gradeClip(plan, outputs),
    gradeGradients(plan, outputs),
    train.check,
  ];
  return { checks, passed: checks.every((check) => check.passed), run: train.run };
}

/** Every check failed with the same reason (the code did not compile or did not finish). */
export function failAll(message: string, hint: string, limit?: "time" | "memory"): Verdict {
  return {
    checks: CHECKS.map(({ id, title }) => ({ id, title, passed: false, message, hint })),
    passed: false,
    run: null,
    problem: limit ? { message, hint, limit } : { message, hint },
  };
}
