import { type Db, isDbError, recordModelUpdate } from "@margin/db";
import type { Logger } from "./logger";

/** One scored update, as the database stores it. The private loss lives here and in the database only. */
export interface ScoredModel {
  challengeId: string;
  studentId: string;
  w: [number, number];
  b: number;
  standardisation: { mean: [number, number]; std: [number, number] } | null;
  iteration: number;
  publicLogLoss: number;
  privateLogLoss: number;
}

/** One participant's writes of a flush: its best model since the last flush (if better), then its latest. */
export interface WriteItem {
  models: ScoredModel[];
  /** Store a replay snapshot with the last model. */
  snapshot: boolean;
}
/** ok; dropped (the challenge is no longer live, or not a participant: retrying can't help); failed. */
export type WriteResult = "ok" | "dropped" | "failed";
/** Where a flush goes: the database in this thread, or a worker thread (persist-worker.ts). */
export type WriteSink = (items: WriteItem[]) => Promise<WriteResult[]>;

/** Writes each item with recordModelUpdate, `concurrency` at a time. */
export function databaseSink(db: Db, logger: Logger, concurrency = 4): WriteSink {
  return async (items) => {
    const results: WriteResult[] = new Array(items.length).fill("failed");
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await writeItem(db, items[index] as WriteItem, logger);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return results;
  };
}

async function writeItem(db: Db, item: WriteItem, logger: Logger): Promise<WriteResult> {
  try {
    for (const [index, model] of item.models.entries()) {
      await recordModelUpdate(db, {
        challengeId: model.challengeId,
        studentId: model.studentId,
        model: { w: model.w, b: model.b, standardisation: model.standardisation },
        publicLogLoss: model.publicLogLoss,
        privateLogLoss: model.privateLogLoss,
        iteration: model.iteration,
        snapshot: item.snapshot && index === item.models.length - 1,
      });
    }
    return "ok";
  } catch (error) {
    if (isDbError(error, "CONFLICT") || isDbError(error, "NOT_FOUND")) return "dropped";
    logger.warn("persist.failed", { message: (error as Error).message });
    return "failed";
  }
}

interface Pending {
  latest: ScoredModel;
  /** The best update since the last flush, if better than `latest`: it must not be lost to coalescing. */
  best: ScoredModel;
}

export interface WriterStats {
  written: number;
  dropped: number;
  failed: number;
  pending: number;
}

const key = (challengeId: string, studentId: string) => `${challengeId}\u0000${studentId}`;

/**
 * Write-behind buffer: keeps the latest (and the best) scored model per participant and writes them with
 * recordModelUpdate every `intervalMs`, so the database sees at most ~2 writes per participant per
 * interval however fast students train. Every `snapshotIntervalMs` a participant's write also stores a
 * replay snapshot. Flushes never overlap; a failed write is retried with the next flush unless a newer
 * model replaced it.
 */
export class ModelWriter {
  private pending = new Map<string, Pending>();
  private readonly lastSnapshotAt = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | null = null;
  private readonly stats = { written: 0, dropped: 0, failed: 0 };

  constructor(
    private readonly sink: WriteSink,
    private readonly options: { intervalMs: number; snapshotIntervalMs: number },
  ) {
    this.timer = setInterval(() => void this.flush(), options.intervalMs);
    this.timer.unref();
  }

  record(model: ScoredModel): void {
    const k = key(model.challengeId, model.studentId);
    const existing = this.pending.get(k);
    if (!existing) {
      this.pending.set(k, { latest: model, best: model });
      return;
    }
    existing.latest = model;
    if (model.publicLogLoss < existing.best.publicLogLoss) existing.best = model;
  }

  /** Writes everything pending now (waits for a flush already running, then runs another). */
  async flush(): Promise<void> {
    if (this.flushing) {
      await this.flushing;
      return;
    }
    this.flushing = this.writeAll().finally(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  /** Stops the timer and writes until nothing is pending (or the database keeps failing). */
  async close(): Promise<WriterStats> {
    clearInterval(this.timer);
    for (let round = 0; round < 5 && (this.pending.size > 0 || this.flushing); round++) await this.flush();
    return this.getStats();
  }

  getStats(): WriterStats {
    return { ...this.stats, pending: this.pending.size };
  }

  private async writeAll(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.entries()];
    this.pending = new Map();
    const now = Date.now();
    const items = batch.map(([k, entry]): WriteItem => {
      const last = this.lastSnapshotAt.get(k);
      return {
        models: entry.best !== entry.latest ? [entry.best, entry.latest] : [entry.latest],
        snapshot: last === undefined || now - last >= this.options.snapshotIntervalMs,
      };
    });
    let results: WriteResult[];
    try {
      results = await this.sink(items);
    } catch {
      results = items.map(() => "failed");
    }
    for (const [index, [k, entry]] of batch.entries()) {
      const item = items[index] as WriteItem;
      const result = results[index] ?? "failed";
      if (result === "ok") {
        this.stats.written += item.models.length;
        if (item.snapshot) this.lastSnapshotAt.set(k, now);
      } else if (result === "dropped") {
        this.stats.dropped += item.models.length;
      } else {
        // Retried with the next flush unless a newer model replaced it; the best is never forgotten.
        this.stats.failed += 1;
        const newer = this.pending.get(k);
        if (!newer) this.pending.set(k, entry);
        else if (entry.best.publicLogLoss < newer.best.publicLogLoss) newer.best = entry.best;
      }
    }
  }
}

/** A sink that writes in a worker thread with its own connection to `databaseUrl`. */
export function workerSink(databaseUrl: string, logger: Logger): { sink: WriteSink; close(): Promise<void> } {
  // Dynamic so that tests (which write in-process) never start a worker.
  const ready = import("node:worker_threads").then(
    ({ Worker }) =>
      new Worker(new URL("./persist-worker.mjs", import.meta.url), { workerData: { databaseUrl } }),
  );
  const waiting = new Map<number, (results: WriteResult[]) => void>();
  let nextId = 0;
  let closed: (() => void) | undefined;
  void ready.then((worker) => {
    worker.unref();
    worker.on("message", (message: { id: number; results: WriteResult[] } | { closed: true }) => {
      if ("closed" in message) closed?.();
      else waiting.get(message.id)?.(message.results);
      if ("id" in message) waiting.delete(message.id);
    });
    // A dead worker fails its pending writes (they are retried by the next flush) instead of hanging them.
    const failAll = () => {
      for (const [id, resolve] of waiting) {
        waiting.delete(id);
        resolve([]);
      }
      closed?.();
    };
    worker.on("error", (error) => {
      logger.warn("persist.worker_error", { message: error.message });
      failAll();
    });
    worker.on("exit", (code) => {
      if (!closed) logger.warn("persist.worker_exit", { code });
      failAll();
    });
  });
  return {
    async sink(items) {
      const worker = await ready;
      const id = nextId++;
      return new Promise<WriteResult[]>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, items });
      });
    },
    async close() {
      const worker = await ready;
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.postMessage({ close: true });
      });
      await worker.terminate();
    },
  };
}
