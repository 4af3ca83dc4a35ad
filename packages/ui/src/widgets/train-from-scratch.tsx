"use client";

import {
  accuracy,
  type Box,
  type Dataset,
  decisionBoundary,
  logLoss,
  type Model,
  probabilityAt,
} from "@margin/core";
import { newRunId } from "@margin/core/trainer";
import { startTransition, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "../button";
import { LossChart, type LossPoint } from "../loss-chart";
import { RangeField } from "../range-field";
import { type ChartBoundary, type LabelledPoint, ScatterBoundaryChart } from "../scatter-boundary-chart";
import { Stat, Stats } from "../stat";
import {
  FixedNote,
  fixed,
  shown,
  ToggleButton,
  WidgetLayout,
  type WidgetProps,
  type WidgetTrainer,
} from "./widget-kit";

export interface TrainFromScratchState {
  lr: number;
  iters: number;
  /** Train on the cats and dogs measured in kg and cm (unscaled) instead of the notebook's data. */
  kgcm: boolean;
}

/**
 * Gradient-descent settings whose optimum is scikit-learn's `LogisticRegression(C)` fit: the same log
 * loss plus the L2 penalty l2 = 1/(C·N), run to convergence in the worker.
 */
export interface SklearnSettings {
  C: number;
  learningRate: number;
  iterations: number;
  l2: number;
}

/** One data set the widget can train on. */
export interface TrainingSet {
  data: Dataset;
  points: readonly LabelledPoint[];
  box: Box;
  axisLabels: readonly [string, string];
  classNames: readonly [string, string];
  /** scikit-learn's fit for the comparison table, or null where the comparison isn't made. */
  sklearn: SklearnSettings | null;
}

export interface TrainFromScratchProps extends WidgetProps<TrainFromScratchState> {
  /** The notebook's 100 points. */
  notebook: TrainingSet;
  /** The same story in raw units (kg, cm), where large learning rates visibly overshoot. */
  kgCm: TrainingSet;
  trainer: WidgetTrainer;
  learningRates: readonly number[];
  iterationChoices: readonly number[];
}

/** How a run went, read from its loss history: what the read-out says. */
export type RunVerdict = "diverging" | "zig-zagging" | "falling";

/**
 * `losses[0]` is the loss before training, the rest one per step. "diverging": some step's loss went above
 * that start, or stopped being a number; "zig-zagging": it rose on some steps but never above the start;
 * "falling": it fell at every step.
 */
export function describeRun(losses: ArrayLike<number>): { verdict: RunVerdict; peak: number; rises: number } {
  const start = losses[0] ?? Number.NaN;
  let peak = Number.NEGATIVE_INFINITY;
  let rises = 0;
  let finite = Number.isFinite(start);
  for (let i = 1; i < losses.length; i++) {
    const loss = losses[i] as number;
    if (!Number.isFinite(loss)) finite = false;
    else peak = Math.max(peak, loss);
    if (loss > (losses[i - 1] as number)) rises += 1;
  }
  const verdict = !finite || peak > start ? "diverging" : rises > 0 ? "zig-zagging" : "falling";
  return { verdict, peak, rises };
}

/** The run is cut into about this many worker calls so the boundary visibly moves (about a second). */
const FRAMES = 60;
const MAX_CURVE_POINTS = 200;
/**
 * The loss curve is an SVG chart: redrawing it every frame costs more than a frame, so it follows at about
 * 10 updates a second while the boundary (a canvas layer) keeps up with every step.
 */
const CURVE_INTERVAL_MS = 100;
const NO_CURVE: readonly LossPoint[] = [];

interface Fit {
  model: Model;
  loss: number;
  accuracy: number;
}

const nextFrame = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 16);
  });

function evaluate(model: Model, data: Dataset): Fit {
  return { model, loss: logLoss(model, data), accuracy: accuracy(model, data) };
}

