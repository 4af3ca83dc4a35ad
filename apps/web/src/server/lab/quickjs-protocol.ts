import type { LabCall } from "~/lab/protocol";

/** What the host sends to a fresh QuickJS worker, once. */
export interface QuickJsJob {
  code: string;
  calls: LabCall[];
  timeLimitMs: number;
  memoryLimitBytes: number;
}

/** The worker's only message. Outputs are raw and unchecked: the host validates them with zod. */
export type QuickJsReply =
  | { type: "outputs"; outputs: unknown[] }
  | { type: "error"; message: string }
  | { type: "timeout"; limitMs: number }
  | { type: "memory"; limitBytes: number }
  | { type: "crash"; message?: string };
