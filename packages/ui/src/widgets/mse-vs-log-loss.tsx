"use client";

import { createDataset, gradients, logLoss, mseLoss } from "@margin/core";
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

/**
 * Both costs along one weight of the model ŷ = σ(w·x₁) on the lesson's data. One feature keeps the picture
 * one-dimensional; x₁ alone does not separate the classes perfectly, so log loss has a real minimum.
 */
export function MseVsLogLoss({ state, onChange, hidden, points }: MseVsLogLossProps) {
  const { mw } = state;
  const data = useMemo(
    () =>
      createDataset(
        points.map((p) => [p.x]),
        points.map((p) => p.label),
      ),
    [points],
  );
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
  const model = { w: [mw], b: 0 };
  const log = logLoss(model, data);
  const mse = mseLoss(model, data);
  const logSlope = gradients(model, data).dw[0] ?? 0;
  const mseSlope = gradients(model, data, { loss: "mse" }).dw[0] ?? 0;
  const ratio = Math.abs(mseSlope) > 1e-12 ? Math.abs(logSlope / mseSlope) : Number.POSITIVE_INFINITY;
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
                  { value: 6, label: "Near the best" },
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
          <p className="ml-widget-readout">
            {mw < -2
              ? `The model is confidently wrong here. MSE's gradient has all but vanished (${fixed(mseSlope, 4)}), so gradient descent barely moves; log loss still pulls ${Number.isFinite(ratio) ? `${Math.round(ratio)}×` : "infinitely"} harder.`
              : "Both slopes point the same way here; drag w below −2 to see MSE's gradient vanish."}
          </p>
        </div>
      }
    />
  );
}