/** A copy at most MAX_CURVE_POINTS long: charts freeze the arrays they receive, so never hand over ours. */
function thin(points: readonly LossPoint[]): LossPoint[] {
  if (points.length <= MAX_CURVE_POINTS) return [...points];
  const stride = Math.ceil(points.length / MAX_CURVE_POINTS);
  return points.filter((_, index) => index % stride === 0 || index === points.length - 1);
}

/**
 * The notebook's loop, run in the trainer worker: w = 0, b = 0, then `iters` full-batch gradient steps.
 * Slicing the run into frames is exact (gradient descent's only state is w and b), so the final numbers
 * equal one uninterrupted run, and the notebook's. scikit-learn's fit is the same loss plus an L2 penalty.
 */
export function TrainFromScratch({
  state,
  onChange,
  hidden,
  notebook,
  kgCm,
  trainer,
  learningRates,
  iterationChoices,
}: TrainFromScratchProps) {
  const { lr, iters, kgcm } = state;
  const set = kgcm ? kgCm : notebook;
  const { data, points, box } = set;
  const sklearnSettings = set.sklearn;
  const [model, setModel] = useState<Model>({ w: [0, 0], b: 0 });
  const [done, setDone] = useState(0);
  const [curve, setCurve] = useState<readonly LossPoint[]>(NO_CURVE);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sklearn, setSklearn] = useState<Fit | null>(null);
  /** How the last finished run's loss behaved, from every step (the drawn curve is thinned). */
  const [run, setRun] = useState<RunSummary | null>(null);
  const stop = useRef(false);
  const active = useRef<string | null>(null);

  useEffect(
    () => () => {
      stop.current = true;
    },
    [],
  );

  /** Another data set: start again from w = 0, b = 0 (the scikit-learn comparison belongs to its data). */
  function switchData() {
    setModel({ w: [0, 0], b: 0 });
    setDone(0);
    setCurve(NO_CURVE);
    setSklearn(null);
    setRun(null);
    onChange({ kgcm: !kgcm });
  }

  async function runScratch() {
    stop.current = false;
    setRunning(true);
    setError(null);
    let current: Model = { w: [0, 0], b: 0 };
    let completed = 0;
    // Step 0 is the untrained model (w = 0, b = 0), so a first step that makes things worse shows as a rise.
    const history: LossPoint[] = [{ iteration: 0, loss: logLoss(current, data) }];
    setModel(current);
    setDone(0);
    setRun(null);
    // Clearing the SVG curve is the costliest part of the click's render; as a transition it can yield.
    startTransition(() => setCurve(NO_CURVE));
    const chunk = Math.max(1, Math.ceil(iters / FRAMES));
    let curveShownAt = 0;
    try {
      while (completed < iters && !stop.current) {
        const runId = newRunId("scratch");
        active.current = runId;
        const result = await trainer.train({
          runId,
          // Copies: the worker receives these buffers by transfer, which empties them here.
          x: data.x.slice(),
          y: data.y.slice(),
          d: data.d,
          learningRate: lr,
          iterations: Math.min(chunk, iters - completed),
          initial: current,
        });
        result.lossHistory.forEach((loss, index) => {
          history.push({ iteration: completed + index + 1, loss });
        });
        completed += result.iterations;
        current = result.model;
        setModel(current);
        setDone(completed);
        const finished = result.cancelled || completed >= iters || stop.current;
        if (finished || performance.now() - curveShownAt >= CURVE_INTERVAL_MS) {
          curveShownAt = performance.now();
          const shown = thin(history);
          // A transition: React renders the SVG curve in slices between frames instead of one long task.
          startTransition(() => setCurve(shown));
        }
        if (result.cancelled) break;
        await nextFrame();
      }
      setRun({
        ...describeRun(history.map((point) => point.loss)),
        start: history[0]?.loss ?? Number.NaN,
        steps: history.length - 1,
      });
      if (sklearnSettings && !sklearn && !stop.current) {
        const fit = await trainer.train({
          runId: newRunId("sklearn"),
          x: data.x.slice(),
          y: data.y.slice(),
          d: data.d,
          learningRate: sklearnSettings.learningRate,
          iterations: sklearnSettings.iterations,
          l2: sklearnSettings.l2,
        });
        const fitted = evaluate(fit.model, data);
        startTransition(() => setSklearn(fitted));
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      active.current = null;
      setRunning(false);
    }
  }

  function cancel() {
    stop.current = true;
    if (active.current) void trainer.cancel(active.current);
  }

  const scratch = useMemo(() => evaluate(model, data), [model, data]);
  const probability = useMemo(() => probabilityAt(model), [model]);
  const lastLoss = curve[curve.length - 1]?.loss;
  const [w1 = 0, w2 = 0] = model.w;
  const boundaries: ChartBoundary[] = [
    {
      id: "scratch",
      name: "From scratch",
      color: "var(--ml-primary)",
      segment: decisionBoundary(model, box),
      description: `${fixed(w1, 4)}·x₁ + ${fixed(w2, 4)}·x₂ + ${fixed(model.b, 4)} = 0`,
      emphasized: true,
    },
  ];
  if (sklearn && sklearnSettings) {
    const [s1 = 0, s2 = 0] = sklearn.model.w;
    boundaries.push({
      id: "sklearn",
      name: `scikit-learn (C = ${sklearnSettings.C})`,
      color: "var(--ml-success)",
      segment: decisionBoundary(sklearn.model, box),
      description: `${fixed(s1, 4)}·x₁ + ${fixed(s2, 4)}·x₂ + ${fixed(sklearn.model.b, 4)} = 0`,
    });
  }
  const rateIndex = Math.max(0, learningRates.indexOf(lr));
  const iterationIndex = Math.max(0, iterationChoices.indexOf(iters));
  const pinned = [
    ...(shown(hidden, "lr") ? [] : [{ label: "learning rate", value: String(lr) }]),
    ...(shown(hidden, "iters") ? [] : [{ label: "iterations", value: String(iters) }]),
    ...(shown(hidden, "kgcm") ? [] : [{ label: "data", value: kgcm ? "kg and cm" : "the notebook's" }]),
  ];

  return (
    <div className="ml-stack">
      <WidgetLayout
        visual={
          <ScatterBoundaryChart
            title={kgcm ? "Training on cats and dogs in kg and cm" : "Training from scratch"}
            points={points}
            box={box}
            axisLabels={set.axisLabels}
            classNames={set.classNames}
            probability={probability}
            boundaries={boundaries}
            summaryExtra={`After ${done} of ${iters} steps: log loss ${scratch.loss.toFixed(4)}, accuracy ${Math.round(scratch.accuracy * 100)}%.`}
          />
        }
        controls={
          <div className="ml-stack">
            {shown(hidden, "kgcm") ? (
              <ToggleButton pressed={kgcm} onToggle={switchData} disabled={running}>
                Cats and dogs in kg and cm (unscaled)
              </ToggleButton>
            ) : null}
            {shown(hidden, "lr") ? (
              <RangeField
                label="Learning rate"
                min={0}
                max={learningRates.length - 1}
                step={1}
                value={rateIndex}
                onChange={(index) => onChange({ lr: learningRates[index] ?? lr })}
                format={(index) => String(learningRates[index] ?? lr)}
                disabled={running}
              />
            ) : null}
            {shown(hidden, "iters") ? (
              <RangeField
                label="Iterations"
                min={0}
                max={iterationChoices.length - 1}
                step={1}
                value={iterationIndex}
                onChange={(index) => onChange({ iters: iterationChoices[index] ?? iters })}
                format={(index) => String(iterationChoices[index] ?? iters)}
                disabled={running}
              />
            ) : null}
            <FixedNote items={pinned} />
            <div className="ml-row">
              <Button onClick={() => void runScratch()} disabled={running}>
                {running ? "Training…" : done > 0 ? "Train again" : "Train"}
              </Button>
              {running ? (
                <Button variant="secondary" onClick={cancel}>
                  Stop
                </Button>
              ) : null}
            </div>
            {error ? (
              <p className="ml-alert" role="alert">
                {error}
              </p>
            ) : null}
            <Stats>
              <Stat label={`Step (of ${iters})`} value={String(done)} />
              <Stat label="Log loss" value={lastLoss === undefined ? "—" : lastLoss.toFixed(4)} />
              <Stat label="w₁" value={fixed(w1, 4)} />
              <Stat label="w₂" value={fixed(w2, 4)} />
              <Stat label="b" value={fixed(model.b, 4)} />
              <Stat label="Accuracy" value={done > 0 ? `${Math.round(scratch.accuracy * 100)}%` : "—"} />
            </Stats>
            {run && !running ? <p className="ml-widget-readout">{runReadout(run)}</p> : null}
            <p className="ml-visually-hidden" aria-live="polite">
              {running
                ? "Training…"
                : done > 0
                  ? `Trained ${done} steps: log loss ${scratch.loss.toFixed(4)}, accuracy ${Math.round(scratch.accuracy * 100)}%.`
                  : ""}
            </p>
          </div>
        }
      />
      <div className="ml-widget-pair">
        <LossChart title="Log loss per step" points={curve} maxIteration={iters} />
        {sklearnSettings ? (
          <Comparison scratch={done > 0 ? scratch : null} sklearn={sklearn} C={sklearnSettings.C} />
        ) : (
          <p className="ml-field-hint">
            These are the notebook's cats and dogs story in raw units: body mass in kg (about 2 to 24) and ear
            length in cm (3 to 14), neither scaled. Bigger feature values make bigger gradient steps, so a
            learning rate that was safe on the notebook's data overshoots here. The scikit-learn comparison is
            for the notebook's data.
          </p>
        )}
      </div>
    </div>
  );
}

