import { type ChallengeDatasetSpec, type ChallengeDatasets, challengeDatasets } from "@margin/core";
import type { ChallengeStatus } from "@margin/core/protocol";
import { challengeHeldOutSecret, type Db, getChallenge } from "@margin/db";
import type { Logger } from "./logger";

/**
 * What this process knows about a challenge: its data (built once, with the held-out secret, which stays
 * in this process's memory) and its status and deadline (re-read every TTL).
 */
export interface CachedChallenge {
  id: string;
  classroomId: string;
  status: ChallengeStatus;
  /** When a live challenge ends by itself (ms since the epoch); null unless live. */
  deadlineAt: number | null;
  data: ChallengeDatasets;
  checkedAt: number;
}

/** The challenge's time is up: it has ended, or it is live past its deadline (about to be ended). */
export function isOver(challenge: CachedChallenge, now: number = Date.now()): boolean {
  return (
    challenge.status === "ended" ||
    (challenge.status === "live" && challenge.deadlineAt !== null && challenge.deadlineAt <= now)
  );
}

export type TransitionListener = (challenge: CachedChallenge, from: ChallengeStatus) => void;

/**
 * Challenges by id. The data set is deterministic (same spec and held-out secret → same points), so every
 * process builds its own; the status and deadline are the database's, cached for `ttlMs` so a pause or a
 * "+5 min" reaches scoring on every process within that time without a query per update. One refresh per
 * challenge at a time. Reading a live challenge past its deadline ends it (see @margin/db getChallenge).
 */
export class ChallengeRegistry {
  private readonly cache = new Map<string, CachedChallenge>();
  private readonly loading = new Map<string, Promise<CachedChallenge | null>>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
    private readonly logger: Logger,
    private readonly onTransition: TransitionListener,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The challenge with a status at most `ttlMs` old; null if it doesn't exist. Throws on an unusable spec.
   * Past half the TTL the status is re-read in the background, so that under steady traffic no update
   * waits for the database read.
   */
  async current(challengeId: string): Promise<CachedChallenge | null> {
    const cached = this.cache.get(challengeId);
    if (cached) {
      const age = this.now() - cached.checkedAt;
      if (age < this.ttlMs) {
        if (age >= this.ttlMs / 2 && !this.loading.has(challengeId))
          void this.refresh(challengeId).catch(() => {});
        return cached;
      }
    }
    return this.refresh(challengeId);
  }

  /** Ids of the challenges this process has loaded. */
  ids(): string[] {
    return [...this.cache.keys()];
  }

  refresh(challengeId: string): Promise<CachedChallenge | null> {
    let running = this.loading.get(challengeId);
    if (!running) {
      running = this.load(challengeId).finally(() => this.loading.delete(challengeId));
      this.loading.set(challengeId, running);
    }
    return running;
  }

  private async load(challengeId: string): Promise<CachedChallenge | null> {
    const cached = this.cache.get(challengeId);
    let row: Awaited<ReturnType<typeof getChallenge>>;
    try {
      row = await getChallenge(this.db, challengeId);
    } catch (error) {
      // The database is unreachable: keep serving the last known status rather than refusing everyone.
      if (!cached) throw error;
      this.logger.warn("challenge.refresh_failed", { challengeId, message: (error as Error).message });
      return cached;
    }
    if (!row) {
      this.cache.delete(challengeId);
      return null;
    }
    const deadlineAt = row.deadlineAt?.getTime() ?? null;
    if (cached) {
      const from = cached.status;
      cached.status = row.status;
      cached.deadlineAt = deadlineAt;
      cached.checkedAt = this.now();
      if (from !== row.status) this.onTransition(cached, from);
      return cached;
    }
    const secret = await challengeHeldOutSecret(this.db, challengeId);
    if (secret === undefined) return null;
    // The database stores the kind as free text; challengeDatasets validates it (CoreError if unknown).
    const data = challengeDatasets(row.dataset as ChallengeDatasetSpec, secret);
    const entry: CachedChallenge = {
      id: row.id,
      classroomId: row.classroomId,
      status: row.status,
      deadlineAt,
      data,
      checkedAt: this.now(),
    };
    this.cache.set(challengeId, entry);
    return entry;
  }
}
