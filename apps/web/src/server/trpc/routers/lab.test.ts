import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "~/lab/grader";
import { CORRECT_SOLUTION, mutate } from "~/lab/test-fixtures";
import { LabSandboxError, SERVER_TIME_LIMIT_MS } from "~/server/lab/quickjs-sandbox";

// A real SQLite file behind the real router and real cookies.
const directory = mkdtempSync(join(tmpdir(), "margin-lab-test-"));
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = "lab-router-test-realtime-secret-0123456789";
process.env.SESSION_SECRET = "lab-router-test-session-secret-0123456789";

const { TestBrowser } = await import("~/test-support/trpc-client");

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const lessonSlug = "cats-or-dogs" as const;
const allPassed = CHECKS.map(({ id }) => ({ id, passed: true }));
const SIGN_ERROR = mutate(CORRECT_SOLUTION, "const r = yPred[i] - y[i];", "const r = y[i] - yPred[i];");

/** What a crafted request can send: the old API took the page's verdict as `results`. */
type ForgedRun = { lessonSlug: typeof lessonSlug; language: "javascript"; code: string };
const forged = (code: string) =>
  ({ lessonSlug, language: "javascript", code, results: allPassed }) as unknown as ForgedRun;

const { errorOf, joinedStudent, teacherWithClass } = await import("~/test-support/accounts");
const student = async (code: string, nickname?: string) => (await joinedStudent(code, nickname)).browser;

