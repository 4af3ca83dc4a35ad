"use client";

import { type PointerEvent, useRef } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  usePlotArea,
  useXAxisInverseScale,
  XAxis,
  YAxis,
  ZIndexLayer,
} from "recharts";

export interface XY {
  x: number;
  y: number;
}

export interface FunctionSeries {
  id: string;
  name: string;
  color: string;
  points: readonly XY[];
  dashed?: boolean;
}

export interface ChartMarker {
  id: string;
  name: string;
  color: string;
  points: readonly XY[];
  /** Markers are points of interest; dots are data (smaller, translucent). */
  variant?: "marker" | "dot";
  shape?: "circle" | "triangle" | "diamond";
}

export interface ChartReference {
  id: string;
  axis: "x" | "y";
  value: number;
  label?: string;
  color?: string;
}

export interface FunctionChartProps {
  /** Accessible name of the figure. */
  title: string;
  /** What the chart shows right now, read by screen readers and printed in the caption. */
  summary: string;
  xDomain: readonly [number, number];
  yDomain: readonly [number, number];
  series?: readonly FunctionSeries[];
  markers?: readonly ChartMarker[];
  references?: readonly ChartReference[];
  /** A horizontal band, e.g. the [0, 1] range a probability must stay in. */
  band?: { from: number; to: number; label: string };
  axisLabels?: readonly [string, string];
  /** Pointer dragging across the plot reports x here (a slider beside the chart is the keyboard path). */
  onScrub?: (x: number) => void;
  wide?: boolean;
  tickFormat?: (value: number) => string;
  /** Explicit tick positions; recharts' automatic ones land on values like −7 and −1 for [−10, 10]. */
  xTicks?: readonly number[];
  yTicks?: readonly number[];
}

// Up to two decimals without trailing zeros, and a real minus sign to match the lesson's typography.
const defaultTick = (value: number) => String(Number(value.toFixed(2))).replace("-", "−");

/** A plot of one or more functions of x with points of interest: the lesson's curves (σ, −log ŷ, costs). */
export function FunctionChart({
  title,
  summary,
  xDomain,
  yDomain,
  series = [],
  markers = [],
  references = [],
  band,
  axisLabels = ["", ""],
  onScrub,
  wide = false,
  tickFormat = defaultTick,
  xTicks,
  yTicks,
}: FunctionChartProps) {
  return (
    <figure className="ml-chart" aria-label={title}>
      <div className={`ml-chart-frame ${wide ? "ml-chart-frame-wide" : ""}`} role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ top: 12, right: 16, bottom: 24, left: 4 }}>
            <CartesianGrid stroke="var(--ml-border)" />
            <XAxis
              type="number"
              dataKey="x"
              domain={[xDomain[0], xDomain[1]]}
              allowDataOverflow
              tickCount={9}
              ticks={xTicks as number[] | undefined}
              interval={0}
              tickFormatter={tickFormat}
              label={
                axisLabels[0] ? { value: axisLabels[0], position: "insideBottom", offset: -14 } : undefined
              }
            />
            <YAxis
              type="number"
              dataKey="y"
              domain={[yDomain[0], yDomain[1]]}
              allowDataOverflow
              tickCount={6}
              ticks={yTicks as number[] | undefined}
              interval={0}
              width={58}
              tickFormatter={tickFormat}
              label={
                axisLabels[1]
                  ? { value: axisLabels[1], angle: -90, position: "insideLeft", offset: 2 }
                  : undefined
              }
            />
            {band ? (
              <ReferenceArea
                y1={band.from}
                y2={band.to}
                fill="var(--ml-success)"
                fillOpacity={0.08}
                ifOverflow="hidden"
                label={{
                  value: band.label,
                  position: "insideTopLeft",
                  fill: "var(--ml-success)",
                  fontSize: 12,
                }}
              />
            ) : null}
            {references.map((reference) => (
              <ReferenceLine
                key={reference.id}
                {...(reference.axis === "x" ? { x: reference.value } : { y: reference.value })}
                stroke={reference.color ?? "var(--ml-text-muted)"}
                strokeDasharray="5 4"
                ifOverflow="hidden"
                label={
                  reference.label
                    ? {
                        value: reference.label,
                        position: reference.axis === "y" ? "insideBottomRight" : "insideTopLeft",
                        fill: "var(--ml-text-muted)",
                        fontSize: 12,
                      }
                    : undefined
                }
              />
            ))}
            {series.map((line) => (
              <Line
                key={line.id}
                data={line.points as XY[]}
                dataKey="y"
                name={line.name}
                type="linear"
                stroke={line.color}
                strokeWidth={3}
                strokeDasharray={line.dashed ? "7 5" : undefined}
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            ))}
            {markers.map((marker) => (
              <Scatter
                key={marker.id}
                name={marker.name}
                data={marker.points as XY[]}
                fill={marker.color}
                fillOpacity={marker.variant === "dot" ? 0.55 : 1}
                stroke={marker.variant === "dot" ? undefined : "#fff"}
                strokeWidth={2}
                shape={marker.shape ?? "circle"}
                legendType="none"
                isAnimationActive={false}
                zIndex={marker.variant === "dot" ? 600 : 700}
              />
            ))}
            {onScrub ? <ScrubLayer onScrub={onScrub} domain={xDomain} /> : null}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <span className="ml-row" aria-hidden="true">
          {series.map((line) => (
            <span key={line.id}>
              <span className="ml-swatch" style={{ background: line.color, height: 4 }} />
              {line.name}
            </span>
          ))}
          {markers
            .filter((marker) => marker.variant !== "dot")
            .map((marker) => (
              <span key={marker.id}>
                <span className="ml-swatch" style={{ background: marker.color, borderRadius: "50%" }} />
                {marker.name}
              </span>
            ))}
        </span>
        <span className="ml-visually-hidden">{summary}</span>
      </figcaption>
    </figure>
  );
}

/** A transparent rectangle over the plot that turns pointer drags into x values. */
function ScrubLayer({
  onScrub,
  domain,
}: {
  onScrub: (x: number) => void;
  domain: readonly [number, number];
}) {
  const area = usePlotArea();
  const invert = useXAxisInverseScale();
  const dragging = useRef(false);
  if (!area || !invert) return null;

  function report(event: PointerEvent<SVGRectElement>) {
    const svg = event.currentTarget.ownerSVGElement;
    if (!svg || !invert) return;
    const value = Number(invert(event.clientX - svg.getBoundingClientRect().left));
    if (Number.isFinite(value)) onScrub(Math.min(domain[1], Math.max(domain[0], value)));
  }

  return (
    <ZIndexLayer zIndex={1500}>
      <rect
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        fill="transparent"
        style={{ cursor: "ew-resize", touchAction: "none" }}
        onPointerDown={(event) => {
          dragging.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
          report(event);
        }}
        onPointerMove={(event) => {
          if (dragging.current) report(event);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      />
    </ZIndexLayer>
  );
}
