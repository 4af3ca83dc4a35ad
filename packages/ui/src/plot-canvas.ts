import type { Box } from "@margin/core";
import { type PlotArea, toPixel } from "./plot-geometry";

/** p(x₁, x₂) ∈ [0, 1], the model's probability of class 1 at a point of the plane. */
export type ProbabilityFn = (x1: number, x2: number) => number;

// Cat orange and dog blue as RGB, so the background agrees with the point colours in styles.css.
const CAT_RGB = [232, 89, 12] as const;
const DOG_RGB = [28, 126, 214] as const;
const MAX_ALPHA = 0.38;
/** Cells per side: coarse enough to redraw every animation frame, smooth once the canvas scales it up. */
const RESOLUTION = 72;

export interface CanvasLine {
  color: string;
  width: number;
  /** 0–1; dimmed boundaries recede when one is spotlit. */
  opacity: number;
  /** Data-space vertices, joined in order. */
  path: readonly { x: number; y: number }[];
}

/**
 * Sizes a canvas to its CSS box times the device pixel ratio (sharp lines on projectors and phones) and
 * returns a context that draws in CSS pixels. Returns null when there is nothing to draw into.
 */
export function prepareCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number) {
  const ratio = Math.min(3, globalThis.devicePixelRatio || 1);
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) return null;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, cssWidth, cssHeight);
  return context;
}

/** One RESOLUTION² image of p over the box; the tint fades to nothing at p = 0.5, so the boundary is the seam. */
function probabilityPixels(probability: ProbabilityFn, box: Box, image: ImageData): void {
  const { width, height, data } = image;
  const dx = (box.xMax - box.xMin) / width;
  const dy = (box.yMax - box.yMin) / height;
  for (let row = 0; row < height; row++) {
    const x2 = box.yMax - (row + 0.5) * dy;
    for (let col = 0; col < width; col++) {
      const p = probability(box.xMin + (col + 0.5) * dx, x2);
      const safe = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
      const rgb = safe >= 0.5 ? DOG_RGB : CAT_RGB;
      const offset = 4 * (row * width + col);
      data[offset] = rgb[0];
      data[offset + 1] = rgb[1];
      data[offset + 2] = rgb[2];
      data[offset + 3] = Math.round(255 * MAX_ALPHA * Math.abs(safe - 0.5) * 2);
    }
  }
}

let scratch: HTMLCanvasElement | null = null;

/** The σ(z) heat map, stretched over the plot area with smoothing (no PNG encoding, no DOM churn). */
export function drawProbability(
  context: CanvasRenderingContext2D,
  probability: ProbabilityFn,
  box: Box,
  area: PlotArea,
): void {
  scratch ??= document.createElement("canvas");
  scratch.width = RESOLUTION;
  scratch.height = RESOLUTION;
  const small = scratch.getContext("2d");
  if (!small) return;
  const image = small.createImageData(RESOLUTION, RESOLUTION);
  probabilityPixels(probability, box, image);
  small.putImageData(image, 0, 0);
  context.imageSmoothingEnabled = true;
  context.drawImage(scratch, area.x, area.y, area.width, area.height);
}

/** Boundaries as strokes clipped to the plot area; later lines draw on top (callers put the spotlight last). */
export function drawLines(
  context: CanvasRenderingContext2D,
  lines: readonly CanvasLine[],
  box: Box,
  area: PlotArea,
  resolveColor: (color: string) => string,
): void {
  context.save();
  context.beginPath();
  context.rect(area.x, area.y, area.width, area.height);
  context.clip();
  context.lineCap = "round";
  context.lineJoin = "round";
  for (const line of lines) {
    const [first, ...rest] = line.path;
    if (!first || rest.length === 0) continue;
    context.globalAlpha = line.opacity;
    context.strokeStyle = resolveColor(line.color);
    context.lineWidth = line.width;
    context.beginPath();
    const start = toPixel(box, area, first.x, first.y);
    context.moveTo(start.px, start.py);
    for (const vertex of rest) {
      const next = toPixel(box, area, vertex.x, vertex.y);
      context.lineTo(next.px, next.py);
    }
    context.stroke();
  }
  context.restore();
}

/**
 * Canvas can't read CSS custom properties, so `var(--ml-primary)` is looked up on the element (which
 * also follows a dark theme). Cached per render pass by the caller.
 */
export function cssColorResolver(element: Element): (color: string) => string {
  const cache = new Map<string, string>();
  const style = getComputedStyle(element);
  return (color) => {
    const match = /^var\((--[\w-]+)\)$/.exec(color.trim());
    if (!match?.[1]) return color;
    let resolved = cache.get(match[1]);
    if (resolved === undefined) {
      resolved = style.getPropertyValue(match[1]).trim() || "#333";
      cache.set(match[1], resolved);
    }
    return resolved;
  };
}
