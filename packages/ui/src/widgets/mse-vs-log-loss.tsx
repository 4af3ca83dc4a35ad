"use client";

import { createDataset, type Dataset, gradients, logLoss, mseLoss } from "@margin/core";
import { useMemo } from "react";
import { FunctionChart } from "../function-chart";
import { RangeField } from "../range-field";
import type { LabelledPoint } from "../scatter-boundary-chart";
import { Stat, Stats } from "../stat";
import { FixedNote, fixed, Presets, shown, WidgetLayout, type WidgetProps } from "./widget-kit";

export interface MseVsLogLossState {
  /** The one weight being varied, w in ŷ = σ(w·x₁). */
  mw: number;
}

export interface MseVsLogLossProps extends WidgetProps<MseVsLogLossState> {
  points: readonly LabelledPoint[];
}

const DOMAIN: readonly [number, number] = [-8, 10];
const W_TICKS = [-8, -6, -4, -2, 0, 2, 4, 6, 8, 10];
/** Below this a slope is zero for the read-out (the slider moves in steps of 0.1). */
const FLAT = 1e-7;

/** How the two slopes at one w compare: what the read-out says is computed from this, never assumed. */
export type SlopeVerdict = "vanishing" | "agree" | "disagree" | "flat";

/**
 * "disagree": the slopes have opposite signs (gradient descent on MSE and on log loss would move w in
 * opposite directions). "vanishing": same direction, but the model is confidently wrong (log loss's slope
 * is steep, ≥ 0.5) while MSE's is at least 10× flatter. "flat": one of them is zero.
 */
export function compareSlopes(mseSlope: number, logSlope: number): { verdict: SlopeVerdict; ratio: number } {
  const ratio = Math.abs(mseSlope) > 0 ? Math.abs(logSlope / mseSlope) : Number.POSITIVE_INFINITY;
  if (Math.abs(mseSlope) < FLAT || Math.abs(logSlope) < FLAT) return { verdict: "flat", ratio };
  if (Math.sign(mseSlope) !== Math.sign(logSlope)) return { verdict: "disagree", ratio };
  if (Math.abs(logSlope) >= 0.5 && ratio >= 10) return { verdict: "vanishing", ratio };
  return { verdict: "agree", ratio };
}

/** The model ŷ = σ(w·x₁) with no bias: x₁ of each point, and its label. */
export function oneWeightData(points: readonly LabelledPoint[]) {
  return createDataset(
    points.map((p) => [p.x]),
    points.map((p) => p.label),
  );
}

/** d(MSE)/dw and d(log loss)/dw of ŷ = σ(w·x₁) at w. */
export function oneWeightSlopes(data: Dataset, w: number): { mse: number; log: number } {
  const model = { w: [w], b: 0 };
  return {
    mse: gradients(model, data, { loss: "mse" }).dw[0] ?? 0,
    log: gradients(model, data).dw[0] ?? 0,
  };
}

/** Where each cost is lowest along w, to 0.01 (both have a single minimum on this data). */
export function oneWeightMinima(data: Dataset): { mse: number; log: number } {
  let mse = { w: 0, value: Number.POSITIVE_INFINITY };
  let log = { w: 0, value: Number.POSITIVE_INFINITY };
  for (let i = 0; i <= 1800; i++) {
    const w = DOMAIN[0] + i / 100;
    const model = { w: [w], b: 0 };
    const m = mseLoss(model, data);
    const l = logLoss(model, data);
    if (m < mse.value) mse = { w, value: m };
    if (l < log.value) log = { w, value: l };
  }
  return { mse: mse.w, log: log.w };
}

/**
 * Both costs along one weight of the model ŷ = σ(w·x₁) on the lesson's data. One feature keeps the picture
 * one-dimensional. x₁ alone would separate the classes, but only with a threshold near 0.4: with the
 * boundary forced through the origin (no b) a cat at x₁ ≈ 0.27 stays misclassified, so log loss has a real
 * minimum (w ≈ 6.38) instead of falling forever.
 */
