/**
 * Runs expensive work (Argon2: ~20 MiB and tens of milliseconds of CPU each) a few at a time, so a burst
 * can't fill libuv's thread pool (4 threads, shared with file and DNS work) and queue a teacher's sign-in
 * behind hundreds of hashes. Checks of a secret someone is waiting on ("verify": sign-in, rejoin) go ahead
 * of hashing for new accounts ("hash": join, sign-up, invites); a full queue refuses at once.
 */
export type WorkPriority = "verify" | "hash";

export class GateFullError extends Error {
  constructor() {
    super("The server is busy. Try again in a moment.");
    this.name = "GateFullError";
  }
}

export class WorkGate {
  private running = 0;
  private readonly queues: Record<WorkPriority, Array<() => void>> = { verify: [], hash: [] };

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued: number,
  ) {}

  get queued(): number {
    return this.queues.verify.length + this.queues.hash.length;
  }

  async run<T>(priority: WorkPriority, work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.queued >= this.maxQueued) throw new GateFullError();
      await new Promise<void>((resolve) => this.queues[priority].push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Hands the slot straight to the next waiter (verify first), or frees it. */
  private release(): void {
    const next = this.queues.verify.shift() ?? this.queues.hash.shift();
    if (next) next();
    else this.running -= 1;
  }
}
