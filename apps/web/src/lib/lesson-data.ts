import { type Box, CATS_VS_DOGS_FEATURES, catsVsDogs, type Dataset, seedBlobs } from "@margin/core";
import type { LabelledPoint } from "@margin/ui/scatter-boundary-chart";

/** The plotting window for the lesson's data (centres at (−2, −2) and (2, 2)). */
export const LESSON_BOX: Box = { xMin: -6, xMax: 6, yMin: -6, yMax: 6 };

function pointsOf(data: Dataset): LabelledPoint[] {
  const points: LabelledPoint[] = [];
  for (let i = 0; i < data.n; i += 1) {
    points.push({ x: data.x[2 * i] ?? 0, y: data.x[2 * i + 1] ?? 0, label: data.y[i] === 1 ? 1 : 0 });
  }
  return points;
}

let cached: { data: Dataset; points: LabelledPoint[] } | undefined;

/** The lesson's data, deterministic, generated once per page. */
export function lessonData(): { data: Dataset; points: LabelledPoint[] } {
  if (!cached) {
    const data = seedBlobs();
    cached = { data, points: pointsOf(data) };
  }
  return cached;
}

/**
 * The lesson's story in raw units: 100 cats and dogs, body mass (kg) and ear length (cm), heavily
 * overlapping (noise 1) and unscaled. Features around 5–20 instead of ±2 make gradient steps several
 * times larger, so learning rates of 1 and 3, harmless on the notebook's data, overshoot here.
 */
export const KG_CM_OPTIONS = { n: 100, noise: 1, seed: 0 } as const;
export const KG_CM_BOX: Box = { xMin: 0, xMax: 26, yMin: 2, yMax: 16 };
export const KG_CM_AXES = CATS_VS_DOGS_FEATURES;

let cachedKgCm: { data: Dataset; points: LabelledPoint[] } | undefined;

export function kgCmData(): { data: Dataset; points: LabelledPoint[] } {
  if (!cachedKgCm) {
    const data = catsVsDogs(KG_CM_OPTIONS);
    cachedKgCm = { data, points: pointsOf(data) };
  }
  return cachedKgCm;
}
