import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@margin/db";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real SQLite file behind the real router, cookies and CSV route handlers.
const directory = mkdtempSync(join(tmpdir(), "margin-school-test-"));
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = "school-router-test-realtime-secret-0123456789";
process.env.SESSION_SECRET = "school-router-test-session-secret-0123456789";

const { TestBrowser } = await import("~/test-support/trpc-client");
const { errorOf } = await import("~/test-support/accounts");
const { getDb } = await import("~/server/db");
const progressCsv = await import("~/app/api/export/class/[code]/progress/route");
const schoolCsv = await import("~/app/api/export/school/route");
const challengeCsv = await import("~/app/api/export/challenge/[id]/route");

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// Names with commas, quotes and non-ASCII letters must survive the CSV round trip.
const CLASS_NAME = 'Zoë\'s "Year 9", set 2';
let counter = 0;
const PASSWORD = "correct horse battery";
type Browser = InstanceType<typeof TestBrowser>;

async function admin() {
  counter += 1;
  const browser = new TestBrowser();
  await browser.call((api) =>
    api.auth.signUp({
      displayName: `Admin ${counter}`,
      schoolName: `School ${counter}`,
      email: `admin${counter}-${Date.now()}@school.test`,
      password: PASSWORD,
    }),
  );
  return browser;
}

async function invitedTeacher(adminBrowser: Browser) {
  const { token } = await adminBrowser.call((api) => api.invites.create());
  const browser = new TestBrowser();
  counter += 1;
  await browser.call((api) =>
    api.invites.accept({
      token,
      displayName: `Teacher ${counter}`,
      email: `teacher${counter}-${Date.now()}@school.test`,
      password: PASSWORD,
    }),
  );
  return browser;
}

const get = (
  handler: { GET: (request: Request, context: never) => Promise<Response> },
  browser: Browser | null,
  params: Record<string, string> = {},
) =>
  handler.GET(
    new Request("http://localhost/api/export", {
      headers: browser?.cookie ? { cookie: browser.cookie } : {},
    }),
    {
      params: Promise.resolve(params),
    } as never,
  );

/** Admin → invited teacher with a class → two students who answered quiz questions. */
async function school() {
  const adminBrowser = await admin();
  const teacher = await invitedTeacher(adminBrowser);
  const classroom = await teacher.call((api) => api.classroom.create({ name: CLASS_NAME }));
  const code = classroom.joinCode;
  const students: Browser[] = [];
  for (const nickname of ["Zoë O'Neil", "Bob"]) {
    const browser = new TestBrowser();
    await browser.call((api) => api.student.join({ code, nickname }));
    students.push(browser);
  }
  const submit = (browser: Browser, questionId: string, value: number) =>
    browser.call((api) =>
      api.quiz.submit({ lessonSlug: "cats-or-dogs", questionId, answer: { kind: "numeric", value } }),
    );
  const [zoe, bob] = students as [Browser, Browser];
  // Zoë masters "sigmoid": σ(0) and σ(z) for her own z, both right at the first try.
  await submit(zoe, "sigmoid-at-zero", 0.5);
  const [own] = await zoe.call((api) =>
    api.quiz.questions({ lessonSlug: "cats-or-dogs", questionIds: ["sigmoid-of-z"] }),
  );
  const z = Number(/z = (-?[\d.]+)\$/.exec(own?.prompt ?? "")?.[1]);
  await submit(zoe, "sigmoid-of-z", 1 / (1 + Math.exp(-z)));
  await submit(bob, "sigmoid-at-zero", 1);
  return { adminBrowser, teacher, code, classroom, zoe, bob };
}

