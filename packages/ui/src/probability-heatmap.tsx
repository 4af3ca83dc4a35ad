"use client";

import type { Box } from "@margin/core";
import { useMemo } from "react";
import { usePlotArea, ZIndexLayer } from "recharts";

/** p(x₁, x₂) ∈ [0, 1], the model's probability of class 1 at a point of the plane. */
export type ProbabilityFn = (x1: number, x2: number) => number;

// Cat orange and dog blue as RGB, so the background agrees with the point colours in styles.css.
const CAT_RGB = [232, 89, 12] as const;
const DOG_RGB = [28, 126, 214] as const;
const MAX_ALPHA = 0.38;
/** Cells per side: coarse enough to redraw every animation frame, smooth once the browser scales it up. */
const RESOLUTION = 72;

/**
 * Renders p over `box` into a tiny canvas and returns it as a data URL (undefined on the server).
 * The tint fades to nothing at p = 0.5, so the boundary reads as the seam between two colours.
 */
export function probabilityImage(probability: ProbabilityFn, box: Box, resolution = RESOLUTION) {
  if (typeof document === "undefined") return undefined;
  const canvas = document.createElement("canvas");
  canvas.width = resolution;
  canvas.height = resolution;
  const context = canvas.getContext("2d");
  if (!context) return undefined;
  const image = context.createImageData(resolution, resolution);
  const dx = (box.xMax - box.xMin) / resolution;
  const dy = (box.yMax - box.yMin) / resolution;
  for (let row = 0; row < resolution; row++) {
    const x2 = box.yMax - (row + 0.5) * dy;
    for (let col = 0; col < resolution; col++) {
      const p = probability(box.xMin + (col + 0.5) * dx, x2);
      const safe = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
      const rgb = safe >= 0.5 ? DOG_RGB : CAT_RGB;
      const offset = 4 * (row * resolution + col);
      image.data[offset] = rgb[0];
      image.data[offset + 1] = rgb[1];
      image.data[offset + 2] = rgb[2];
      image.data[offset + 3] = Math.round(255 * MAX_ALPHA * Math.abs(safe - 0.5) * 2);
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL();
}

/**
 * The σ(z) heat map as a chart layer under the grid, points and boundary. Must be a child of a recharts
 * cartesian chart whose axes span exactly `box` (allowDataOverflow), since it fills the plot area.
 */
export function ProbabilityHeatmap({ probability, box }: { probability: ProbabilityFn; box: Box }) {
  const area = usePlotArea();
  const href = useMemo(() => probabilityImage(probability, box), [probability, box]);
  if (!area || !href) return null;
  return (
    <ZIndexLayer zIndex={-200}>
      <image
        href={href}
        x={area.x}
        y={area.y}
        width={area.width}
        height={area.height}
        preserveAspectRatio="none"
      />
    </ZIndexLayer>
  );
}
