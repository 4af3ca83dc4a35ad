import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { BackoffLimiter } from "./backoff-limiter";
import { connectRedis, redisStore } from "./store";

const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `margin-test-${randomBytes(6).toString("hex")}`;
const spec = { points: 3, windowSeconds: 60, backoff: { firstBlockSeconds: 60, maxBlockSeconds: 600 } };
const clients: ReturnType<typeof connectRedis>[] = [];

/** A client as one web process would have it, once connected. */
async function connected() {
  const client = connectRedis(redisUrl);
  clients.push(client);
  while (!client.isReady) await new Promise((resolve) => setTimeout(resolve, 20));
  return client;
}

afterAll(async () => {
  const [cleaner] = clients;
  if (cleaner?.isReady) {
    for await (const keys of cleaner.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) {
      if (keys.length > 0) await cleaner.del(keys);
    }
  }
  await Promise.all(clients.map((client) => client.destroy()));
});

describe("limits counted in Redis", () => {
  it("hold across two web processes: together they let exactly `points` attempts through", async () => {
    const [a, b] = [await connected(), await connected()];
    const processA = new BackoffLimiter("shared", spec, redisStore(a, prefix));
    const processB = new BackoffLimiter("shared", spec, redisStore(b, prefix));
    const verdicts = await Promise.all(
      Array.from({ length: 200 }, (_, n) => (n % 2 ? processA : processB).consume("ada")),
    );
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
    // The block one process started is the other's too.
    expect(await processB.consume("ada")).toMatchObject({ allowed: false });
    expect((await processA.consume("ada")).allowed).toBe(false);
  });

  it("keep limiting in memory while Redis is unreachable, without waiting for it", async () => {
    const down = connectRedis("redis://127.0.0.1:1");
    clients.push(down);
    const limiter = new BackoffLimiter("outage", spec, redisStore(down, prefix));
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.consume("ada")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
    expect(verdicts.at(-1)).toMatchObject({ allowed: false });
  });
});