describe("invites", () => {
  it("makes the invitee a teacher of the inviter's school, once", async () => {
    const adminBrowser = await admin();
    const { token } = await adminBrowser.call((api) => api.invites.create());
    const described = await new TestBrowser().call((api) => api.invites.describe({ token }));
    expect(described.schoolName).toMatch(/^School /);
    const teacher = await invitedTeacher(adminBrowser);
    expect(await teacher.call((api) => api.auth.me())).toMatchObject({ role: "teacher" });
    const staff = await adminBrowser.call((api) => api.school.staff());
    expect(staff.map((s) => s.role).sort()).toEqual(["school_admin", "teacher"]);

    const first = new TestBrowser();
    const accept = (browser: Browser, email: string) =>
      browser.call((api) => api.invites.accept({ token, displayName: "Reuse", email, password: PASSWORD }));
    await accept(first, `once-${Date.now()}@school.test`);
    const reused = await errorOf(accept(new TestBrowser(), `twice-${Date.now()}@school.test`));
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toBe("This invite has already been used. Ask your school admin for a new one.");
  });

  it("refuses an expired invite with a clear message", async () => {
    const adminBrowser = await admin();
    const { id, token } = await adminBrowser.call((api) => api.invites.create());
    await getDb().invite.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const error = await errorOf(
      new TestBrowser().call((api) =>
        api.invites.accept({
          token,
          displayName: "Late",
          email: `late-${Date.now()}@school.test`,
          password: PASSWORD,
        }),
      ),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("This invite has expired. Ask your school admin for a new one.");
    const unknown = await errorOf(
      new TestBrowser().call((api) => api.invites.describe({ token: "nope".repeat(8) })),
    );
    expect(unknown.message).toMatch(/not valid/);
  });

  it("only admins invite; teachers and students are refused", async () => {
    const adminBrowser = await admin();
    const teacher = await invitedTeacher(adminBrowser);
    expect((await errorOf(teacher.call((api) => api.invites.create()))).code).toBe("FORBIDDEN");
    expect((await errorOf(new TestBrowser().call((api) => api.invites.create()))).code).toBe("UNAUTHORIZED");
  });
});

describe("dashboards and CSV", () => {
  it("shows the teacher's grid and the admin's overview with the same numbers, CSVs included", async () => {
    const s = await school();
    const grid = await s.teacher.call((api) =>
      api.progress.classroom({ code: s.code, lessonSlug: "cats-or-dogs" }),
    );
    const zoe = grid.students.find((r) => r.nickname === "Zoë O'Neil");
    expect(zoe).toMatchObject({ mastered: 1, quiz: { answered: 2, correct: 2 } });
    expect(grid.students.find((r) => r.nickname === "Bob")).toMatchObject({
      quiz: { answered: 1, correct: 0 },
    });

    const overview = await s.adminBrowser.call((api) => api.school.overview({ lessonSlug: "cats-or-dogs" }));
    expect(overview.classes).toHaveLength(1);
    expect(overview.classes[0]).toMatchObject({ name: CLASS_NAME, students: 2 });
    expect(overview.classes[0]?.objectives.sigmoid).toEqual({ mastered: 1, completed: 0, practising: 1 });

    const response = await get(progressCsv, s.teacher, { code: s.code });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: Record<string, string>[] = parse(new TextDecoder().decode(bytes), {
      bom: true,
      columns: true,
    });
    const zoeRow = rows.find((r) => r.Student === "Zoë O'Neil");
    expect(zoeRow).toMatchObject({
      "Objectives mastered": "1",
      "Questions answered": "2",
      "Right first try": "2",
    });

    const schoolResponse = await get(schoolCsv, s.adminBrowser);
    const schoolRows: Record<string, string>[] = parse(await schoolResponse.text(), {
      bom: true,
      columns: true,
    });
    expect(schoolRows).toHaveLength(1);
    expect(schoolRows[0]).toMatchObject({ Class: CLASS_NAME, Students: "2" });
  });

  it("a teacher of school A cannot read school B's classes, students or CSVs by guessing", async () => {
    const b = await school();
    const a = await school();
    const tries = [
      () => a.teacher.call((api) => api.progress.classroom({ code: b.code, lessonSlug: "cats-or-dogs" })),
      () => a.teacher.call((api) => api.roster.list({ code: b.code })),
      () => a.teacher.call((api) => api.roster.insights({ code: b.code, lessonSlug: "cats-or-dogs" })),
      () => a.teacher.call((api) => api.roster.history({ code: b.code })),
      () => a.adminBrowser.call((api) => api.roster.list({ code: b.code })),
      () => a.teacher.call((api) => api.school.overview({ lessonSlug: "cats-or-dogs" })),
    ];
    for (const attempt of tries)
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await errorOf(attempt())).code);

    const roster = await b.teacher.call((api) => api.roster.list({ code: b.code }));
    const victim = roster.students[0]?.studentId ?? "";
    for (const attempt of [
      () => a.teacher.call((api) => api.roster.timeline({ code: a.code, studentId: victim })),
      () => a.teacher.call((api) => api.roster.resetPin({ code: a.code, studentId: victim })),
      () => a.teacher.call((api) => api.roster.remove({ code: a.code, studentId: victim })),
      () => a.teacher.call((api) => api.roster.remove({ code: b.code, studentId: victim })),
    ]) {
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await errorOf(attempt())).code);
    }
    expect((await get(progressCsv, a.teacher, { code: b.code })).status).toBe(404);
    expect((await get(progressCsv, a.adminBrowser, { code: b.code })).status).toBe(404);
    expect((await get(progressCsv, b.zoe, { code: b.code })).status).toBe(401);
    expect((await get(progressCsv, null, { code: b.code })).status).toBe(401);
    expect((await get(schoolCsv, a.teacher)).status).toBe(404);
    expect((await get(challengeCsv, a.teacher, { id: "c".repeat(25) })).status).toBe(404);
    // B's admin sees B's class, and only it.
    const overview = await b.adminBrowser.call((api) => api.school.overview({ lessonSlug: "cats-or-dogs" }));
    expect(overview.classes.map((c) => c.joinCode)).toEqual([b.code]);
  });

  it("resets a PIN once and removes a student while keeping their answers", async () => {
    const s = await school();
    const roster = await s.teacher.call((api) => api.roster.list({ code: s.code }));
    const bob = roster.students.find((r) => r.nickname === "Bob");
    const { pin } = await s.teacher.call((api) =>
      api.roster.resetPin({ code: s.code, studentId: bob?.studentId ?? "" }),
    );
    expect(pin).toMatch(/^\d{4}$/);
    const stored = await getDb().user.findUniqueOrThrow({ where: { id: bob?.studentId ?? "" } });
    expect(stored.pinHash).toMatch(/^\$argon2id\$/);
    const rejoined = new TestBrowser();
    await rejoined.call((api) => api.student.rejoin({ code: s.code, nickname: "Bob", pin }));

    await s.teacher.call((api) => api.roster.remove({ code: s.code, studentId: bob?.studentId ?? "" }));
    // Bob's open session ends with the removal: nothing more is recorded under it, and the cookie goes.
    const refused = await errorOf(
      rejoined.call((api) =>
        api.progress.mark({ lessonSlug: "cats-or-dogs", sectionKey: "sigmoid", step: "viewed" }),
      ),
    );
    expect(refused).toMatchObject({ code: "UNAUTHORIZED" });
    expect(refused.message).toContain("no longer in this class");
    expect(rejoined.cookie).toBeNull();
    const after = await s.teacher.call((api) => api.roster.list({ code: s.code }));
    expect(after.students.map((r) => r.nickname)).toEqual(["Zoë O'Neil"]);
    const insights = await s.teacher.call((api) =>
      api.roster.insights({ code: s.code, lessonSlug: "cats-or-dogs" }),
    );
    expect(insights.find((q) => q.questionId === "sigmoid-at-zero")).toMatchObject({
      students: 2,
      firstTryCorrectShare: 0.5,
    });
    expect(
      (
        await errorOf(
          new TestBrowser().call((api) => api.student.rejoin({ code: s.code, nickname: "Bob", pin })),
        )
      ).code,
    ).toMatch(/UNAUTHORIZED|NOT_FOUND/);
  });
});
