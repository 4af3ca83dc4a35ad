import { FEATURE_LABELS, isLinear } from "@margin/core";
import { formatLoss } from "~/lib/format";
import type { ColoredBoundary } from "~/lib/live-boundaries";

/** The public board's rows, as `challenge.leaderboard` sends them during the race (best first). */
interface BoardRow {
  studentId: string;
  nickname: string;
  publicLoss: number | null;
  publicRank: number | null;
}

export const TOP_BOARD_SIZE = 10;

/** The crosses a student's latest model uses ("x₁² x₂²"), or "" for a straight boundary. */
function crossesOf(latest: ColoredBoundary | undefined): string {
  if (!latest || isLinear(latest.features)) return "";
  return latest.features
    .filter((feature) => feature !== "x1" && feature !== "x2")
    .map((feature) => FEATURE_LABELS[feature])
    .join(" ");
}

/**
 * The live top 10 in type readable from the back of a classroom: rank, the student's boundary colour (the
 * chart's legend), name, the crosses their latest model uses (a curve on the chart), and best public log
 * loss, scored by the server.
 */
export function TopBoard({
  rows,
  live,
}: {
  rows: readonly BoardRow[];
  live: ReadonlyMap<string, ColoredBoundary>;
}) {
  const top = rows.slice(0, TOP_BOARD_SIZE);
  return (
    <section className="ml-projector-board" aria-labelledby="projector-board-title">
      <h2 id="projector-board-title">
        Top {TOP_BOARD_SIZE}
        <span className="ml-projector-board-note">
          {rows.length === 1 ? "1 student" : `${rows.length} students`} · public log loss
        </span>
      </h2>
      {top.length === 0 ? (
        <p className="ml-projector-empty">Waiting for the first boundary…</p>
      ) : (
        <ol className="ml-projector-rows" aria-label="Top 10 by public log loss">
          {top.map((row, index) => {
            const latest = live.get(row.studentId);
            const crosses = crossesOf(latest);
            return (
              <li key={row.studentId} className="ml-projector-row">
                <span className="ml-projector-rank">{row.publicRank ?? index + 1}</span>
                <span
                  className="ml-projector-swatch"
                  style={{ background: latest?.color ?? "var(--ml-border)" }}
                  aria-hidden="true"
                />
                <span className="ml-projector-name">
                  {row.nickname}
                  {crosses ? (
                    <span className="ml-projector-tag">
                      <span className="ml-visually-hidden">, using </span>
                      {crosses}
                    </span>
                  ) : null}
                </span>
                <span className="ml-projector-loss">
                  {row.publicLoss === null ? "—" : formatLoss(row.publicLoss)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
