import { type Db, type RecordModelUpdateInput, recordModelUpdates } from "@margin/db";
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
  /** When it was scored (ms since the epoch): a model scored before the end counts even if written after. */
  scoredAt: number;
}

/** One participant's writes of a flush, in order: its best since the last write (if better), then its latest. */
export interface WriteItem {
  models: ScoredModel[];
  /** Store a replay snapshot with the last model. */
  snapshot: boolean;
}
/** ok; dropped (the challenge is no longer live, or not a participant: retrying can't help); failed. */
export type WriteResult = "ok" | "dropped" | "failed";
/** Where a flush goes: the database in this thread, or a worker thread (persist-worker.ts). */
export type WriteSink = (items: WriteItem[]) => Promise<WriteResult[]>;

/**
 * Writes a flush with recordModelUpdates: a few set-based statements per 200 participants in one
 * transaction, instead of two or three ORM queries (about 1 ms of CPU each) per participant.
 */
export function databaseSink(db: Db, logger: Logger): WriteSink {
  return async (items) => {
    const inputs: RecordModelUpdateInput[] = [];
    const owner: number[] = [];
    for (const [index, item] of items.entries()) {
      for (const [k, model] of item.models.entries()) {
        inputs.push({
          challengeId: model.challengeId,
          studentId: model.studentId,
          model: { w: model.w, b: model.b, standardisation: model.standardisation },
          publicLogLoss: model.publicLogLoss,
          privateLogLoss: model.privateLogLoss,
          iteration: model.iteration,
          snapshot: item.snapshot && k === item.models.length - 1,
          scoredAt: new Date(model.scoredAt),
        });
        owner.push(index);
      }
    }
    const results: WriteResult[] = new Array(items.length).fill("ok");
    try {
      const written = await recordModelUpdates(db, inputs);
      for (const [k, result] of written.entries()) {
        if (result.ok) continue;
        // Not live, not a participant, or (never from the scorer) invalid: retrying can't help.
        if (result.code === "INVALID") logger.warn("persist.invalid", { studentId: inputs[k]?.studentId });
        results[owner[k] as number] = "dropped";
      }
      return results;
    } catch (error) {
      logger.warn("persist.failed", { message: (error as Error).message, items: items.length });
      return results.fill("failed");
    }
  };
}

interface Pending {
  /** The latest model, unless it is the same model as the last one written. */
  latest: ScoredModel | null;
  /** The best model since the last write, if better than any written: it must not be lost to coalescing. */
  best: ScoredModel | null;
}

/** What this process wrote for a participant. */
interface Persisted {
  /** Lowest public log loss written (the database's best is at most this). */
  bestLoss: number;
  /** The last latest model handed to the sink (written, being written, or queued again after a failure). */
  final: ScoredModel | null;
  writtenAt: number;
  snapshotAt: number;
}

export interface WriterStats {
  written: number;
  dropped: number;
  failed: number;
  pending: number;
}

export interface WriterOptions {
  /** Minimum time between two writes of one participant (ms). */
  intervalMs: number;
  /** Minimum time between two replay snapshots of one participant (ms). */
  snapshotIntervalMs: number;
  /**
   * Steady-state budget: participants written per second, all participants together (default unlimited).
   * Under load each participant is then written every (participants / budget) s instead of every
   * intervalMs; flush() and close() ignore it.
   */
  maxWritesPerSecond?: number;
  /** How often the timer writes what is due (ms, default min(intervalMs, 250)). */
  tickMs?: number;
}

const key = (challengeId: string, studentId: string) => `${challengeId}\u0000${studentId}`;

const sameModel = (a: ScoredModel, b: ScoredModel) =>
  a.b === b.b &&
  a.w[0] === b.w[0] &&
  a.w[1] === b.w[1] &&
  (a.standardisation === b.standardisation ||
    (a.standardisation !== null &&
      b.standardisation !== null &&
      a.standardisation.mean[0] === b.standardisation.mean[0] &&
      a.standardisation.mean[1] === b.standardisation.mean[1] &&
      a.standardisation.std[0] === b.standardisation.std[0] &&
      a.standardisation.std[1] === b.standardisation.std[1]));

/**
 * Write-behind buffer: keeps, per participant, the latest model and the best one not yet written, and
 * writes them with recordModelUpdates. A participant is written at most every `intervalMs`, oldest change
 * first, within a global budget of `maxWritesPerSecond`, so the database load stays flat however many
 * students train; the best model waits in memory meanwhile and is never dropped. Nothing is written for a
 * participant whose model didn't change, and a best no better than one already written is skipped. Every
 * `snapshotIntervalMs` (or at the next write after it) a participant's write also stores a replay snapshot.
 * Flushes never overlap; a failed write is retried later unless a newer model replaced it.
 */
export class ModelWriter {
  /** Insertion order is the order participants became dirty: the timer writes the oldest first. */
  private pending = new Map<string, Pending>();
  private readonly persisted = new Map<string, Persisted>();
  private readonly timer: NodeJS.Timeout;
  private readonly tickMs: number;
  private flushing: Promise<void> = Promise.resolve();
  private running = 0;
  private readonly stats = { written: 0, dropped: 0, failed: 0 };

