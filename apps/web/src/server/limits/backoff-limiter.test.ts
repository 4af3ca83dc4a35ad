import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackoffLimiter } from "./backoff-limiter";
import { memoryStore } from "./store";

const spec = { points: 3, windowSeconds: 60, backoff: { firstBlockSeconds: 60, maxBlockSeconds: 200 } };

describe("BackoffLimiter (in memory)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets exactly `points` of 1 000 simultaneous attempts through", async () => {
    const limiter = new BackoffLimiter("test", spec, memoryStore());
    const verdicts = await Promise.all(Array.from({ length: 1000 }, () => limiter.consume("ada")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
    expect(await limiter.consume("alan")).toEqual({ allowed: true });
  });

  it("blocks for twice as long each time the key goes over again, up to the maximum", async () => {
    const limiter = new BackoffLimiter("test", spec, memoryStore());
    const blocks: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 3; i += 1) expect((await limiter.consume("ada")).allowed).toBe(true);
      const refused = await limiter.consume("ada");
      if (refused.allowed) throw new Error("expected a refusal");
      blocks.push(refused.retryAfterMs);
      // Still blocked just before the end, free just after.
      vi.advanceTimersByTime(refused.retryAfterMs - 1000);
      expect((await limiter.consume("ada")).allowed).toBe(false);
      vi.advanceTimersByTime(1001);
    }
    expect(blocks).toEqual([60_000, 120_000, 200_000, 200_000]);
  });

  it("forgets past blocks after a quiet day", async () => {
    const limiter = new BackoffLimiter("test", spec, memoryStore());
    for (let i = 0; i < 4; i += 1) await limiter.consume("ada");
    vi.advanceTimersByTime(25 * 60 * 60 * 1000);
    for (let i = 0; i < 3; i += 1) await limiter.consume("ada");
    expect(await limiter.consume("ada")).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it("gives a point back on refund, but never more than was taken", async () => {
    const limiter = new BackoffLimiter("test", { points: 2, windowSeconds: 60 }, memoryStore());
    await limiter.consume("ada");
    await limiter.refund("ada");
    await limiter.consume("ada");
    expect((await limiter.consume("ada")).allowed).toBe(true);
    expect((await limiter.consume("ada")).allowed).toBe(false);
    // A refund after the window ended doesn't bank an extra attempt for the next one.
    vi.advanceTimersByTime(61_000);
    await limiter.refund("ada");
    expect((await limiter.consume("ada")).allowed).toBe(true);
    expect((await limiter.consume("ada")).allowed).toBe(true);
    expect((await limiter.consume("ada")).allowed).toBe(false);
  });
});
