/** One row of the revealed (private) leaderboard, as `challenge.leaderboard` sends it after the end. */
export interface RevealedRow {
  studentId: string;
  nickname: string;
  publicRank: number | null;
  privateRank: number | null;
  privateLoss: number | null;
  usedPicks: boolean;
  /** How far the private loss is above the best possible model's (null when unknown). */
  gap?: number | null;
}

/** A student's place on the final board, with how far they moved from the public board. */
export interface Standing {
  studentId: string;
  nickname: string;
  rank: number;
  privateLoss: number;
  /** Places gained (positive) or lost (negative) against the public board; null without a public rank. */
  movement: number | null;
  usedPicks: boolean;
  /** How far above the best possible model's private loss; null when unknown. */
  gap: number | null;
}

/** The podium (up to three, best first), everyone else ranked, and who never sent a model. */
export interface PodiumPlan {
  podium: Standing[];
  rest: Standing[];
  unranked: string[];
  /** Presses to reveal everything: one per podium place, then one for the rest (if anyone is left). */
  steps: number;
}

export const PODIUM_SIZE = 3;

export function podiumPlan(rows: readonly RevealedRow[]): PodiumPlan {
  const ranked: Standing[] = [];
  const unranked: string[] = [];
  for (const row of rows) {
    if (row.privateRank === null || row.privateLoss === null) {
      unranked.push(row.nickname);
      continue;
    }
    ranked.push({
      studentId: row.studentId,
      nickname: row.nickname,
      rank: row.privateRank,
      privateLoss: row.privateLoss,
      movement: row.publicRank === null ? null : row.publicRank - row.privateRank,
      usedPicks: row.usedPicks,
      gap: row.gap ?? null,
    });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  const podium = ranked.slice(0, PODIUM_SIZE);
  const rest = ranked.slice(PODIUM_SIZE);
  return { podium, rest, unranked, steps: podium.length + (rest.length + unranked.length > 0 ? 1 : 0) };
}

/**
 * What the room has seen after `step` presses: podium places from the lowest up (third, second, then
 * first, the drum roll), then the rest of the board at once.
 */
export function revealedAt(plan: PodiumPlan, step: number): { ranks: Set<number>; rest: boolean } {
  const fromLast = [...plan.podium].reverse();
  const shown = fromLast.slice(0, Math.max(0, Math.min(step, fromLast.length)));
  return { ranks: new Set(shown.map((standing) => standing.rank)), rest: step > plan.podium.length };
}

/** "up 2", "down 1", "no change" (or "new" without a public rank), for people and screen readers. */
export function describeMovement(movement: number | null): string {
  if (movement === null) return "not on the public board";
  if (movement > 0) return `up ${movement}`;
  if (movement < 0) return `down ${-movement}`;
  return "no change";
}

/** ▲ 2, ▼ 1, = : the same movement as a glyph. */
export function movementGlyph(movement: number | null): string {
  if (movement === null) return "new";
  if (movement > 0) return `▲ ${movement}`;
  if (movement < 0) return `▼ ${-movement}`;
  return "=";
}

/** The movement as the podium says it: "▲ up 2", "▼ down 1", "= no change", "new on the board". */
export function movementLabel(movement: number | null): string {
  if (movement === null) return "new on the board";
  const arrow = movement > 0 ? "▲" : movement < 0 ? "▼" : "=";
  return `${arrow} ${describeMovement(movement)}`;
}
