import "server-only";
import {
  type Challenge,
  challengeAliases,
  challengeLeaderboard,
  type Db,
  type FinalStanding,
  finalStandings,
  listChallenges,
} from "@margin/db";
import { type ReferenceLosses, referenceLosses } from "./data";

export type BoardMode = "loss" | "improvement";

/** One student on a challenge's board. */
export interface BoardRow {
  /** The student's id, or their alias's key on a board that hides names. */
  studentId: string;
  /** The nickname, or the alias ("Student 3") on a board that hides names. */
  nickname: string;
  updates: number;
  /** Best public log loss so far. */
  publicLoss: number | null;
  publicRank: number | null;
  /** How far the best public loss is below the base-rate model's: the same starting line for everyone. */
  improvement: number | null;
  /** After the end: the final board's figures (see @margin/db finalStandings). */
  privateLoss: number | null;
  privateRank: number | null;
  usedPicks: boolean;
  /** After the end: privateLoss minus the best possible private loss. */
  gap: number | null;
}

export interface Board {
  revealed: boolean;
  mode: BoardMode;
  /** Public log loss of the base-rate model, which improvement is measured from. */
  baseline: number;
  /** After the end only: the best achievable log loss on each split. */
  optimum: ReferenceLosses["optimum"] | null;
  rows: BoardRow[];
}

/**
 * The challenge's board. During the race: best public log loss per student (or, in "improvement" mode,
 * how far below the base-rate model each got, which orders the class the same way — the baseline is one
 * line for all, so a bad first model earns nothing). After the end: the final board, ranked by the one
 * ranking function, with each student's gap to the best possible model and the best possible losses.
 * With `hideNames`, students appear as their aliases only.
 */
export async function challengeBoard(
  db: Db,
  challenge: Challenge,
  options: { mode: BoardMode; hideNames: boolean },
): Promise<Board> {
  const [live, references, aliases] = await Promise.all([
    challengeLeaderboard(db, challenge.id),
    referenceLosses(db, challenge),
    options.hideNames ? challengeAliases(db, challenge.id) : null,
  ]);
  const name = (studentId: string, nickname: string) => {
    if (!aliases) return { studentId, nickname };
    const alias = aliases.get(studentId);
    return { studentId: alias?.key ?? "", nickname: alias?.name ?? "" };
  };
  const publicRank = new Map(
    live.filter((entry) => entry.best).map((entry, index) => [entry.studentId, index + 1]),
  );
  const rows = new Map(
    live.map((entry) => {
      const best = entry.best?.publicLogLoss ?? null;
      const row: BoardRow = {
        ...name(entry.studentId, entry.nickname),
        updates: entry.updateCount,
        publicLoss: best,
        publicRank: publicRank.get(entry.studentId) ?? null,
        improvement: best === null ? null : references.baseline - best,
        privateLoss: null,
        privateRank: null,
        usedPicks: false,
        gap: null,
      };
      return [entry.studentId, row];
    }),
  );
  if (challenge.status !== "ended") {
    const ordered = [...rows.values()];
    if (options.mode === "improvement") {
      ordered.sort(
        (a, b) => (b.improvement ?? Number.NEGATIVE_INFINITY) - (a.improvement ?? Number.NEGATIVE_INFINITY),
      );
    }
    return {
      revealed: false,
      mode: options.mode,
      baseline: references.baseline,
      optimum: null,
      rows: ordered,
    };
  }
  const { optimum } = references;
  const standings = await finalStandings(db, challenge.id);
  return {
    revealed: true,
    mode: "loss",
    baseline: references.baseline,
    optimum,
    rows: standings.flatMap((standing) => {
      const row = rows.get(standing.studentId);
      if (!row) return [];
      return [
        {
          ...row,
          privateLoss: standing.privateLogLoss,
          privateRank: standing.rank,
          usedPicks: standing.usedPicks,
          gap:
            standing.privateLogLoss === null
              ? null
              : Math.max(0, standing.privateLogLoss - optimum.privateLoss),
        },
      ];
    }),
  };
}

/** A finished challenge with its final board, for the class's history. */
export interface FinishedChallenge {
  id: string;
  title: string;
  endedAt: Date | null;
  /** The best possible private log loss (fitted on the private points themselves). */
  bestPossible: number;
  standings: FinalStanding[];
}

/** Every ended challenge of the class, oldest first, each with its final board (the one ranking). */
export async function challengeHistory(db: Db, classroomId: string): Promise<FinishedChallenge[]> {
  const ended = (await listChallenges(db, classroomId)).filter((challenge) => challenge.status === "ended");
  return Promise.all(
    ended.map(async (challenge) => ({
      id: challenge.id,
      title: challenge.title,
      endedAt: challenge.endedAt,
      bestPossible: (await referenceLosses(db, challenge)).optimum.privateLoss,
      standings: await finalStandings(db, challenge.id),
    })),
  );
}
