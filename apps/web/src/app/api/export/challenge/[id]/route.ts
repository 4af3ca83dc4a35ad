import {
  challengeLeaderboard,
  DbError,
  finalStandings,
  getChallenge,
  managedClassroomById,
} from "@margin/db";
import { referenceLosses } from "~/server/challenges/data";
import { getDb } from "~/server/db";
import { csvResponse, exportCsv, toCsv } from "../../_lib/csv";

export const dynamic = "force-dynamic";

const HEADER = [
  "Rank",
  "Student",
  "Private log loss",
  "Scored by",
  "Gap to the best possible",
  "Best public log loss",
  "Updates",
  "Joined",
];

/**
 * A challenge's results as CSV. Once it has ended: the final board, in the same ranking as the reveal
 * (@margin/db finalStandings), with the best possible private loss as a last row; before that, the live
 * public board with no private figure.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportCsv(request, async (session) => {
    const db = getDb();
    const challenge = await getChallenge(db, id.slice(0, 64));
    if (!challenge) throw new DbError("NOT_FOUND", "No such challenge");
    await managedClassroomById(db, session.uid, challenge.classroomId);
    const live = await challengeLeaderboard(db, challenge.id);
    const updates = new Map(live.map((entry) => [entry.studentId, entry.updateCount]));
    if (challenge.status !== "ended") {
      const rows = live.map((entry, index) => [
        entry.best ? index + 1 : null,
        entry.nickname,
        null,
        null,
        null,
        entry.best?.publicLogLoss ?? null,
        entry.updateCount,
        entry.joinedAt.toISOString(),
      ]);
      return csvResponse(`challenge-${challenge.id}.csv`, toCsv(HEADER, rows));
    }
    const [standings, { optimum }] = await Promise.all([
      finalStandings(db, challenge.id),
      referenceLosses(db, challenge),
    ]);
    const rows = standings.map((standing) => [
      standing.rank,
      standing.nickname,
      standing.privateLogLoss,
      standing.privateLogLoss === null ? null : standing.usedPicks ? "pick" : "best public model",
      standing.privateLogLoss === null ? null : Math.max(0, standing.privateLogLoss - optimum.privateLoss),
      standing.bestPublicLogLoss,
      updates.get(standing.studentId) ?? 0,
      standing.joinedAt.toISOString(),
    ]);
    rows.push([
      null,
      "Best possible model",
      optimum.privateLoss,
      "fitted on the private points",
      0,
      null,
      null,
      null,
    ]);
    return csvResponse(`challenge-${challenge.id}.csv`, toCsv(HEADER, rows));
  });
}
