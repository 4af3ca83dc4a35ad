import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ModelWriter, type ScoredModel, type WriteItem, type WriteResult } from "./persistence";

const model = (studentId: string, loss: number, w0 = loss): ScoredModel => ({
  challengeId: "c1",
  studentId,
  w: [w0, 1],
  b: 0,
  standardisation: null,
  iteration: 1,
  publicLogLoss: loss,
  privateLogLoss: loss + 0.01,
  scoredAt: 0,
});

/** A sink that records every flush and answers with `answer` (default: everything ok). */
function recordingSink(answer: (item: WriteItem) => WriteResult = () => "ok") {
  const flushes: WriteItem[][] = [];
  return {
    flushes,
    sink: async (items: WriteItem[]) => {
      flushes.push(items);
      return items.map(answer);
    },
  };
}

const losses = (items: WriteItem[]) => items.map((item) => item.models.map((m) => m.publicLogLoss));

describe("ModelWriter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("paces writes with a global budget, oldest change first, and flushes everything on close", async () => {
    const { flushes, sink } = recordingSink();
    const writer = new ModelWriter(sink, {
      intervalMs: 1000,
      snapshotIntervalMs: 5000,
      maxWritesPerSecond: 20,
      tickMs: 100,
    });
    for (let i = 0; i < 10; i++) writer.record(model(`s${i}`, 0.5));
    await vi.advanceTimersByTimeAsync(100);
    // 20 writes/s at 100 ms ticks: 2 participants per tick, in the order they changed.
    expect(flushes.map((items) => items.map((item) => item.models[0]?.studentId))).toEqual([["s0", "s1"]]);
    await vi.advanceTimersByTimeAsync(200);
    expect(flushes.flat()).toHaveLength(6);
    expect(writer.getStats()).toMatchObject({ written: 6, pending: 4 });
    const stats = await writer.close();
    expect(stats).toMatchObject({ written: 10, pending: 0 });
    expect(flushes.flat().every((item) => item.snapshot)).toBe(true);
  });

  it("keeps the best model until written, and never writes a best no better than one already written", async () => {
    const { flushes, sink } = recordingSink();
    const writer = new ModelWriter(sink, { intervalMs: 1000, snapshotIntervalMs: 5000, tickMs: 100 });
    writer.record(model("s1", 0.4));
    writer.record(model("s1", 0.2));
    writer.record(model("s1", 0.9));
    await writer.flush();
    expect(losses(flushes[0] ?? [])).toEqual([[0.2, 0.9]]);
    // Worse than the written best (0.2): only the latest is written.
    writer.record(model("s1", 0.3));
    writer.record(model("s1", 0.8));
    await writer.flush();
    expect(losses(flushes[1] ?? [])).toEqual([[0.8]]);
    // The latest is the best: written once.
    writer.record(model("s1", 0.1));
    await writer.flush();
    expect(losses(flushes[2] ?? [])).toEqual([[0.1]]);
    await writer.close();
  });

  it("writes nothing for an unchanged model, and at most every intervalMs per participant", async () => {
    const { flushes, sink } = recordingSink();
    const writer = new ModelWriter(sink, { intervalMs: 1000, snapshotIntervalMs: 5000, tickMs: 100 });
    writer.record(model("s1", 0.5));
    await vi.advanceTimersByTimeAsync(100);
    expect(flushes).toHaveLength(1);
    writer.record(model("s1", 0.5)); // the same model again
    expect(writer.getStats().pending).toBe(0);
    writer.record(model("s1", 0.6));
    await vi.advanceTimersByTimeAsync(500);
    expect(flushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(losses(flushes[1] ?? [])).toEqual([[0.6]]);
    // Snapshots about every snapshotIntervalMs, not with every write.
    expect(flushes.map((items) => items[0]?.snapshot)).toEqual([true, false]);
    await writer.close();
  });

  it("retries a failed write without losing its best, and forgets dropped ones", async () => {
    let fail = true;
    const { flushes, sink } = recordingSink((item) =>
      item.models[0]?.studentId === "gone" ? "dropped" : fail ? "failed" : "ok",
    );
    const writer = new ModelWriter(sink, { intervalMs: 1000, snapshotIntervalMs: 5000, tickMs: 100 });
    writer.record(model("s1", 0.1));
    writer.record(model("s1", 0.7));
    writer.record(model("gone", 0.3));
    await writer.flush();
    expect(writer.getStats()).toMatchObject({ written: 0, failed: 1, dropped: 1, pending: 1 });
    writer.record(model("s1", 0.6)); // newer than the failed latest, worse than its best
    fail = false;
    await writer.flush();
    expect(losses(flushes[1] ?? [])).toEqual([[0.1, 0.6]]);
    expect(await writer.close()).toMatchObject({ written: 2, pending: 0 });
  });
  it("writes a model that came back to the last written one while a newer write was pending or failed", async () => {
    let fail = false;
    const { flushes, sink } = recordingSink(() => (fail ? "failed" : "ok"));
    const writer = new ModelWriter(sink, { intervalMs: 1000, snapshotIntervalMs: 5000, tickMs: 100 });
    writer.record(model("s1", 0.5));
    await writer.flush();
    writer.record(model("s1", 0.6));
    writer.record(model("s1", 0.5)); // back to the written model: nothing newer to write
    await writer.flush();
    expect(flushes).toHaveLength(1);
    writer.record(model("s1", 0.7));
    fail = true;
    await writer.flush();
    writer.record(model("s1", 0.7)); // equals the failed write: must still reach the database
    fail = false;
    await writer.flush();
    expect(losses(flushes.at(-1) ?? [])).toEqual([[0.7]]);
    expect(await writer.close()).toMatchObject({ written: 2, failed: 1, pending: 0 });
  });
});