function Comparison({ scratch, sklearn, C }: { scratch: Fit | null; sklearn: Fit | null; C: number }) {
  const rows: { label: string; pick: (fit: Fit) => string }[] = [
    { label: "w₁", pick: (fit) => fixed(fit.model.w[0] ?? 0, 4) },
    { label: "w₂", pick: (fit) => fixed(fit.model.w[1] ?? 0, 4) },
    { label: "b", pick: (fit) => fixed(fit.model.b, 4) },
    { label: "Log loss", pick: (fit) => fit.loss.toFixed(4) },
    { label: "Accuracy", pick: (fit) => `${Math.round(fit.accuracy * 100)}%` },
  ];
  return (
    <div className="ml-stack ml-compare">
      <table className="ml-table" aria-label="From scratch versus scikit-learn">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">From scratch</th>
            <th scope="col">scikit-learn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{scratch ? row.pick(scratch) : "—"}</td>
              <td>{sklearn ? row.pick(sklearn) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="ml-field-hint">
        {sklearn
          ? `Same boundary direction, smaller weights. scikit-learn adds an L2 penalty by default (C = ${C}): it minimises C·Σ log loss + ½‖w‖², so large weights cost something. Our loop has no penalty; on data this well separated, its weights would keep growing the longer it runs.`
          : `Train once to fit scikit-learn's equivalent (same data, C = ${C}) beside yours.`}
      </p>
    </div>
  );
}

/** What the loss curve of the last run did, in words (also for anyone who can't see the chart). */
type RunSummary = ReturnType<typeof describeRun> & { start: number; steps: number };

function runReadout(run: RunSummary): string {
  switch (run.verdict) {
    case "diverging":
      return `The loss rose above the ${run.start.toFixed(3)} it started from, peaking at ${Number.isFinite(run.peak) ? run.peak.toFixed(2) : "infinity"}: with this learning rate each step overshoots the bottom of the valley.`;
    case "zig-zagging":
      return `The loss went up on ${run.rises} of ${run.steps} steps but never above where it started: the steps are on the large side.`;
    case "falling":
      return "The loss fell at every step.";
  }
}
