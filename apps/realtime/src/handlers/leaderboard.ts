import { LeaderboardRequestSchema } from "@margin/core/protocol";
import { challengeAliases, challengeLeaderboard } from "@margin/db";
import type { RealtimeContext, RealtimeSocket } from "../context";
import { TokenBucket } from "../rate-limit";
import { refuse } from "./boundary";

/** Teachers of a challenge read its public leaderboard from the database; anyone else is refused. */
export function registerLeaderboardHandlers(socket: RealtimeSocket, context: RealtimeContext): void {
  const { claims } = socket.data;
  const bucket = new TokenBucket(5, 2);
  socket.on("leaderboard:get", async (payload, ack) => {
    if (claims.role !== "teacher" || !claims.challengeId || !context.challenges) {
      refuse(
        socket,
        ack,
        { code: "FORBIDDEN", message: "Only a challenge's teachers read its leaderboard" },
        true,
      );
      return;
    }
    if (!bucket.tryTake()) {
      refuse(socket, ack, { code: "RATE_LIMITED", message: "Too many leaderboard requests" }, false);
      return;
    }
    if (!LeaderboardRequestSchema.safeParse(payload).success) {
      refuse(socket, ack, { code: "INVALID_PAYLOAD", message: "leaderboard:get takes no arguments" }, true);
      return;
    }
    if (typeof ack !== "function") return;
    try {
      const { db } = context.challenges;
      const [entries, aliases] = await Promise.all([
        challengeLeaderboard(db, claims.challengeId),
        socket.data.hideNames ? challengeAliases(db, claims.challengeId) : null,
      ]);
      // Public figures only: the private losses are revealed by the web app once the challenge has ended.
      ack({
        ok: true,
        data: entries.map((entry) => {
          const alias = aliases?.get(entry.studentId);
          return {
            studentId: aliases ? (alias?.key ?? "") : entry.studentId,
            nickname: aliases ? (alias?.name ?? "") : entry.nickname,
            bestPublicLoss: entry.best?.publicLogLoss ?? null,
            updates: entry.updateCount,
          };
        }),
      });
    } catch (error) {
      context.logger.warn("leaderboard.failed", {
        challengeId: claims.challengeId,
        message: (error as Error).message,
      });
      refuse(socket, ack, { code: "NOT_LIVE", message: "The leaderboard is unavailable right now" }, false);
    }
  });
}
