import "server-only";
import { env } from "~/env";
import { Limits } from "./policy";
import { connectRedis, memoryStore, redisStore } from "./store";
import { WorkGate } from "./work-gate";

export { type Attempt, LIMITS, RateLimitedError } from "./policy";
export { GateFullError } from "./work-gate";

/** Argon2 runs at most this many at once; the rest wait (verifications first) up to ARGON2_MAX_QUEUED. */
export const ARGON2_CONCURRENCY = 2;
export const ARGON2_MAX_QUEUED = 500;

// One set of counters per process; `globalThis` keeps them across Next's dev-mode module reloads.
const holder = globalThis as typeof globalThis & { __marginLimits?: Limits; __marginArgon2?: WorkGate };

/** The limits, counted in Redis when REDIS_URL is set (shared by every web process), else in memory. */
export function limits(): Limits {
  if (!holder.__marginLimits) {
    const { REDIS_URL, RATE_LIMIT_PREFIX } = env();
    const store = REDIS_URL ? redisStore(connectRedis(REDIS_URL), RATE_LIMIT_PREFIX) : memoryStore();
    holder.__marginLimits = new Limits(store);
  }
  return holder.__marginLimits;
}

/** The gate every Argon2 hash and verification in this process goes through. */
export function argon2Gate(): WorkGate {
  holder.__marginArgon2 ??= new WorkGate(ARGON2_CONCURRENCY, ARGON2_MAX_QUEUED);
  return holder.__marginArgon2;
}
