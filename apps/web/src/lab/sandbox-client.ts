import type { LabLanguage } from "@margin/db";
import { buildPlan, failAll, grade, type Verdict } from "./grader";
import type { SandboxRequest } from "./protocol";
import {
  newNonce,
  runInSandbox,
  SANDBOX_TIME_LIMIT_MS,
  type SandboxWorker,
  timeoutMessage,
} from "./run-sandbox";
import { prepareCode } from "./transpile";

function createSandboxWorker(): SandboxWorker {
  return new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "lab-sandbox" });
}

/**
 * Strips types, runs the student's functions on fresh random cases in a new sandbox worker, and
 * grades the raw outputs here, on the page.
 */
export async function runAndGrade(source: string, language: LabLanguage): Promise<Verdict> {
  const prepared = prepareCode(source, language);
  if (!prepared.ok) {
    return failAll(
      `Your code could not be read: ${prepared.message}`,
      "Fix the first error the message points at.",
    );
  }
  const seed = crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
  const plan = buildPlan(seed);
  const request: SandboxRequest = { nonce: newNonce(), code: prepared.code, calls: plan.calls };
  const outcome = await runInSandbox(request, createSandboxWorker, SANDBOX_TIME_LIMIT_MS);
  if (outcome.kind === "timeout") {
    return failAll(
      timeoutMessage(outcome.limitMs),
      "Check that every loop moves towards its end condition (for example i++ in a for loop).",
    );
  }
  if (outcome.kind === "error") {
    return failAll(
      `Your code could not run: ${outcome.message}`,
      "Fix the first error the message points at.",
    );
  }
  return grade(plan, outcome.outputs);
}
