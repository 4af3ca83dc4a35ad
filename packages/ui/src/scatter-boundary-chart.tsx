"use client";

import type { Box, Segment } from "@margin/core";
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  XAxis,
  YAxis,
} from "recharts";
import { type ProbabilityFn, ProbabilityHeatmap } from "./probability-heatmap";

export interface LabelledPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

export interface ChartBoundary {
  id: string;
  name: string;
  color: string;
  segment: Segment | null;
  /** Plain-language equation or figures, read out in the text alternative. */
  description: string;
  emphasized?: boolean;
}

/** A boundary that is not a straight line (e.g. the ellipse of a model with squared features). */
export interface ChartCurve {
  id: string;
  name: string;
  color: string;
  points: readonly { x: number; y: number }[];
  description: string;
}

export interface ScatterBoundaryChartProps {
  title: string;
  points: readonly LabelledPoint[];
  boundaries: readonly ChartBoundary[];
  box: Box;
  classNames?: readonly [string, string];
  axisLabels?: readonly [string, string];
  /** When given, the model's probability of class 1 is shaded under everything else (σ(z) heat map). */
  probability?: ProbabilityFn;
  /** Curved boundaries, drawn like the straight ones. */
  curves?: readonly ChartCurve[];
  /** Extra sentence for the text alternative, e.g. the model's accuracy. */
  summaryExtra?: string;
}

const CLASS_COLORS = ["var(--ml-cat)", "var(--ml-dog)"] as const;

/**
 * The data as two coloured classes with any number of decision boundaries drawn over it.
 * Animation is off: boundaries move live, and a tween would show lines that never existed.
 */
export function ScatterBoundaryChart({
  title,
  points,
  boundaries,
  box,
  classNames = ["Cats", "Dogs"],
  axisLabels = ["x₁", "x₂"],
  probability,
  curves = [],
  summaryExtra,
}: ScatterBoundaryChartProps) {
  const byClass = [points.filter((point) => point.label === 0), points.filter((point) => point.label === 1)];
  const summary = `${title}: ${byClass[0]?.length ?? 0} ${classNames[0].toLowerCase()} and ${
    byClass[1]?.length ?? 0
  } ${classNames[1].toLowerCase()}, ${boundaries.length + curves.length} decision ${
    boundaries.length + curves.length === 1 ? "boundary" : "boundaries"
  }${probability ? ", shaded by the model's probability σ(z)" : ""}.${summaryExtra ? ` ${summaryExtra}` : ""}`;
  return (
    <figure className="ml-chart" aria-label={title}>
      <div className="ml-chart-frame" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 12, right: 16, bottom: 24, left: 4 }}>
            {probability ? <ProbabilityHeatmap probability={probability} box={box} /> : null}
            <CartesianGrid stroke="var(--ml-border)" />
            <XAxis
              type="number"
              dataKey="x"
              name={axisLabels[0]}
              domain={[box.xMin, box.xMax]}
              allowDataOverflow
              tickCount={9}
              label={{ value: axisLabels[0], position: "insideBottom", offset: -14 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              name={axisLabels[1]}
              domain={[box.yMin, box.yMax]}
              allowDataOverflow
              tickCount={9}
              width={40}
              label={{ value: axisLabels[1], angle: -90, position: "insideLeft", offset: 12 }}
            />
            {byClass.map((classPoints, label) => (
              <Scatter
                key={classNames[label]}
                name={classNames[label]}
                data={classPoints}
                fill={CLASS_COLORS[label]}
                shape={label === 0 ? "circle" : "triangle"}
                isAnimationActive={false}
              />
            ))}
            {boundaries.map((boundary) =>
              boundary.segment ? (
                <ReferenceLine
                  key={boundary.id}
                  segment={[boundary.segment.from, boundary.segment.to]}
                  stroke={boundary.color}
                  strokeWidth={boundary.emphasized ? 4 : 2.5}
                  ifOverflow="hidden"
                />
              ) : null,
            )}
            {curves.map((curve) => (
              <Scatter
                key={curve.id}
                name={curve.name}
                data={curve.points as { x: number; y: number }[]}
                line={{ stroke: curve.color, strokeWidth: 3 }}
                lineType="joint"
                shape={() => <g />}
                isAnimationActive={false}
                legendType="none"
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <span className="ml-row" aria-hidden="true">
          <span>
            <span className="ml-swatch" style={{ background: CLASS_COLORS[0], borderRadius: "50%" }} />
            {classNames[0]}
          </span>
          <span>
            <span className="ml-swatch" style={{ background: CLASS_COLORS[1] }} />
            {classNames[1]}
          </span>
          {[...boundaries, ...curves].map((boundary) => (
            <span key={boundary.id}>
              <span className="ml-swatch" style={{ background: boundary.color, height: 4 }} />
              {boundary.name}
            </span>
          ))}
        </span>
        <span className="ml-visually-hidden">
          {summary}{" "}
          {[...boundaries, ...curves]
            .map((boundary) => `${boundary.name}: ${boundary.description}.`)
            .join(" ")}
        </span>
      </figcaption>
    </figure>
  );
}
