import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "~/lab/grader";

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

let counter = 0;
const lessonSlug = "cats-or-dogs" as const;
const allPassed = CHECKS.map(({ id }) => ({ id, passed: true }));

async function teacherWithClass() {
  counter += 1;
  const browser = new TestBrowser();
  await browser.call((api) =>
    api.auth.signUp({
      displayName: `Teacher ${counter}`,
      schoolName: `School ${counter}`,
      email: `lab-teacher${counter}-${Date.now()}@school.test`,
      password: "correct horse battery",
    }),
  );
  const classroom = await browser.call((api) => api.classroom.create({ name: "Lab class" }));
  return { browser, code: classroom.joinCode };
}

async function student(code: string, nickname = `Kid${++counter}`) {
  const browser = new TestBrowser();
  await browser.call((api) => api.student.join({ code, nickname }));
  return browser;
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("the lab router", () => {
  it("saves a student's draft, keeps the passing version and completes the objective", async () => {
    const { code } = await teacherWithClass();
    const ada = await student(code);
    expect(await ada.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({
      draft: null,
      objectiveCompleted: false,
    });
    await ada.call((api) => api.lab.saveDraft({ lessonSlug, language: "typescript", draft: "// draft" }));
    const failing = allPassed.map((r, i) => ({ ...r, passed: i > 0 }));
    expect(
      await ada.call((api) =>
        api.lab.recordRun({ lessonSlug, language: "javascript", code: "// v1", results: failing }),
      ),
    ).toMatchObject({ passed: false, objectiveCompleted: false });
    const passed = await ada.call((api) =>
      api.lab.recordRun({ lessonSlug, language: "javascript", code: "// v2", results: allPassed }),
    );
    expect(passed).toMatchObject({ passed: true, objectiveCompleted: true });
    await ada.call((api) => api.lab.saveDraft({ lessonSlug, language: "javascript", draft: "// v3" }));
    expect(await ada.call((api) => api.lab.mine({ lessonSlug }))).toMatchObject({
      draft: "// v3",
      passingCode: "// v2",
      objectiveCompleted: true,
    });
  });

  it("does not count an incomplete list of checks as a pass", async () => {
    const { code } = await teacherWithClass();
    const kid = await student(code);
    const result = await kid.call((api) =>
      api.lab.recordRun({
        lessonSlug,
        language: "javascript",
        code: "// x",
        results: [{ id: "sigmoid-zero", passed: true }],
      }),
    );
    expect(result).toMatchObject({ passed: false, objectiveCompleted: false });
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
    expect(
      (
        await errorOf(
          kid.call((api) =>
            api.lab.recordRun({
              lessonSlug,
              language: "javascript",
              code: "x",
              results: [{ id: "pass", passed: true }],
            }),
          ),
        )
      ).code,
    ).toBe("BAD_REQUEST");
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
      await mine.browser.call((api) => api.lab.studentCode({ studentId: adaId, lessonSlug })),
    ).toMatchObject({
      nickname: "Ada",
      draft: "// ada",
    });
    expect(
      (await errorOf(other.browser.call((api) => api.lab.studentCode({ studentId: adaId, lessonSlug }))))
        .code,
    ).toBe("FORBIDDEN");
    expect(
      (await errorOf(other.browser.call((api) => api.lab.classroom({ code: mine.code, lessonSlug })))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await errorOf(ada.call((api) => api.lab.studentCode({ studentId: adaId, lessonSlug })))).code,
    ).toBe("FORBIDDEN");
    expect((await errorOf(mine.browser.call((api) => api.lab.mine({ lessonSlug })))).code).toBe("FORBIDDEN");
    expect((await errorOf(new TestBrowser().call((api) => api.lab.mine({ lessonSlug })))).code).toBe(
      "UNAUTHORIZED",
    );
  });
});
