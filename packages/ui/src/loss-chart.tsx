"use client";

import { memo, type PointerEvent as ReactPointerEvent, useLayoutEffect, useRef, useState } from "react";
import { CartesianGrid, LineChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { PlotAreaReporter, PlotTooltip, useReportedPlotArea } from "./plot-area";
import { cssColorResolver, drawLines, prepareCanvas } from "./plot-canvas";
import { niceCeiling, type PlotArea, toPixel } from "./plot-geometry";

export interface LossPoint {
  iteration: number;
  loss: number;
}

export interface LossChartProps {
  title: string;
  points: readonly LossPoint[];
  /** The last step of the run, when known: a fixed axis doesn't rescale (and re-render) while training. */
  maxIteration?: number;
}

const CHART_MARGIN = { top: 12, right: 16, bottom: 24, left: 4 };
const Y_INTERVALS = 5;

/** Steps on a round grid (multiples of a 1–2–2.5–5 step), never past the last step of the run. */
function stepTicks(xMax: number): number[] {
  // Steps are whole numbers: a short (or empty) run still ticks 0, 1, 2 and not 0.2, 0.4.
  const step = Math.max(1, niceCeiling(xMax / Y_INTERVALS));
  const ticks: number[] = [];
  for (let k = 0; k * step <= xMax + 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Evenly spaced ticks up to the (round) top of the axis, with as many decimals as their step needs. */
function lossTicks(yMax: number): { ticks: number[]; format: (value: number) => string } {
  const step = yMax / Y_INTERVALS;
  const decimals = Math.min(6, Math.max(2, Math.ceil(-Math.log10(step) + 1e-9)));
  const ticks = Array.from({ length: Y_INTERVALS + 1 }, (_, k) => Number((k * step).toPrecision(12)));
  return { ticks, format: (value) => value.toFixed(decimals) };
}

/** Grid and axes only; re-rendered when the axes' range changes, not on every new point. */
const LossAxes = memo(function LossAxes({
  xMax,
  yMax,
  onArea,
}: {
  xMax: number;
  yMax: number;
  onArea: (area: PlotArea) => void;
}) {
  const { ticks, format } = lossTicks(yMax);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={CHART_MARGIN}>
        <PlotAreaReporter onArea={onArea} />
        <CartesianGrid stroke="var(--ml-border)" />
        <XAxis
          type="number"
          dataKey="iteration"
          domain={[0, xMax]}
          allowDataOverflow
          ticks={stepTicks(xMax)}
          label={{ value: "Step", position: "insideBottom", offset: -14 }}
        />
        <YAxis
          type="number"
          width={48}
          domain={[0, yMax]}
          allowDataOverflow
          ticks={ticks}
          tickFormatter={format}
        />
      </LineChart>
    </ResponsiveContainer>
  );
});

/** Splits the curve where the loss stops being finite (a diverging run), so no line crosses the gap. */
function finiteRuns(points: readonly LossPoint[]): { x: number; y: number }[][] {
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  for (const point of points) {
    if (Number.isFinite(point.loss)) run.push({ x: point.iteration, y: point.loss });
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The training curve. Axes are SVG; the curve itself is a canvas line, so a run that adds points ten
 * times a second costs a redraw, not a chart re-render. Pointing at the curve reads out a step's loss; the
 * caption states the first and latest loss for screen readers.
 */
export const LossChart = memo(function LossChart({ title, points, maxIteration }: LossChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [area, onArea] = useReportedPlotArea();
  const [hover, setHover] = useState<{ point: LossPoint; px: number; py: number } | null>(null);

  const first = points[0];
  const last = points[points.length - 1];
  let highest = 0;
  for (const point of points) if (Number.isFinite(point.loss)) highest = Math.max(highest, point.loss);
  const yMax = niceCeiling(highest);
  const xMax = Math.max(1, maxIteration ?? last?.iteration ?? 1);
  const box = { xMin: 0, xMax, yMin: 0, yMax };

  useLayoutEffect(() => {
    const element = frame.current;
    const target = canvas.current;
    if (!element || !target || !area) return;
    const context = prepareCanvas(target, element.clientWidth, element.clientHeight);
    if (!context) return;
    const lines = finiteRuns(points).map((path) => ({
      color: "var(--ml-primary)",
      width: 2.5,
      opacity: 1,
      path,
    }));
    drawLines(context, lines, { xMin: 0, xMax, yMin: 0, yMax }, area, cssColorResolver(element));
  }, [points, area, xMax, yMax]);

  function pick(event: ReactPointerEvent<HTMLDivElement>) {
    const element = frame.current;
    if (!element || !area || points.length === 0) return;
    const rect = element.getBoundingClientRect();
    const iteration = ((event.clientX - rect.left - area.x) / area.width) * xMax;
    let nearest: LossPoint | undefined;
    for (const point of points) {
      if (!nearest || Math.abs(point.iteration - iteration) < Math.abs(nearest.iteration - iteration))
        nearest = point;
    }
    if (!nearest || iteration < 0 || iteration > xMax) return setHover(null);
    const { px, py } = toPixel(
      box,
      area,
      nearest.iteration,
      Number.isFinite(nearest.loss) ? nearest.loss : yMax,
    );
    setHover({ point: nearest, px, py });
  }

  const summary =
    first && last
      ? `${title}: log loss ${last.loss <= first.loss ? "fell" : "rose"} from ${first.loss.toFixed(4)} at step ${first.iteration} to ${last.loss.toFixed(4)} at step ${last.iteration}${highest > Math.max(first.loss, last.loss) ? `, peaking at ${highest.toFixed(4)}` : ""}.`
      : `${title}: no training yet.`;
  return (
    <figure className="ml-chart" aria-label={title}>
      <div
        ref={frame}
        className="ml-chart-frame ml-chart-frame-wide ml-plot"
        role="img"
        aria-label={summary}
        onPointerMove={pick}
        onPointerDown={pick}
        onPointerLeave={() => setHover(null)}
      >
        <LossAxes xMax={xMax} yMax={yMax} onArea={onArea} />
        <canvas ref={canvas} className="ml-plot-layer" />
        {hover ? (
          <>
            <span className="ml-plot-marker" style={{ left: hover.px, top: hover.py }} />
            <PlotTooltip px={hover.px} py={hover.py} area={area}>
              <strong>Step {hover.point.iteration}</strong>
              <span>
                log loss {Number.isFinite(hover.point.loss) ? hover.point.loss.toFixed(4) : "not a number"}
              </span>
            </PlotTooltip>
          </>
        ) : null}
      </div>
      <figcaption>{summary}</figcaption>
    </figure>
  );
});
