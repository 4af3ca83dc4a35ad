import { type Box, type Dataset, seedBlobs } from "@margin/core";
import type { LabelledPoint } from "@margin/ui/scatter-boundary-chart";

/** The plotting window for the lesson's data (centres at (−2, −2) and (2, 2)). */
export const LESSON_BOX: Box = { xMin: -6, xMax: 6, yMin: -6, yMax: 6 };

let cached: { data: Dataset; points: LabelledPoint[] } | undefined;

/** The lesson's data, deterministic, generated once per page. */
export function lessonData(): { data: Dataset; points: LabelledPoint[] } {
  if (!cached) {
    const data = seedBlobs();
    const points: LabelledPoint[] = [];
    for (let i = 0; i < data.n; i += 1) {
      points.push({ x: data.x[2 * i] ?? 0, y: data.x[2 * i + 1] ?? 0, label: data.y[i] === 1 ? 1 : 0 });
    }
    cached = { data, points };
  }
  return cached;
}
