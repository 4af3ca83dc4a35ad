"use client";

import {
  accuracy,
  type Box,
  boundaryLine,
  type Dataset,
  decisionBoundary,
  logLoss,
  probabilityAt,
} from "@margin/core";
import { useMemo } from "react";
import { RangeField } from "../range-field";
import { type LabelledPoint, ScatterBoundaryChart } from "../scatter-boundary-chart";
import { Stat, Stats } from "../stat";
import { FixedNote, fixed, shown, WidgetLayout, type WidgetProps } from "./widget-kit";

export interface BoundaryExplorerState {
  w1: number;
  w2: number;
  b: number;
}

export interface BoundaryExplorerProps extends WidgetProps<BoundaryExplorerState> {
  data: Dataset;
  points: readonly LabelledPoint[];
  box: Box;
}

const CONTROLS = [
  { key: "w1", label: "w₁", min: -5, max: 5 },
  { key: "w2", label: "w₂", min: -5, max: 5 },
  { key: "b", label: "b", min: -10, max: 10 },
] as const;

/** The boundary in the form the lesson writes it, x₂ = −(w₁/w₂)x₁ − b/w₂, or why there is none. */
export function describeLine(w1: number, w2: number, b: number): string {
  const line = boundaryLine({ w: [w1, w2], b });
  if (line.kind === "line") {
    const sign = line.intercept < 0 ? "−" : "+";
    return `x₂ = ${fixed(line.slope)}·x₁ ${sign} ${fixed(Math.abs(line.intercept))}`;
  }
  if (line.kind === "vertical") return `x₁ = ${fixed(line.x)} (w₂ = 0: a vertical line)`;
  return "no boundary (w = 0: every point gets the same probability)";
}

/** Move w₁, w₂ and b by hand and watch the line, the shading, the log loss and the accuracy respond. */
export function BoundaryExplorer({ state, onChange, hidden, data, points, box }: BoundaryExplorerProps) {
  const { w1, w2, b } = state;
  const model = useMemo(() => ({ w: [w1, w2], b }), [w1, w2, b]);
  const probability = useMemo(() => probabilityAt(model), [model]);
  const loss = logLoss(model, data);
  const acc = accuracy(model, data);
  const line = boundaryLine(model);
  const equation = describeLine(w1, w2, b);
  const pinned = CONTROLS.filter((control) => !shown(hidden, control.key));
  return (
    <WidgetLayout
      visual={
        <ScatterBoundaryChart
          title="Boundary explorer"
          points={points}
          box={box}
          probability={probability}
          summaryExtra={`Log loss ${loss.toFixed(4)}, accuracy ${Math.round(acc * 100)}%.`}
          boundaries={[
            {
              id: "yours",
              name: "w₁x₁ + w₂x₂ + b = 0",
              color: "var(--ml-primary)",
              segment: decisionBoundary(model, box),
              description: equation,
              emphasized: true,
            },
          ]}
        />
      }
      controls={
        <div className="ml-stack">
          {CONTROLS.filter((control) => shown(hidden, control.key)).map((control) => (
            <RangeField
              key={control.key}
              label={control.label}
              min={control.min}
              max={control.max}
              step={0.1}
              value={state[control.key]}
              onChange={(value) => onChange({ [control.key]: Math.round(value * 10) / 10 })}
              format={(value) => fixed(value, 1)}
            />
          ))}
          <FixedNote
            items={pinned.map((control) => ({ label: control.label, value: fixed(state[control.key], 1) }))}
          />
          <p className="ml-widget-equation">{equation}</p>
          <Stats>
            <Stat label="Log loss" value={loss.toFixed(4)} />
            <Stat label="Accuracy" value={`${Math.round(acc * 100)}%`} />
            <Stat label="Slope −w₁/w₂" value={line.kind === "line" ? fixed(line.slope) : "—"} />
            <Stat label="Intercept −b/w₂" value={line.kind === "line" ? fixed(line.intercept) : "—"} />
          </Stats>
        </div>
      }
    />
  );
}
