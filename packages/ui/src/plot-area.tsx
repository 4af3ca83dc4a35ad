"use client";

import { type ReactNode, useCallback, useEffect, useState } from "react";
import { usePlotArea } from "recharts";
import { type PlotArea, sameArea } from "./plot-geometry";

/**
 * Rendered inside a recharts chart: tells the parent where the plot area is, so canvas layers drawn
 * outside recharts line up with its axes.
 */
export function PlotAreaReporter({ onArea }: { onArea: (area: PlotArea) => void }) {
  const area = usePlotArea();
  useEffect(() => {
    if (area) onArea({ x: area.x, y: area.y, width: area.width, height: area.height });
  }, [area, onArea]);
  return null;
}

/** The plot area as state, updated only when it really moves (a resize), plus the reporter's callback. */
export function useReportedPlotArea(): [PlotArea | null, (area: PlotArea) => void] {
  const [area, setArea] = useState<PlotArea | null>(null);
  const onArea = useCallback(
    (next: PlotArea) => setArea((previous) => (sameArea(previous, next) ? previous : next)),
    [],
  );
  return [area, onArea];
}

/**
 * The read-out shown where the pointer (or finger) picked something in a plot: above the point, and to
 * its left on the right half so it never runs off the chart.
 */
export function PlotTooltip({
  px,
  py,
  area,
  children,
}: {
  px: number;
  py: number;
  area: PlotArea | null;
  children: ReactNode;
}) {
  const flip = area !== null && px > area.x + area.width / 2;
  return (
    <div
      className="ml-plot-tooltip"
      role="tooltip"
      style={{ left: px, top: py, transform: `translate(${flip ? "-100%" : "0"}, -120%)` }}
    >
      {children}
    </div>
  );
}