describe("the lab router", () => {
  it("saves a student's draft, keeps the passing version and completes the objective", async () => {
    const { code } = await teacherWithClass();
    const ada = await student(code);
    expect(await ada.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({
      draft: null,
      objectiveCompleted: false,
    });
    await ada.call((api) => api.lab.saveDraft({ lessonSlug, language: "typescript", draft: "// draft" }));
    const failing = await ada.call((api) =>
      api.lab.recordRun({ lessonSlug, language: "javascript", code: SIGN_ERROR }),
    );
    expect(failing).toMatchObject({ passed: false, objectiveCompleted: false, problem: null });
    expect(failing.checks.find((check) => check.id === "gradients")).toMatchObject({
      passed: false,
      hint: expect.stringContaining("opposite sign"),
    });
    const passed = await ada.call((api) =>
      api.lab.recordRun({ lessonSlug, language: "javascript", code: CORRECT_SOLUTION }),
    );
    expect(passed).toMatchObject({ passed: true, objectiveCompleted: true });
    expect(passed.checks.every((check) => check.passed)).toBe(true);
    await ada.call((api) => api.lab.saveDraft({ lessonSlug, language: "javascript", draft: "// v3" }));
    expect(await ada.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({
      draft: "// v3",
      passingCode: CORRECT_SOLUTION,
      objectiveCompleted: true,
    });
  });

  it("grades TypeScript on the server after stripping its types, as the page does", async () => {
    const { code } = await teacherWithClass();
    const kid = await student(code);
    const typed = mutate(CORRECT_SOLUTION, "function sigmoid(z) {", "function sigmoid(z: number): number {");
    expect(
      await kid.call((api) => api.lab.recordRun({ lessonSlug, language: "typescript", code: typed })),
    ).toMatchObject({ passed: true, objectiveCompleted: true });
  });

  it("ignores a forged verdict: wrong or empty code sent with every check 'passed' completes nothing", async () => {
    const { browser: teacher, code } = await teacherWithClass();
    const eve = await student(code, "Eve");
    for (const attempt of [SIGN_ERROR, "", "function train() { return { pass: true, passed: true }; }"]) {
      const result = await eve.call((api) => api.lab.recordRun(forged(attempt)));
      expect(result).toMatchObject({ passed: false, passedAt: null, objectiveCompleted: false });
    }
    expect(await eve.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({
      passingCode: null,
      objectiveCompleted: false,
    });
    // The teacher sees the server's checks for the last attempt, not the forged ones.
    const [row] = await teacher.call((api) => api.lab.classroom({ code, lessonSlug }));
    expect(row).toMatchObject({ nickname: "Eve", status: "in-progress", checksPassed: 0 });
    const progress = await teacher.call((api) => api.progress.classroom({ code, lessonSlug }));
    expect(progress.students[0]?.objectives["from-scratch"]).toBe("not-started");
  });

  it("stops an infinite loop sent straight to the API at the limit, without blocking the server", async () => {
    const { code } = await teacherWithClass();
    const kid = await student(code);
    // The web server keeps answering while the loop runs: a timer here must keep firing on time.
    let longestGap = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      longestGap = Math.max(longestGap, Date.now() - last);
      last = Date.now();
    }, 20);
    const started = Date.now();
    const loop = "function sigmoid(z) { while (true) {} }";
    const error = await errorOf(
      kid.call((api) => api.lab.recordRun({ lessonSlug, language: "javascript", code: loop })),
    );
    const elapsed = Date.now() - started;
    clearInterval(ticker);
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toBe("Your code ran for more than 3 s — is there an infinite loop?");
    expect(error.cause).toBeInstanceOf(LabSandboxError);
    expect((error.cause as LabSandboxError).code).toBe("TIME_LIMIT");
    expect(elapsed).toBeGreaterThanOrEqual(SERVER_TIME_LIMIT_MS);
    expect(elapsed).toBeLessThan(SERVER_TIME_LIMIT_MS + 3000);
    expect(longestGap).toBeLessThan(500);
    // Nothing was recorded for the run that never finished.
    expect(await kid.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({ draft: null });
  });

  it("stops a memory bomb at the heap limit with a typed error", async () => {
    const { code } = await teacherWithClass();
    const kid = await student(code);
    // One allocation far over the cap: deterministic on a loaded CI machine, where hoarding small arrays
    // (QuickJS collecting garbage ever more often near its limit) can reach the time limit first.
    const bomb = "const hoard = new Float64Array(20000000); hoard.fill(1);";
    const error = await errorOf(
      kid.call((api) => api.lab.recordRun({ lessonSlug, language: "javascript", code: bomb })),
    );
    expect(error.code).toBe("UNPROCESSABLE_CONTENT");
    expect(error.message).toMatch(/^Your code used more than 64 MB of memory/);
    expect((error.cause as LabSandboxError).code).toBe("MEMORY_LIMIT");
  });

  it("reports code that does not compile as a failed run, with the reason", async () => {
    const { code } = await teacherWithClass();
    const kid = await student(code);
    const result = await kid.call((api) =>
      api.lab.recordRun({ lessonSlug, language: "javascript", code: "function sigmoid(z) { return" }),
    );
    expect(result).toMatchObject({ passed: false, objectiveCompleted: false });
    expect(result.problem?.message).toMatch(/^Your code could not run: SyntaxError/);
  });

  it("validates input: size cap, language, check ids, lesson", async () => {
    const { code } = await teacherWithClass();
    const kid = await student(code);
    const huge = "x".repeat(50_001);
    expect(
      (
        await errorOf(
          kid.call((api) => api.lab.saveDraft({ lessonSlug, language: "javascript", draft: huge })),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    expect(
      (
        await errorOf(
          // @ts-expect-error python is not a lab language
          kid.call((api) => api.lab.saveDraft({ lessonSlug, language: "python", draft: "x" })),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    const refused = await errorOf(
      kid.call((api) => api.lab.recordRun({ lessonSlug, language: "javascript", code: huge })),
    );
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toContain("Code is limited to 50 000 characters");
    expect(await kid.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({ draft: null });
  });

  it("lets a teacher read their own students only; students and strangers are refused", async () => {
    const mine = await teacherWithClass();
    const other = await teacherWithClass();
    const ada = await student(mine.code, "Ada");
    await ada.call((api) => api.lab.saveDraft({ lessonSlug, language: "javascript", draft: "// ada" }));
    const rows = await mine.browser.call((api) => api.lab.classroom({ code: mine.code, lessonSlug }));
    expect(rows).toMatchObject([{ nickname: "Ada", status: "in-progress" }]);
    const adaId = rows[0]?.studentId ?? "";
    expect(
      await mine.browser.call((api) =>
        api.lab.studentCode({ code: mine.code, studentId: adaId, lessonSlug }),
      ),
    ).toMatchObject({
      nickname: "Ada",
      draft: "// ada",
    });
    expect(
      (
        await errorOf(
          other.browser.call((api) => api.lab.studentCode({ code: mine.code, studentId: adaId, lessonSlug })),
        )
      ).code,
    ).toBe("FORBIDDEN");
    // Nor through a class of their own that Ada is not in.
    expect(
      (
        await errorOf(
          other.browser.call((api) =>
            api.lab.studentCode({ code: other.code, studentId: adaId, lessonSlug }),
          ),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect(
      (await errorOf(other.browser.call((api) => api.lab.classroom({ code: mine.code, lessonSlug })))).code,
    ).toBe("FORBIDDEN");
    expect(
      (
        await errorOf(
          ada.call((api) => api.lab.studentCode({ code: mine.code, studentId: adaId, lessonSlug })),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await errorOf(mine.browser.call((api) => api.lab.mine({ lessonSlug })))).code).toBe("FORBIDDEN");
    expect((await errorOf(new TestBrowser().call((api) => api.lab.mine({ lessonSlug })))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});
