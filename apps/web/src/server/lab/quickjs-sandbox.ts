import { Worker, type WorkerOptions } from "node:worker_threads";
import { z } from "zod";
import type { RunOutcome } from "~/lab/grade-source";
import { CallOutputSchema, type LabCall } from "~/lab/protocol";
import type { QuickJsJob, QuickJsReply } from "./quickjs-protocol";

/** Same budget as the page's sandbox: the student's code gets this long per run. */
export const SERVER_TIME_LIMIT_MS = 3000;
/** QuickJS heap per run: far above what the lab's functions need (about 2 MB), far below the server's. */
export const SERVER_MEMORY_LIMIT_BYTES = 64 * 1024 * 1024;
/** Worker start-up and QuickJS loading happen before the code's clock starts; past this the thread is killed. */
const STARTUP_GRACE_MS = 3000;
/** Runs at once (the machine's cores are shared with the web server) and runs allowed to wait. */
const MAX_RUNNING = 2;
const MAX_WAITING = 32;

type ServerSandboxOutcome = RunOutcome;

export type LabSandboxErrorCode = "TIME_LIMIT" | "MEMORY_LIMIT" | "BUSY" | "CRASHED";

/** A run the server could not finish; the tRPC layer maps the code to a typed error. */
export class LabSandboxError extends Error {
  constructor(
    readonly code: LabSandboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LabSandboxError";
  }
}

const WORKER_OPTIONS: WorkerOptions = {
  // V8's own heap in the thread (QuickJS lives in wasm memory, capped by its runtime's limit).
  resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  env: {},
  stdout: true,
  stderr: true,
};

function spawnWorker(options: WorkerOptions): Worker {
  // Plain JavaScript on purpose: Next copies the file beside the server bundle and Node loads it as it is.
  return new Worker(new URL("./quickjs.worker.mjs", import.meta.url), options);
}

const OutputsSchema = z.array(CallOutputSchema).max(64);

let running = 0;
const waiting: Array<() => void> = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_RUNNING) {
    if (waiting.length >= MAX_WAITING) {
      throw new LabSandboxError(
        "BUSY",
        "The grader is busy with the whole class's code — try again in a moment.",
      );
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/**
 * Runs the student's (type-stripped) code and the requested calls in QuickJS compiled to WebAssembly,
 * in a fresh worker thread: no host objects, no I/O, an interrupt-based time limit and a heap limit. The
 * web server's event loop only waits for one message. Returns raw outputs; never a verdict.
 */
export async function runInQuickJs(
  code: string,
  calls: LabCall[],
  limits: { timeLimitMs?: number; memoryLimitBytes?: number } = {},
): Promise<ServerSandboxOutcome> {
  const job: QuickJsJob = {
    code,
    calls,
    timeLimitMs: limits.timeLimitMs ?? SERVER_TIME_LIMIT_MS,
    memoryLimitBytes: limits.memoryLimitBytes ?? SERVER_MEMORY_LIMIT_BYTES,
  };
  const release = await slot();
  try {
    return await new Promise<ServerSandboxOutcome>((resolve, reject) => {
      const worker = spawnWorker(WORKER_OPTIONS);
      let settled = false;
      const finish = (outcome: ServerSandboxOutcome | LabSandboxError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (outcome instanceof LabSandboxError) reject(outcome);
        else resolve(outcome);
      };
      // The interrupt handler stops the code at the deadline; this stops a thread that never answers.
      const timer = setTimeout(
        () => finish({ kind: "timeout", limitMs: job.timeLimitMs }),
        job.timeLimitMs + STARTUP_GRACE_MS,
      );
      worker.once("message", (reply: QuickJsReply) => finish(toOutcome(reply)));
      worker.once("error", (error) => {
        const memory = /ERR_WORKER_OUT_OF_MEMORY|heap out of memory/i.test(`${error}`);
        finish(
          memory
            ? { kind: "memory", limitBytes: job.memoryLimitBytes }
            : new LabSandboxError("CRASHED", "The grader stopped unexpectedly; please run your code again."),
        );
      });
      worker.once("exit", () =>
        finish(
          new LabSandboxError("CRASHED", "The grader stopped unexpectedly; please run your code again."),
        ),
      );
      worker.postMessage(job);
    });
  } finally {
    release();
  }
}

function toOutcome(reply: QuickJsReply): ServerSandboxOutcome | LabSandboxError {
  switch (reply.type) {
    case "outputs": {
      const parsed = OutputsSchema.safeParse(reply.outputs);
      return parsed.success
        ? { kind: "outputs", outputs: parsed.data }
        : new LabSandboxError("CRASHED", "The grader could not read your functions' outputs.");
    }
    case "error":
      return { kind: "error", message: reply.message };
    case "timeout":
      return { kind: "timeout", limitMs: reply.limitMs };
    case "memory":
      return { kind: "memory", limitBytes: reply.limitBytes };
    default:
      return new LabSandboxError("CRASHED", "The grader stopped unexpectedly; please run your code again.");
  }
}
