import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";
import type { CounterStore } from "./store";

/** One limit: `points` attempts per `windowSeconds` for each key, and what happens after. */
export interface LimitSpec {
  points: number;
  windowSeconds: number;
  /**
   * Exponential backoff: the attempt that goes over the limit blocks the key for `firstBlockSeconds`,
   * the next time it goes over (within a day of the last time) for twice as long, and so on up to
   * `maxBlockSeconds`. Without it, the key may try again when its window ends.
   */
  backoff?: { firstBlockSeconds: number; maxBlockSeconds: number };
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

const ALLOWED: Verdict = { allowed: true };
/** How long a key's past blocks are remembered (the doubling starts over after a quiet day). */
export const STRIKE_MEMORY_SECONDS = 24 * 60 * 60;

/** rate-limiter-flexible rejects with a RateLimiterRes when over the limit and with an Error when the store fails. */
function overLimit(rejection: unknown): RateLimiterRes {
  if (rejection instanceof RateLimiterRes) return rejection;
  throw rejection;
}

/**
 * A rate limit with exponential backoff, on rate-limiter-flexible counters (memory or Redis): its
 * documented "dynamic block duration" pattern — one counter for attempts, one for how many times the key
 * was blocked — with doubling instead of Fibonacci.
 */
export class BackoffLimiter {
  private readonly attempts: RateLimiterAbstract;
  private readonly strikes: RateLimiterAbstract | null;

  constructor(
    name: string,
    readonly spec: LimitSpec,
    store: CounterStore,
  ) {
    this.attempts = store({ name, points: spec.points, durationSeconds: spec.windowSeconds });
    this.strikes = spec.backoff
      ? store({ name: `${name}:blocks`, points: 1_000_000, durationSeconds: STRIKE_MEMORY_SECONDS })
      : null;
  }

  /** Counts one attempt now (before any work is done for it) and says whether it may go ahead. */
  async consume(key: string): Promise<Verdict> {
    try {
      await this.attempts.consume(key);
      return ALLOWED;
    } catch (rejection) {
      const result = overLimit(rejection);
      // Counting is atomic, so exactly one attempt per window lands on points + 1: that one starts a block.
      if (!this.strikes || !this.spec.backoff || result.consumedPoints !== this.spec.points + 1) {
        return { allowed: false, retryAfterMs: result.msBeforeNext };
      }
      const strikes = ((await this.strikes.get(key))?.consumedPoints ?? 0) + 1;
      await this.strikes.set(key, strikes, STRIKE_MEMORY_SECONDS);
      const { firstBlockSeconds, maxBlockSeconds } = this.spec.backoff;
      const seconds = Math.min(firstBlockSeconds * 2 ** (strikes - 1), maxBlockSeconds);
      await this.attempts.block(key, seconds);
      return { allowed: false, retryAfterMs: seconds * 1000 };
    }
  }

  /** Gives back the point an attempt took (it succeeded, so it wasn't a guess). */
  async refund(key: string): Promise<void> {
    const result = await this.attempts.reward(key);
    // The window ended meanwhile: the refund would otherwise start a new window below zero.
    if (result.consumedPoints < 0) await this.attempts.delete(key);
  }
}
