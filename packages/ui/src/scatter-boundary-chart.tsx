"use client";

import type { Box, Segment } from "@margin/core";
import { memo, type PointerEvent as ReactPointerEvent, useLayoutEffect, useRef, useState } from "react";
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from "recharts";
import { PlotAreaReporter, PlotTooltip, useReportedPlotArea } from "./plot-area";
import { type CanvasLine, cssColorResolver, drawLines, drawProbability, prepareCanvas } from "./plot-canvas";
import { type DataPath, type HitCandidate, nearestBoundary, niceTicks, type PlotArea } from "./plot-geometry";

export type { ProbabilityFn } from "./plot-canvas";

import type { ProbabilityFn } from "./plot-canvas";

export interface LabelledPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

export interface ChartBoundary {
  id: string;
  name: string;
  color: string;
  /** A straight boundary inside the box (null when it misses the box). */
  segment?: Segment | null;
  /**
   * A boundary as pieces to stroke, e.g. the contour w·φ(x) + b = 0 of a model with feature crosses
   * (core's `boundaryPaths`); drawn as well as `segment`, if both are given.
   */
  paths?: readonly DataPath[];
  /** Plain-language equation or figures, read out in the text alternative and shown on hover or tap. */
  description: string;
  emphasized?: boolean;
  /** Drawn faintly, e.g. everyone else while one student is spotlit. */
  dimmed?: boolean;
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
  /** Past this many boundaries the legend gives way to the hover/tap read-out and the text alternative. */
  maxLegendEntries?: number;
  /** Multiplies every boundary's stroke width: a projector seen from the back of a room wants thicker lines. */
  strokeScale?: number;
}

const CLASS_COLORS = ["var(--ml-cat)", "var(--ml-dog)"] as const;
const DEFAULT_AXIS_LABELS = ["x₁", "x₂"] as const;
const DEFAULT_CLASS_NAMES = ["Cats", "Dogs"] as const;
const CHART_MARGIN = { top: 12, right: 16, bottom: 24, left: 4 };
/** How close (CSS px) the pointer must come to a line to pick it: a fingertip needs more than a mouse. */
const HIT_TOLERANCE = { mouse: 8, touch: 20 } as const;

interface PlotBaseProps {
  points: readonly LabelledPoint[];
  box: Box;
  classNames: readonly [string, string];
  axisLabels: readonly [string, string];
  onArea: (area: PlotArea) => void;
}

const samePair = (a: readonly [string, string], b: readonly [string, string]) =>
  a[0] === b[0] && a[1] === b[1];
/** Labels compare by value: callers often pass a fresh ["Cats", "Dogs"] literal on every render. */
const samePlotBase = (a: PlotBaseProps, b: PlotBaseProps) =>
  a.points === b.points &&
  a.box === b.box &&
  a.onArea === b.onArea &&
  samePair(a.classNames, b.classNames) &&
  samePair(a.axisLabels, b.axisLabels);

/**
 * Axes, grid and data points: everything that stays put while a model trains. Memoised, so a new boundary
 * sixty times a second repaints two canvases instead of re-rendering the SVG chart.
 */
const PlotBase = memo(function PlotBase({ points, box, classNames, axisLabels, onArea }: PlotBaseProps) {
  const byClass = [points.filter((point) => point.label === 0), points.filter((point) => point.label === 1)];
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={CHART_MARGIN}>
        <PlotAreaReporter onArea={onArea} />
        <CartesianGrid stroke="var(--ml-border)" />
        <XAxis
          type="number"
          dataKey="x"
          name={axisLabels[0]}
          domain={[box.xMin, box.xMax]}
          allowDataOverflow
          ticks={niceTicks(box.xMin, box.xMax)}
          label={{ value: axisLabels[0], position: "insideBottom", offset: -14 }}
        />
        <YAxis
          type="number"
          dataKey="y"
          name={axisLabels[1]}
          domain={[box.yMin, box.yMax]}
          allowDataOverflow
          ticks={niceTicks(box.yMin, box.yMax)}
          width={48}
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
      </ScatterChart>
    </ResponsiveContainer>
  );
}, samePlotBase);

function pathsOf(boundary: ChartBoundary): DataPath[] {
  const paths: DataPath[] = [...(boundary.paths ?? [])];
  if (boundary.segment) paths.push([boundary.segment.from, boundary.segment.to]);
  return paths;
}

function linesOf(
  boundaries: readonly ChartBoundary[],
  curves: readonly ChartCurve[],
  strokeScale: number,
): CanvasLine[] {
  const lines: CanvasLine[] = [];
  for (const boundary of boundaries) {
    for (const path of pathsOf(boundary)) {
      lines.push({
        color: boundary.color,
        width: (boundary.emphasized ? 4 : 2.5) * strokeScale,
        opacity: boundary.dimmed ? 0.35 : 1,
        path,
      });
    }
  }
  for (const curve of curves) {
    lines.push({ color: curve.color, width: 3 * strokeScale, opacity: 1, path: curve.points });
  }
  return lines;
}

