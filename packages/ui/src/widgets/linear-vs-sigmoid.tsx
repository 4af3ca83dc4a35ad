"use client";

import { sigmoid } from "@margin/core";
import { useMemo } from "react";
import { FunctionChart } from "../function-chart";
import { RangeField } from "../range-field";
import type { LabelledPoint } from "../scatter-boundary-chart";
import { Stat, Stats } from "../stat";
import { FixedNote, fixed, Presets, shown, ToggleButton, WidgetLayout, type WidgetProps } from "./widget-kit";

export interface LinearVsSigmoidState {
  /** The probe animal's feature x₁. */
  lx: number;
  squash: boolean;
}

export interface LinearVsSigmoidProps extends WidgetProps<LinearVsSigmoidState> {
  /** The lesson's points; only x₁ and the label are used. */
  points: readonly LabelledPoint[];
}

const DOMAIN: readonly [number, number] = [-20, 20];

/**
 * Ordinary least squares of y on x₁: slope = cov(x, y) / var(x). A closed form over 100 numbers, not an
 * iterative fit, so it stays out of the training worker.
 */
export function leastSquaresLine(points: readonly { x: number; y: number }[]): {
  slope: number;
  intercept: number;
} {
  const n = points.length;
  if (n === 0) return { slope: 0, intercept: 0 };
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - mx) * (p.y - my);
    sxx += (p.x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/** Fit a straight line to 0/1 labels, find outputs like 1.7 and −3, then squash them through σ. */
export function LinearVsSigmoid({ state, onChange, hidden, points }: LinearVsSigmoidProps) {
  const { lx, squash } = state;
  const dots = useMemo(() => points.map((p) => ({ x: p.x, y: p.label })), [points]);
  const { slope, intercept } = useMemo(() => leastSquaresLine(dots), [dots]);
  const linear = (x: number) => slope * x + intercept;
  const raw = linear(lx);
  const squashed = sigmoid(raw);
  const outOfRange = raw > 1 || raw < 0;
  const lineEnds = [
    { x: DOMAIN[0], y: linear(DOMAIN[0]) },
    { x: DOMAIN[1], y: linear(DOMAIN[1]) },
  ];
  const curve = useMemo(() => {
    const result: { x: number; y: number }[] = [];
    for (let x = DOMAIN[0]; x <= DOMAIN[1]; x += 0.25) result.push({ x, y: sigmoid(slope * x + intercept) });
    return result;
  }, [slope, intercept]);

  const catDots = dots.filter((d) => d.y === 0);
  const dogDots = dots.filter((d) => d.y === 1);
  return (
    <WidgetLayout
      visual={
        <FunctionChart
          title="Linear regression on 0/1 labels"
          summary={`Cats plotted at 0 and dogs at 1 against x₁. The least-squares line ŷ = ${fixed(slope)}·x₁ + ${fixed(intercept)} leaves the 0 to 1 band on both sides${
            squash ? "; the sigmoid of the same line stays inside it" : ""
          }. At x₁ = ${fixed(lx, 1)} the line gives ${fixed(raw)}${squash ? ` and σ gives ${squashed.toFixed(3)}` : ""}.`}
          xDomain={DOMAIN}
          yDomain={[-4, 5]}
          xTicks={[-20, -15, -10, -5, 0, 5, 10, 15, 20]}
          yTicks={[-4, -3, -2, -1, 0, 1, 2, 3, 4, 5]}
          axisLabels={["x₁", "output"]}
          band={{ from: 0, to: 1, label: "probabilities live here" }}
          series={[
            {
              id: "line",
              name: "Linear output w·x + b",
              color: squash ? "var(--ml-text-muted)" : "var(--ml-primary)",
              points: lineEnds,
              dashed: squash,
            },
            ...(squash
              ? [{ id: "sigmoid", name: "σ(w·x + b)", color: "var(--ml-primary)", points: curve }]
              : []),
          ]}
          markers={[
            { id: "cats", name: "Cats (y = 0)", color: "var(--ml-cat)", points: catDots, variant: "dot" },
            {
              id: "dogs",
              name: "Dogs (y = 1)",
              color: "var(--ml-dog)",
              points: dogDots,
              variant: "dot",
              shape: "triangle",
            },
            {
              id: "probe",
              name: squash ? "σ at the probe" : "Line at the probe",
              color: outOfRange && !squash ? "var(--ml-danger)" : "var(--ml-primary-strong)",
              points: [{ x: lx, y: squash ? squashed : raw }],
            },
          ]}
          onScrub={shown(hidden, "lx") ? (x) => onChange({ lx: Math.round(x * 2) / 2 }) : undefined}
        />
      }
      controls={
        <div className="ml-stack">
          {shown(hidden, "lx") ? (
            <>
              <RangeField
                label="Animal's x₁"
                min={DOMAIN[0]}
                max={DOMAIN[1]}
                step={0.5}
                value={lx}
                onChange={(value) => onChange({ lx: value })}
                format={(value) => fixed(value, 1)}
              />
              <Presets
                label="Try an animal"
                value={lx}
                onPick={(value) => onChange({ lx: value })}
                options={[
                  { value: -17.5, label: "Tiny cat" },
                  { value: 0, label: "In between" },
                  { value: 6, label: "Big dog" },
                ]}
              />
            </>
          ) : null}
          {shown(hidden, "squash") ? (
            <ToggleButton pressed={squash} onToggle={() => onChange({ squash: !squash })}>
              Squash with σ
            </ToggleButton>
          ) : null}
          <FixedNote
            items={[
              ...(shown(hidden, "lx") ? [] : [{ label: "x₁", value: fixed(lx, 1) }]),
              ...(shown(hidden, "squash") ? [] : [{ label: "sigmoid", value: squash ? "on" : "off" }]),
            ]}
          />
          <Stats>
            <Stat label="Line's output" value={fixed(raw)} />
            <Stat label="σ(output)" value={squash ? squashed.toFixed(3) : "—"} />
          </Stats>
          <p className="ml-widget-readout">
            {outOfRange
              ? `A "probability" of ${fixed(raw)} means nothing${squash ? `; σ turns it into ${squashed.toFixed(3)}.` : ". Try squashing it."}`
              : `${fixed(raw)} happens to land between 0 and 1, but the line leaves that band as soon as x₁ grows.`}
          </p>
        </div>
      }
    />
  );
}
