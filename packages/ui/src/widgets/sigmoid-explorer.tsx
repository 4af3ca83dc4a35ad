"use client";

import { predictedLabel, sigmoid } from "@margin/core";
import { FunctionChart } from "../function-chart";
import { RangeField } from "../range-field";
import { Stat, Stats } from "../stat";
import { FixedNote, fixed, Presets, sample, shown, WidgetLayout, type WidgetProps } from "./widget-kit";

export interface SigmoidExplorerState {
  z: number;
}

const CURVE = sample(sigmoid, -10, 10, 201);
const roundZ = (z: number) => Math.round(z * 10) / 10;

/** Drag z along the S-curve and read σ(z) against the 0.5 threshold. */
export function SigmoidExplorer({ state, onChange, hidden }: WidgetProps<SigmoidExplorerState>) {
  const { z } = state;
  const p = sigmoid(z);
  const canMove = shown(hidden, "z");
  // The lesson's rule: class 1 only when σ(z) > 0.5, so z = 0 itself is class 0.
  const label = predictedLabel(p);
  const verdict = label === 1 ? "dog (class 1)" : "cat (class 0)";
  const comparison = p > 0.5 ? "σ(z) > 0.5" : p === 0.5 ? "σ(z) = 0.5, not above it" : "σ(z) < 0.5";
  return (
    <WidgetLayout
      visual={
        <FunctionChart
          title="The sigmoid curve"
          summary={`S-shaped curve of σ(z) for z from −10 to 10, flat near 0 on the left and near 1 on the right, crossing 0.5 at z = 0. Marked point: z = ${fixed(z, 1)}, σ(z) = ${p.toFixed(4)}.`}
          xDomain={[-10, 10]}
          yDomain={[0, 1]}
          axisLabels={["z = w·x + b", "σ(z)"]}
          xTicks={[-10, -5, 0, 5, 10]}
          yTicks={[0, 0.25, 0.5, 0.75, 1]}
          series={[
            { id: "sigmoid", name: "σ(z) = 1 / (1 + e^(−z))", color: "var(--ml-primary)", points: CURVE },
          ]}
          references={[
            { id: "half", axis: "y", value: 0.5, label: "0.5 threshold" },
            { id: "zero", axis: "x", value: 0 },
          ]}
          markers={[
            {
              id: "here",
              name: `z = ${fixed(z, 1)}`,
              color: label === 1 ? "var(--ml-dog)" : "var(--ml-cat)",
              points: [{ x: z, y: p }],
            },
          ]}
          onScrub={canMove ? (x) => onChange({ z: roundZ(x) }) : undefined}
        />
      }
      controls={
        <div className="ml-stack">
          {canMove ? (
            <>
              <RangeField
                label="z"
                min={-10}
                max={10}
                step={0.1}
                value={z}
                onChange={(value) => onChange({ z: roundZ(value) })}
                format={(value) => fixed(value, 1)}
              />
              <Presets
                label="Jump to"
                value={z}
                onPick={(value) => onChange({ z: value })}
                options={[
                  { value: -5, label: "−5" },
                  { value: 0, label: "0" },
                  { value: 5, label: "5" },
                ]}
              />
            </>
          ) : (
            <FixedNote items={[{ label: "z", value: fixed(z, 1) }]} />
          )}
          <Stats>
            <Stat label="z" value={fixed(z, 1)} />
            <Stat label="σ(z)" value={p.toFixed(4)} />
            <Stat label="σ′(z) = σ(1 − σ)" value={(p * (1 - p)).toFixed(4)} />
          </Stats>
          <p className="ml-widget-readout" aria-live="polite">
            {comparison}: the model says <strong>{verdict}</strong>
            {Math.abs(z) >= 5 ? ", and it is very sure." : "."}
          </p>
        </div>
      }
    />
  );
}