  constructor(
    private readonly sink: WriteSink,
    private readonly options: WriterOptions,
  ) {
    this.tickMs = options.tickMs ?? Math.min(options.intervalMs, 250);
    this.timer = setInterval(() => {
      // A tick is skipped while a write is still running: the budget paces, it never queues up.
      if (this.running === 0) void this.enqueue(false);
    }, this.tickMs);
    this.timer.unref();
  }

  record(model: ScoredModel): void {
    const k = key(model.challengeId, model.studentId);
    let entry = this.pending.get(k);
    const written = this.persisted.get(k);
    const changed = !written?.final || !sameModel(written.final, model);
    if (!entry) {
      if (!changed) return;
      entry = { latest: null, best: null };
      this.pending.set(k, entry);
    }
    // Unchanged: the newest model is the one already handed to the sink, so nothing newer to write.
    entry.latest = changed ? model : null;
    const bestSoFar = Math.min(entry.best?.publicLogLoss ?? Infinity, written?.bestLoss ?? Infinity);
    if (model.publicLogLoss < bestSoFar) entry.best = model;
  }

  /** Writes everything pending now, ignoring the budget (waits for a write already running). */
  flush(): Promise<void> {
    return this.enqueue(true);
  }

  /** Stops the timer and writes until nothing is pending (or the database keeps failing). */
  async close(): Promise<WriterStats> {
    clearInterval(this.timer);
    for (let round = 0; round < 5 && (this.pending.size > 0 || this.running > 0); round++) await this.flush();
    return this.getStats();
  }

  getStats(): WriterStats {
    return { ...this.stats, pending: this.pending.size };
  }

  private enqueue(all: boolean): Promise<void> {
    this.running += 1;
    const run = this.flushing.then(() => this.write(all));
    this.flushing = run.then(
      () => {
        this.running -= 1;
      },
      () => {
        this.running -= 1;
      },
    );
    return this.flushing;
  }

  private async write(all: boolean): Promise<void> {
    if (this.pending.size === 0) return;
    const now = Date.now();
    const budget =
      all || this.options.maxWritesPerSecond === undefined
        ? Number.POSITIVE_INFINITY
        : Math.max(1, Math.round((this.options.maxWritesPerSecond * this.tickMs) / 1000));
    const batch: [string, Pending][] = [];
    for (const entry of this.pending) {
      if (batch.length >= budget) break;
      const written = this.persisted.get(entry[0]);
      if (!all && written && now - written.writtenAt < this.options.intervalMs) continue;
      // Back to the model already handed to the sink, with no better best: nothing to write.
      if (!entry[1].latest && !entry[1].best) this.pending.delete(entry[0]);
      else batch.push(entry);
    }
    if (batch.length === 0) return;
    // What each participant's final was before this write: restored if the write fails.
    const previousFinals: (ScoredModel | null)[] = [];
    for (const [k, entry] of batch) {
      this.pending.delete(k);
      const written = this.persisted.get(k);
      previousFinals.push(written?.final ?? null);
      if (!entry.latest) continue;
      if (written) written.final = entry.latest;
      else this.persisted.set(k, { bestLoss: Infinity, final: entry.latest, writtenAt: 0, snapshotAt: 0 });
    }
    const items: WriteItem[] = [];
    const snapshots: boolean[] = [];
    for (const [k, entry] of batch) {
      const written = this.persisted.get(k);
      const models: ScoredModel[] = [];
      if (entry.best && entry.best !== entry.latest) models.push(entry.best);
      if (entry.latest) models.push(entry.latest);
      // Due when the snapshot period is nearer now than the next write (about the time since the last one
      // away): with writes every 4 s under load, a snapshot every 4 s rather than every 8 s.
      const snapshot =
        entry.latest !== null &&
        (!written ||
          now - written.snapshotAt + (now - written.writtenAt) / 2 >= this.options.snapshotIntervalMs);
      snapshots.push(snapshot);
      items.push({ models, snapshot });
    }
    let results: WriteResult[];
    try {
      results = await this.sink(items);
    } catch {
      results = [];
    }
    for (const [index, [k, entry]] of batch.entries()) {
      const item = items[index] as WriteItem;
      const result = results[index] ?? "failed";
      if (result === "ok") {
        this.stats.written += item.models.length;
        const written = this.persisted.get(k) ?? {
          bestLoss: Infinity,
          final: null,
          writtenAt: 0,
          snapshotAt: 0,
        };
        for (const model of item.models) written.bestLoss = Math.min(written.bestLoss, model.publicLogLoss);
        written.writtenAt = now;
        if (snapshots[index]) written.snapshotAt = now;
        this.persisted.set(k, written);
      } else if (result === "dropped") {
        this.stats.dropped += item.models.length;
        this.persisted.delete(k);
      } else {
        // Retried later unless a newer model replaced it; the best is never forgotten.
        this.stats.failed += 1;
        const written = this.persisted.get(k);
        if (written) written.final = previousFinals[index] ?? null;
        const newer = this.pending.get(k);
        if (!newer) {
          this.pending.set(k, entry);
          continue;
        }
        // A newer model that equalled the failed latest was recorded as "unchanged": write it after all.
        if (!newer.latest) newer.latest = entry.latest;
        if (entry.best && entry.best.publicLogLoss < (newer.best?.publicLogLoss ?? Infinity))
          newer.best = entry.best;
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
