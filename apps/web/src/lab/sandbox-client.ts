import type { LabLanguage } from "@margin/db";
import { gradeSource } from "./grade-source";
import type { Verdict } from "./grader";
import { newNonce, runInSandbox, SANDBOX_TIME_LIMIT_MS, type SandboxWorker } from "./run-sandbox";

function createSandboxWorker(): SandboxWorker {
  return new Worker(new URL("./sandbox.worker.ts", import.meta.url), { type: "module", name: "lab-sandbox" });
}

/**
 * Runs the student's functions in a new sandbox worker and grades them on the page, for instant
 * feedback and the charts. The server grades the same code again; its verdict is the one that counts.
 */
export function runAndGrade(source: string, language: LabLanguage): Promise<Verdict> {
  return gradeSource(source, language, (code, calls) =>
    runInSandbox({ nonce: newNonce(), code, calls }, createSandboxWorker, SANDBOX_TIME_LIMIT_MS),
  );
}
