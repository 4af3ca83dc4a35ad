import "server-only";
import type { LabLanguage } from "@margin/db";
import { gradeSource } from "~/lab/grade-source";
import type { Verdict } from "~/lab/grader";
import { LabSandboxError, runInQuickJs } from "./quickjs-sandbox";

/**
 * The verdict that counts: the server runs the submitted code itself in QuickJS, with the page's checks.
 * Code that hits the time or memory limit is refused with a typed error instead of a verdict.
 */
export async function gradeOnServer(source: string, language: LabLanguage): Promise<Verdict> {
  const verdict = await gradeSource(source, language, runInQuickJs);
  if (verdict.problem?.limit === "time") throw new LabSandboxError("TIME_LIMIT", verdict.problem.message);
  if (verdict.problem?.limit === "memory") throw new LabSandboxError("MEMORY_LIMIT", verdict.problem.message);
  return verdict;
}