export function MseVsLogLoss({ state, onChange, hidden, points }: MseVsLogLossProps) {
  const { mw } = state;
  const data = useMemo(() => oneWeightData(points), [points]);
  const curves = useMemo(() => {
    const log: { x: number; y: number }[] = [];
    const mse: { x: number; y: number }[] = [];
    for (let i = 0; i <= 180; i++) {
      const w = DOMAIN[0] + ((DOMAIN[1] - DOMAIN[0]) * i) / 180;
      log.push({ x: w, y: logLoss({ w: [w], b: 0 }, data) });
      mse.push({ x: w, y: mseLoss({ w: [w], b: 0 }, data) });
    }
    return { log, mse };
  }, [data]);
  const minima = useMemo(() => oneWeightMinima(data), [data]);
  const model = { w: [mw], b: 0 };
  const log = logLoss(model, data);
  const mse = mseLoss(model, data);
  const { mse: mseSlope, log: logSlope } = oneWeightSlopes(data, mw);
  const { verdict, ratio } = compareSlopes(mseSlope, logSlope);
  const scrub = shown(hidden, "mw") ? (x: number) => onChange({ mw: Math.round(x * 10) / 10 }) : undefined;
  const here = (y: number) => [{ x: mw, y }];

  return (
    <WidgetLayout
      visual={
        <div className="ml-stack">
          <FunctionChart
            title="Mean squared error along one weight"
            summary={`MSE of σ(w·x₁) for w from −8 to 10: a flat plateau near 1 for negative w, a drop around 0, and another plateau near 0. At w = ${fixed(mw, 1)} it is ${mse.toFixed(3)} with slope ${fixed(mseSlope, 4)}.`}
            xDomain={DOMAIN}
            yDomain={[0, 1]}
            xTicks={W_TICKS}
            yTicks={[0, 0.25, 0.5, 0.75, 1]}
            axisLabels={["w", "MSE"]}
            series={[{ id: "mse", name: "MSE", color: "var(--ml-cat)", points: curves.mse }]}
            markers={[
              { id: "mse-here", name: `w = ${fixed(mw, 1)}`, color: "var(--ml-text)", points: here(mse) },
            ]}
            onScrub={scrub}
            wide
          />
          <FunctionChart
            title="Log loss along one weight"
            summary={`Log loss of σ(w·x₁) for w from −8 to 10: a convex bowl, steep for negative w, lowest near w = 6. At w = ${fixed(mw, 1)} it is ${log.toFixed(3)} with slope ${fixed(logSlope, 4)}.`}
            xDomain={DOMAIN}
            yDomain={[0, 16]}
            xTicks={W_TICKS}
            yTicks={[0, 4, 8, 12, 16]}
            axisLabels={["w", "log loss"]}
            series={[{ id: "log", name: "Log loss", color: "var(--ml-primary)", points: curves.log }]}
            markers={[
              {
                id: "log-here",
                name: `w = ${fixed(mw, 1)}`,
                color: "var(--ml-text)",
                points: here(Math.min(log, 16)),
              },
            ]}
            onScrub={scrub}
            wide
          />
        </div>
      }
      controls={
        <div className="ml-stack">
          {shown(hidden, "mw") ? (
            <>
              <RangeField
                label="Weight w"
                min={DOMAIN[0]}
                max={DOMAIN[1]}
                step={0.1}
                value={mw}
                onChange={(value) => onChange({ mw: Math.round(value * 10) / 10 })}
                format={(value) => fixed(value, 1)}
              />
              <Presets
                label="Jump to"
                value={mw}
                onPick={(value) => onChange({ mw: value })}
                options={[
                  { value: -6, label: "Confidently wrong" },
                  { value: 0, label: "Unsure" },
                  { value: 6, label: "Near log loss's best" },
                ]}
              />
            </>
          ) : (
            <FixedNote items={[{ label: "w", value: fixed(mw, 1) }]} />
          )}
          <Stats>
            <Stat label="MSE slope" value={fixed(mseSlope, 4)} />
            <Stat label="Log-loss slope" value={fixed(logSlope, 4)} />
          </Stats>
          <p className="ml-widget-readout" aria-live="polite">
            {readout(verdict, ratio, mseSlope, logSlope, minima)}
          </p>
        </div>
      }
    />
  );
}

const direction = (slope: number) => (slope < 0 ? "a larger w" : "a smaller w");

/** The read-out, from how the slopes compare right here. */
function readout(
  verdict: SlopeVerdict,
  ratio: number,
  mseSlope: number,
  logSlope: number,
  minima: { mse: number; log: number },
): string {
  switch (verdict) {
    case "vanishing":
      return `The model is confidently wrong here. Both slopes point towards ${direction(logSlope)}, but MSE's has all but vanished (${fixed(mseSlope, 4)}), so gradient descent barely moves; log loss pulls ${Math.round(ratio)}× harder.`;
    case "disagree":
      return `The slopes point opposite ways here: downhill is towards ${direction(mseSlope)} for MSE but ${direction(logSlope)} for log loss. Their minima differ (MSE's at w ≈ ${fixed(minima.mse, 2)}, log loss's at w ≈ ${fixed(minima.log, 2)}), and w sits between them.`;
    case "flat":
      return "One of the slopes is zero here: that cost is at its minimum.";
    case "agree":
      return `Both slopes point the same way here: downhill is towards ${direction(logSlope)} for both costs.`;
  }
}
