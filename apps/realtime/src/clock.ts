import { type Db, endChallengesPastDeadline } from "@margin/db";
import type { ChallengeRegistry } from "./challenges";
import type { Logger } from "./logger";

/**
 * The server's clock: every `intervalMs` (and at once on start, so challenges whose time ran out while
 * the service was down end now) it ends every live challenge past its deadline. Every process runs it;
 * the ending is one conditional UPDATE per challenge, so each challenge ends exactly once whoever runs
 * first. The winner refreshes its own copy at once (its sockets hear `challenge:status`); the other
 * processes notice at their next status refresh, within a second.
 */
export function startChallengeClock(
  db: Db,
  registry: ChallengeRegistry,
  logger: Logger,
  intervalMs: number,
): { stop(): void } {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const ended = await endChallengesPastDeadline(db);
      const loaded = new Set(registry.ids());
      for (const challengeId of ended) {
        logger.info("challenge.ended_at_deadline", { challengeId });
        if (loaded.has(challengeId)) void registry.refresh(challengeId).catch(() => {});
      }
    } catch (error) {
      logger.warn("challenge.clock_failed", { message: (error as Error).message });
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
