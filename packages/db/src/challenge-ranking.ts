import type { Db } from "./client";
import { IdSchema, parseInput } from "./validation";

/** One row of a challenge's final (private) board. */
export interface FinalStanding {
  participantId: string;
  studentId: string;
  nickname: string;
  joinedAt: Date;
  /** 1 = winner; null for a participant with no scored model (listed last). */
  rank: number | null;
  /** The private log loss that ranks: the better pick's, or the best public model's without picks. */
  privateLogLoss: number | null;
  /** The public log loss of that same model. */
  publicLogLoss: number | null;
  /** The best public log loss (the live board's figure), for the movement between the two boards. */
  bestPublicLogLoss: number | null;
  /** True when a pick ranks the participant. */
  usedPicks: boolean;
  /** When the ranking model was submitted (picked, or scored as the best public model). */
  submittedAt: Date | null;
}

/** The fields {@link rankFinalStandings} orders by. */
export type UnrankedStanding = Omit<FinalStanding, "rank">;

/**
 * The one ranking of a finished challenge, used by the reveal, the history, the CSV exports and the
 * progress grid. Kaggle's rule: each participant is scored by the better (on the private split) of their
 * up to two picks, or by their best public model if they picked nothing. Lower private log loss ranks
 * higher; ties go to the lower public loss of that model, then to the earlier submission, then to the
 * earlier join, then to the participant id, so equal scores always come out in the same order. Those
 * without a model come last, unranked.
 */
export function rankFinalStandings(rows: readonly UnrankedStanding[]): FinalStanding[] {
  const last = Number.POSITIVE_INFINITY;
  const sorted = [...rows].sort(
    (a, b) =>
      (a.privateLogLoss ?? last) - (b.privateLogLoss ?? last) ||
      (a.publicLogLoss ?? last) - (b.publicLogLoss ?? last) ||
      (a.submittedAt?.getTime() ?? last) - (b.submittedAt?.getTime() ?? last) ||
      a.joinedAt.getTime() - b.joinedAt.getTime() ||
      (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
  );
  let rank = 0;
  return sorted.map((row) => ({ ...row, rank: row.privateLogLoss === null ? null : ++rank }));
}

/** {@link rankFinalStandings} of a challenge's participants, read from the database. */
export async function finalStandings(db: Db, challengeId: string): Promise<FinalStanding[]> {
  const rows = await db.challengeParticipant.findMany({
    where: { challengeId: parseInput(IdSchema, challengeId) },
    select: {
      id: true,
      studentId: true,
      nickname: true,
      joinedAt: true,
      bestPublicLogLoss: true,
      bestPrivateLogLoss: true,
      bestAt: true,
      picks: { select: { publicLogLoss: true, privateLogLoss: true, pickedAt: true, id: true } },
    },
  });
  return rankFinalStandings(
    rows.map((row) => {
      const [pick] = [...row.picks].sort(
        (a, b) =>
          a.privateLogLoss - b.privateLogLoss ||
          a.publicLogLoss - b.publicLogLoss ||
          a.pickedAt.getTime() - b.pickedAt.getTime() ||
          (a.id < b.id ? -1 : 1),
      );
      const best =
        row.bestPrivateLogLoss === null
          ? null
          : { publicLogLoss: row.bestPublicLogLoss, privateLogLoss: row.bestPrivateLogLoss, at: row.bestAt };
      return {
        participantId: row.id,
        studentId: row.studentId,
        nickname: row.nickname,
        joinedAt: row.joinedAt,
        privateLogLoss: pick?.privateLogLoss ?? best?.privateLogLoss ?? null,
        publicLogLoss: pick?.publicLogLoss ?? best?.publicLogLoss ?? null,
        bestPublicLogLoss: row.bestPublicLogLoss,
        usedPicks: pick !== undefined,
        submittedAt: pick?.pickedAt ?? best?.at ?? null,
      };
    }),
  );
}
