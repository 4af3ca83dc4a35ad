import type { LabLanguage } from "@margin/db";
import { buildPlan, failAll, grade, type Verdict } from "./grader";
import type { CallOutput, LabCall } from "./protocol";
import { prepareCode } from "./transpile";

/** What a sandbox (the page's Web Worker or the server's QuickJS) reports for one run. */
export type RunOutcome =
  | { kind: "outputs"; outputs: CallOutput[] }
  | { kind: "error"; message: string }
  | { kind: "timeout"; limitMs: number }
  | { kind: "memory"; limitBytes: number };

export type RunCalls = (code: string, calls: LabCall[]) => Promise<RunOutcome>;

export function timeoutMessage(limitMs: number): string {
  return `Your code ran for more than ${limitMs / 1000} s — is there an infinite loop?`;
}

export function memoryMessage(limitBytes: number): string {
  return `Your code used more than ${Math.round(limitBytes / (1024 * 1024))} MB of memory — is something growing without end?`;
}

export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
}

/**
 * The one grading flow the page and the server share: strip types, run the student's functions on fresh
 * random cases from `seed` in the given sandbox, and compute the verdict from the raw outputs and
 * @margin/core's reference values — outside the student's code.
 */
export async function gradeSource(
  source: string,
  language: LabLanguage,
  runCalls: RunCalls,
  seed = randomSeed(),
): Promise<Verdict> {
  const prepared = prepareCode(source, language);
  if (!prepared.ok) {
    return failAll(
      `Your code could not be read: ${prepared.message}`,
      "Fix the first error the message points at.",
    );
  }
  const plan = buildPlan(seed);
  const outcome = await runCalls(prepared.code, plan.calls);
  switch (outcome.kind) {
    case "timeout":
      return failAll(
        timeoutMessage(outcome.limitMs),
        "Check that every loop moves towards its end condition (for example i++ in a for loop).",
        "time",
      );
    case "memory":
      return failAll(
        memoryMessage(outcome.limitBytes),
        "Look for an array or string that grows on every pass of a loop that never ends.",
        "memory",
      );
    case "error":
      return failAll(
        `Your code could not run: ${outcome.message}`,
        "Fix the first error the message points at.",
      );
    default:
      return grade(plan, outcome.outputs);
  }
}
