"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface LossPoint {
  iteration: number;
  loss: number;
}

export interface LossChartProps {
  title: string;
  points: readonly LossPoint[];
}

/** The training curve; the caption states the first and latest loss for screen readers. */
export function LossChart({ title, points }: LossChartProps) {
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last
      ? `${title}: log loss fell from ${first.loss.toFixed(4)} at step ${first.iteration} to ${last.loss.toFixed(4)} at step ${last.iteration}.`
      : `${title}: no training yet.`;
  return (
    <figure className="ml-chart" aria-label={title}>
      <div className="ml-chart-frame ml-chart-frame-wide" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points as LossPoint[]} margin={{ top: 12, right: 16, bottom: 24, left: 4 }}>
            <CartesianGrid stroke="var(--ml-border)" />
            <XAxis
              dataKey="iteration"
              type="number"
              domain={[0, "dataMax"]}
              label={{ value: "Step", position: "insideBottom", offset: -14 }}
            />
            <YAxis width={48} domain={[0, "auto"]} tickFormatter={(value: number) => value.toFixed(2)} />
            <Tooltip formatter={(value) => (typeof value === "number" ? value.toFixed(4) : value)} />
            <Line
              dataKey="loss"
              name="Log loss"
              stroke="var(--ml-primary)"
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