/**
 * The data as two coloured classes with any number of decision boundaries drawn over it. Points and axes
 * are SVG (recharts); the σ(z) shading and the boundaries are canvas layers under and over them, so
 * dozens of live boundaries stay cheap. Pointing at (or tapping) a line shows its name and figures.
 */
export function ScatterBoundaryChart({
  title,
  points,
  boundaries,
  box,
  classNames = DEFAULT_CLASS_NAMES,
  axisLabels = DEFAULT_AXIS_LABELS,
  probability,
  curves = [],
  summaryExtra,
  maxLegendEntries = 12,
  strokeScale = 1,
}: ScatterBoundaryChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const heat = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<HTMLCanvasElement>(null);
  const [area, onArea] = useReportedPlotArea();
  const [hover, setHover] = useState<{ id: string; px: number; py: number } | null>(null);

  useLayoutEffect(() => {
    const canvas = heat.current;
    const element = frame.current;
    if (!canvas || !element || !area) return;
    const context = prepareCanvas(canvas, element.clientWidth, element.clientHeight);
    if (context && probability) drawProbability(context, probability, box, area);
  }, [probability, box, area]);

  useLayoutEffect(() => {
    const canvas = strokes.current;
    const element = frame.current;
    if (!canvas || !element || !area) return;
    const context = prepareCanvas(canvas, element.clientWidth, element.clientHeight);
    if (!context) return;
    const lines = linesOf(boundaries, curves, strokeScale);
    const highlighted = hover ? [...boundaries, ...curves].find((line) => line.id === hover.id) : undefined;
    // The hovered line is redrawn on top, thicker, so it can be told apart in a crowd of sixty.
    if (highlighted) {
      const extra = linesOf(
        "points" in highlighted ? [] : [{ ...highlighted, dimmed: false, emphasized: true }],
        "points" in highlighted ? [highlighted] : [],
        strokeScale,
      );
      for (const line of extra) lines.push({ ...line, width: line.width + 1.5 * strokeScale });
    }
    drawLines(context, lines, box, area, cssColorResolver(element));
  }, [boundaries, curves, box, area, hover, strokeScale]);

  const candidates: HitCandidate[] = [
    ...boundaries.map((boundary) => ({
      id: boundary.id,
      segment: boundary.segment ?? null,
      paths: boundary.paths,
    })),
    ...curves.map((curve) => ({ id: curve.id, segment: null, points: curve.points })),
  ];
  function pick(event: ReactPointerEvent<HTMLDivElement>) {
    const element = frame.current;
    if (!element || !area) return;
    const rect = element.getBoundingClientRect();
    const pointer = { px: event.clientX - rect.left, py: event.clientY - rect.top };
    const tolerance = event.pointerType === "mouse" ? HIT_TOLERANCE.mouse : HIT_TOLERANCE.touch;
    const id = nearestBoundary(pointer, candidates, box, area, tolerance);
    setHover((previous) =>
      id === null
        ? null
        : previous?.id === id && event.type === "pointermove"
          ? previous
          : { id, ...pointer },
    );
  }
  const hovered = hover ? [...boundaries, ...curves].find((line) => line.id === hover.id) : undefined;

  const classCounts = [0, 0];
  for (const point of points) classCounts[point.label] = (classCounts[point.label] ?? 0) + 1;
  const lineCount = boundaries.length + curves.length;
  const summary = `${title}: ${classCounts[0]} ${classNames[0].toLowerCase()} and ${classCounts[1]} ${classNames[1].toLowerCase()}, ${lineCount} decision ${
    lineCount === 1 ? "boundary" : "boundaries"
  }${probability ? ", shaded by the model's probability σ(z)" : ""}.${summaryExtra ? ` ${summaryExtra}` : ""}`;
  const legend = [...boundaries, ...curves];

  return (
    <figure className="ml-chart" aria-label={title}>
      {/* Pointer handling only adds a visual read-out; every figure is also in the text alternative. */}
      <div
        ref={frame}
        className="ml-chart-frame ml-plot"
        role="img"
        aria-label={summary}
        onPointerMove={pick}
        onPointerDown={pick}
        onPointerLeave={() => setHover(null)}
      >
        <canvas ref={heat} className="ml-plot-layer" />
        <PlotBase points={points} box={box} classNames={classNames} axisLabels={axisLabels} onArea={onArea} />
        <canvas ref={strokes} className="ml-plot-layer" />
        {hover && hovered ? (
          <PlotTooltip px={hover.px} py={hover.py} area={area}>
            <strong>{hovered.name}</strong>
            <span>{hovered.description}</span>
          </PlotTooltip>
        ) : null}
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
          {legend.length <= maxLegendEntries ? (
            legend.map((boundary) => (
              <span key={boundary.id}>
                <span className="ml-swatch" style={{ background: boundary.color, height: 4 }} />
                {boundary.name}
              </span>
            ))
          ) : (
            <span>{legend.length} boundaries · point at one for its name and figures</span>
          )}
        </span>
        <span className="ml-visually-hidden">
          {summary} {legend.map((boundary) => `${boundary.name}: ${boundary.description}.`).join(" ")}
        </span>
      </figcaption>
    </figure>
  );
}
