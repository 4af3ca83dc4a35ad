"use client";

import {
  accuracy,
  type Box,
  createDataset,
  type Dataset,
  decisionBoundary,
  logLoss,
  type Model,
  RandomState,
  sigmoid,
} from "@margin/core";
import { newRunId } from "@margin/core/trainer";
import { useMemo, useState } from "react";
import { Button } from "../button";
import {
  type ChartBoundary,
  type ChartCurve,
  type LabelledPoint,
  ScatterBoundaryChart,
} from "../scatter-boundary-chart";
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

export interface RingFeaturesState {
  squares: boolean;
}

export interface RingFeaturesProps extends WidgetProps<RingFeaturesState> {
  trainer: WidgetTrainer;
}

export const RING_BOX: Box = { xMin: -5, xMax: 5, yMin: -5, yMax: 5 };
const LEARNING_RATE = 0.1;
const ITERATIONS = 2000;

/**
 * 100 cats in a disc of radius 1.6 and 100 dogs in a ring from radius 3 to 4.5, from a fixed seed so
 * every student (and every test) sees the same picture. Uniform in area, hence the square root.
 */
export function ringData(): { points: LabelledPoint[]; rows: number[][]; labels: number[] } {
  const random = new RandomState(1);
  const points: LabelledPoint[] = [];
  for (let i = 0; i < 100; i++) {
    const r = 1.6 * Math.sqrt(random.random());
    const angle = 2 * Math.PI * random.random();
    points.push({ x: r * Math.cos(angle), y: r * Math.sin(angle), label: 0 });
  }
  for (let i = 0; i < 100; i++) {
    const r = random.uniform(3, 4.5);
    const angle = 2 * Math.PI * random.random();
    points.push({ x: r * Math.cos(angle), y: r * Math.sin(angle), label: 1 });
  }
  return { points, rows: points.map((p) => [p.x, p.y]), labels: points.map((p) => p.label) };
}

/** Each point's features: (x₁, x₂), or (x₁, x₂, x₁², x₂²) once squares are added. */
export function ringFeatures(rows: readonly number[][], squares: boolean): number[][] {
  return rows.map(([x1 = 0, x2 = 0]) => (squares ? [x1, x2, x1 * x1, x2 * x2] : [x1, x2]));
}

/**
 * Where w₁x₁ + w₂x₂ + w₃x₁² + w₄x₂² + b = 0 is an ellipse, its outline (completing the squares):
 * w₃(x₁ − c₁)² + w₄(x₂ − c₂)² = k with c = −w/(2w₃,₄). Null when the level set is not an ellipse.
 */
export function ellipseBoundary(model: Model, steps = 120): { x: number; y: number }[] | null {
  const [w1 = 0, w2 = 0, w3 = 0, w4 = 0] = model.w;
  if (w3 === 0 || w4 === 0 || Math.sign(w3) !== Math.sign(w4)) return null;
  const c1 = -w1 / (2 * w3);
  const c2 = -w2 / (2 * w4);
  const k = w3 * c1 * c1 + w4 * c2 * c2 - model.b;
  if (k / w3 <= 0) return null;
  const r1 = Math.sqrt(k / w3);
  const r2 = Math.sqrt(k / w4);
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = (2 * Math.PI * i) / steps;
    return { x: c1 + r1 * Math.cos(angle), y: c2 + r2 * Math.sin(angle) };
  });
}

interface Result {
  squares: boolean;
  model: Model;
  loss: number;
  accuracy: number;
}

