import { challengeLeaderboard, DbError, getChallenge, managedClassroomById } from "@margin/db";
import { getDb } from "~/server/db";
import { csvResponse, exportCsv, toCsv } from "../../_lib/csv";

export const dynamic = "force-dynamic";

/** A challenge's results as CSV; private losses only once it has ended (as on the leaderboard). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return exportCsv(request, async (session) => {
    const db = getDb();
    const challenge = await getChallenge(db, id.slice(0, 64));
    if (!challenge) throw new DbError("NOT_FOUND", "No such challenge");
    await managedClassroomById(db, session.uid, challenge.classroomId);
    const ended = challenge.status === "ended";
    const entries = await challengeLeaderboard(
      db,
      challenge.id,
      ended ? "bestPrivateLogLoss" : "bestPublicLogLoss",
    );
    const header = [
      "Rank",
      "Student",
      "Best public log loss",
      "Best private log loss",
      "Final private log loss",
      "Updates",
      "Joined",
    ];
    const rows = entries.map((e, i) => [
      i + 1,
      e.nickname,
      e.best?.publicLogLoss ?? null,
      ended ? (e.best?.privateLogLoss ?? null) : null,
      ended ? (e.final?.privateLogLoss ?? null) : null,
      e.updateCount,
      e.joinedAt.toISOString(),
    ]);
    return csvResponse(`challenge-${challenge.id}.csv`, toCsv(header, rows));
  });
}
