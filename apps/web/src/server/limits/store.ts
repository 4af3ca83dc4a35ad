import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { createClient } from "redis";

/** What a counter needs: a name (unique per limit), how many points and for how long. */
export interface CounterOptions {
  name: string;
  points: number;
  durationSeconds: number;
}

/** Makes the counters every limit is built from; one store per process. */
export type CounterStore = (options: CounterOptions) => RateLimiterAbstract;

/** Counters in this process's memory: the embedded default (one web process). */
export function memoryStore(prefix = "margin"): CounterStore {
  return ({ name, points, durationSeconds }) =>
    new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, points, duration: durationSeconds });
}

type RedisClient = ReturnType<typeof createClient>;

/**
 * Counters in Redis, shared by every web process. While Redis is unreachable each counter falls back to an
 * in-memory twin with the same numbers (rate-limiter-flexible's insurance limiter), so an outage neither
 * opens the doors (no limit) nor closes them (every request refused); limits are then per process.
 */
export function redisStore(client: RedisClient, prefix = "margin"): CounterStore {
  const insurance = memoryStore(prefix);
  return (options) =>
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      // Not connected: go to the insurance at once instead of queueing behind a reconnect.
      rejectIfRedisNotReady: true,
      keyPrefix: `${prefix}:${options.name}`,
      points: options.points,
      duration: options.durationSeconds,
      insuranceLimiter: insurance(options),
    });
}

/** A node-redis client that reconnects in the background and never queues commands while it is down. */
export function connectRedis(url: string): RedisClient {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
  });
  let lastError = "";
  client.on("error", (error: Error) => {
    // One line per kind of failure, not one per reconnect attempt.
    if (error.message === lastError) return;
    lastError = error.message;
    console.error(`limits: Redis unavailable (${error.message}); counting in memory until it is back`);
  });
  client.on("ready", () => {
    lastError = "";
  });
  client.connect().catch(() => {
    // Reported by the error handler; the client keeps reconnecting.
  });
  return client;
}