/** A straight line cannot separate a ring from the disc inside it; x₁² and x₂² let the same model draw a circle. */
export function RingFeatures({ state, onChange, hidden, trainer }: RingFeaturesProps) {
  const ring = useMemo(ringData, []);
  const { squares } = state;
  const data: Dataset = useMemo(
    () =>
      createDataset(
        ringFeatures(ring.rows, squares),
        ring.labels,
        squares ? ["x1", "x2", "x1^2", "x2^2"] : ["x1", "x2"],
      ),
    [ring, squares],
  );
  const [results, setResults] = useState<{ line?: Result; squares?: Result }>({});
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = squares ? results.squares : results.line;

  async function train() {
    setRunning(true);
    setError(null);
    try {
      const result = await trainer.train({
        runId: newRunId("ring"),
        x: data.x.slice(),
        y: data.y.slice(),
        d: data.d,
        learningRate: LEARNING_RATE,
        iterations: ITERATIONS,
      });
      const fit: Result = {
        squares,
        model: result.model,
        loss: logLoss(result.model, data),
        accuracy: accuracy(result.model, data),
      };
      setResults((previous) => (squares ? { ...previous, squares: fit } : { ...previous, line: fit }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setRunning(false);
    }
  }

  const probability = useMemo(() => {
    if (!current) return undefined;
    const [w1 = 0, w2 = 0, w3 = 0, w4 = 0] = current.model.w;
    const b = current.model.b;
    return (x1: number, x2: number) => sigmoid(w1 * x1 + w2 * x2 + w3 * x1 * x1 + w4 * x2 * x2 + b);
  }, [current]);

  const boundaries: ChartBoundary[] = [];
  const curves: ChartCurve[] = [];
  if (current && !current.squares) {
    boundaries.push({
      id: "line",
      name: "Best straight line",
      color: "var(--ml-primary)",
      segment: decisionBoundary(current.model, RING_BOX),
      description: `${fixed(current.model.w[0] ?? 0)}·x₁ + ${fixed(current.model.w[1] ?? 0)}·x₂ + ${fixed(current.model.b)} = 0`,
      emphasized: true,
    });
  }
  const ellipse = current?.squares ? ellipseBoundary(current.model) : null;
  if (current?.squares && ellipse) {
    curves.push({
      id: "ellipse",
      name: "Boundary with x₁², x₂²",
      color: "var(--ml-primary)",
      points: ellipse,
      description: "a closed curve around the disc",
    });
  }
  const pct = (value: number) => `${Math.round(value * 100)}%`;

  return (
    <WidgetLayout
      visual={
        <ScatterBoundaryChart
          title="Ring around a disc"
          points={ring.points}
          box={RING_BOX}
          probability={probability}
          boundaries={boundaries}
          curves={curves}
          summaryExtra={
            current
              ? `Trained with ${squares ? "x₁, x₂, x₁² and x₂²" : "x₁ and x₂ only"}: accuracy ${pct(current.accuracy)}.`
              : "Not trained yet: cats fill a disc in the middle, dogs a ring around it."
          }
        />
      }
      controls={
        <div className="ml-stack">
          <p className="ml-widget-equation">
            {squares ? "z = w₁x₁ + w₂x₂ + w₃x₁² + w₄x₂² + b" : "z = w₁x₁ + w₂x₂ + b"}
          </p>
          {shown(hidden, "squares") ? (
            <ToggleButton
              pressed={squares}
              onToggle={() => onChange({ squares: !squares })}
              disabled={running}
            >
              Add x₁² and x₂²
            </ToggleButton>
          ) : (
            <FixedNote items={[{ label: "features", value: squares ? "x₁, x₂, x₁², x₂²" : "x₁, x₂" }]} />
          )}
          <div className="ml-row">
            <Button onClick={() => void train()} disabled={running}>
              {running ? "Training…" : squares ? "Train with squares" : "Train a straight line"}
            </Button>
          </div>
          {error ? (
            <p className="ml-alert" role="alert">
              {error}
            </p>
          ) : null}
          <Stats>
            <Stat label="Accuracy" value={current ? pct(current.accuracy) : "—"} />
            <Stat label="Log loss" value={current ? current.loss.toFixed(4) : "—"} />
          </Stats>
          <table className="ml-table" aria-label="Accuracy on the ring by features">
            <thead>
              <tr>
                <th scope="col">Features</th>
                <th scope="col">Accuracy</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">x₁, x₂ (a line)</th>
                <td>{results.line ? pct(results.line.accuracy) : "—"}</td>
              </tr>
              <tr>
                <th scope="row">+ x₁², x₂² (a circle)</th>
                <td>{results.squares ? pct(results.squares.accuracy) : "—"}</td>
              </tr>
            </tbody>
          </table>
          <p className="ml-visually-hidden" aria-live="polite">
            {current
              ? `Accuracy ${pct(current.accuracy)} with ${squares ? "squared features" : "a straight line"}.`
              : ""}
          </p>
        </div>
      }
    />
  );
}
