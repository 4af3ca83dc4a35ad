import type { RunOutcome } from "./grade-source";
import { acceptSandboxMessage, type SandboxRequest } from "./protocol";

/** The student's code gets this long per run; then the worker is terminated. */
export const SANDBOX_TIME_LIMIT_MS = 3000;

export type SandboxOutcome = Exclude<RunOutcome, { kind: "memory" }>;

/** The part of a Worker the runner uses, so tests can stand in for one. */
export interface SandboxWorker {
  postMessage(message: SandboxRequest): void;
  terminate(): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
}

export { timeoutMessage } from "./grade-source";

/**
 * Runs one request in a fresh worker and always terminates it: on the first accepted answer, on a
 * crash, or when the time limit passes. Messages that are not this run's answer are ignored.
 */
export function runInSandbox(
  request: SandboxRequest,
  createWorker: () => SandboxWorker,
  limitMs = SANDBOX_TIME_LIMIT_MS,
): Promise<SandboxOutcome> {
  return new Promise((resolve) => {
    const worker = createWorker();
    let settled = false;
    const finish = (outcome: SandboxOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: "timeout", limitMs }), limitMs);
    worker.addEventListener("message", (event) => {
      const accepted = acceptSandboxMessage(event.data, request);
      if (!accepted) return;
      finish(
        accepted.type === "outputs"
          ? { kind: "outputs", outputs: accepted.outputs }
          : { kind: "error", message: accepted.message },
      );
    });
    worker.addEventListener("error", (event) => {
      finish({ kind: "error", message: event.message || "The sandbox stopped unexpectedly." });
    });
    worker.postMessage(request);
  });
}

/** A fresh, unguessable id for one run. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
