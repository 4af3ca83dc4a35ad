import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Sessions, password-reset links and the audit log through the real routers, cookies and a real SQLite file.
const directory = mkdtempSync(join(tmpdir(), "margin-sessions-test-"));
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = "sessions-router-test-realtime-secret-0123456789";

const { TestBrowser } = await import("~/test-support/trpc-client");
const { errorOf, joinedStudent, signedUpTeacher, TEST_PASSWORD, teacherWithClass } = await import(
  "~/test-support/accounts"
);
const { cookiePolicy } = await import("~/server/auth/session");
const { CLIENT_PROTO_HEADER } = await import("~/server/client-headers");

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const CHROME_ON_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** The admin's school with one invited teacher (signed in on `teacher`). */
async function schoolWithTeacher() {
  const admin = await signedUpTeacher();
  const { token } = await admin.browser.call((api) => api.invites.create());
  const email = `invited-${Date.now()}-${Math.random()}@school.test`;
  const teacher = new TestBrowser();
  const user = await teacher.call((api) =>
    api.invites.accept({ token, displayName: "Mr Okafor", email, password: TEST_PASSWORD }),
  );
  return { admin: admin.browser, teacher, teacherId: user.id, email };
}

describe("session cookies", () => {
  it("are opaque, httpOnly and SameSite=Lax; Secure with the __Host- prefix over HTTPS", async () => {
    const { browser } = await signedUpTeacher();
    expect(browser.lastSetCookie[0]).toMatch(
      /^margin_session=[\w-]{43}; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Lax$/,
    );

    const https = new TestBrowser(undefined, { [CLIENT_PROTO_HEADER]: "https" });
    const { email } = await signedUpTeacher();
    await https.call((api) => api.auth.signIn({ email, password: TEST_PASSWORD }));
    expect(https.lastSetCookie[0]).toMatch(
      /^__Host-margin_session=[\w-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/,
    );
    expect(await https.call((api) => api.auth.me())).toMatchObject({ email });
    // The same cookie sent over plain HTTP is not read (a downgraded request doesn't carry the session).
    const downgraded = new TestBrowser();
    downgraded.cookie = https.cookie;
    expect(await downgraded.call((api) => api.auth.me())).toBeNull();
  });

  it("are Secure whatever the protocol when COOKIE_SECURE=true", () => {
    expect(cookiePolicy(new Headers(), true)).toEqual({ name: "__Host-margin_session", secure: true });
    expect(cookiePolicy(new Headers(), false)).toEqual({ name: "margin_session", secure: false });
  });

  it("of the older signed format read as signed out and are cleared", async () => {
    const old = new TestBrowser();
    old.cookie =
      "margin_session=eyJ1aWQiOiJjbTEyMyIsInJvbGUiOiJ0ZWFjaGVyIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJlLW9mLXRoZS1vbGQtZm9ybWF0";
    expect(await old.call((api) => api.auth.me())).toBeNull();
    expect(old.lastSetCookie).toEqual(["margin_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"]);
    expect(old.cookie).toBeNull();
    expect((await errorOf(new TestBrowser().call((api) => api.classroom.mine()))).message).toBe(
      "Sign in as a teacher first",
    );
  });
});

describe("signing out", () => {
  it("ends the session on the server: the same cookie, replayed, is refused and cleared", async () => {
    const { browser } = await teacherWithClass();
    const stolen = browser.cookie;
    await browser.call((api) => api.auth.signOut());
    const replay = new TestBrowser();
    replay.cookie = stolen;
    const refused = await errorOf(replay.call((api) => api.classroom.mine()));
    expect(refused).toMatchObject({ code: "UNAUTHORIZED", message: "You signed out. Sign in again." });
    expect(replay.cookie).toBeNull();
  });

  it("everywhere ends every device's session; one other device can be signed out alone", async () => {
    const { email } = await signedUpTeacher();
    const signIn = async (agent: string) => {
      const browser = new TestBrowser(undefined, { "user-agent": agent });
      await browser.call((api) => api.auth.signIn({ email, password: TEST_PASSWORD }));
      return browser;
    };
    const laptop = await signIn(CHROME_ON_LINUX);
    const phone = await signIn("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1");
    const library = await signIn("Mozilla/5.0 (Windows NT 10.0) Firefox/133.0");

    const listed = await laptop.call((api) => api.account.sessions());
    expect(listed).toHaveLength(4); // sign-up's browser too
    expect(listed.filter((s) => s.current).map((s) => s.userAgent)).toEqual([CHROME_ON_LINUX]);
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash|margin_session/);

    const libraryId = listed.find((s) => s.userAgent?.includes("Firefox"))?.id ?? "";
    await laptop.call((api) => api.account.signOutSession({ sessionId: libraryId }));
    expect((await errorOf(library.call((api) => api.classroom.mine()))).code).toBe("UNAUTHORIZED");
    expect(await phone.call((api) => api.classroom.mine())).toEqual([]);

    expect(await phone.call((api) => api.account.signOutEverywhere())).toEqual({ ended: 3 });
    expect(phone.cookie).toBeNull();
    const refused = await errorOf(laptop.call((api) => api.classroom.mine()));
    expect(refused.message).toBe("You were signed out on every device. Sign in again.");
    await new TestBrowser().call((api) => api.auth.signIn({ email, password: TEST_PASSWORD }));
  });

  it("of another account's session is NOT_FOUND, and students have no account page", async () => {
    const a = await teacherWithClass();
    const b = await signedUpTeacher();
    const [bSession] = await b.browser.call((api) => api.account.sessions());
    const refused = await errorOf(
      a.browser.call((api) => api.account.signOutSession({ sessionId: bSession?.id ?? "" })),
    );
    expect(refused.code).toBe("NOT_FOUND");
    expect(await b.browser.call((api) => api.classroom.mine())).toEqual([]);
    const pupil = await joinedStudent(a.code);
    expect((await errorOf(pupil.browser.call((api) => api.account.sessions()))).code).toBe("FORBIDDEN");
    expect((await errorOf(pupil.browser.call((api) => api.account.signOutEverywhere()))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("password-reset links", () => {
  it("let a teacher set a new password once; their old sessions end; the admin sees both in the audit", async () => {
    const s = await schoolWithTeacher();
    const { token } = await s.admin.call((api) => api.passwordReset.create({ teacherId: s.teacherId }));
    expect(await new TestBrowser().call((api) => api.passwordReset.describe({ token }))).toMatchObject({
      displayName: "Mr Okafor",
      email: s.email,
    });
    const visitor = new TestBrowser();
    const weak = await errorOf(
      visitor.call((api) => api.passwordReset.complete({ token, password: "short" })),
    );
    expect(weak.code).toBe("BAD_REQUEST");
    await visitor.call((api) => api.passwordReset.complete({ token, password: "a brand new password" }));

    const ended = await errorOf(s.teacher.call((api) => api.classroom.mine()));
    expect(ended).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Your password was reset. Sign in with the new one.",
    });
    const again = await errorOf(
      visitor.call((api) => api.passwordReset.complete({ token, password: "another new password" })),
    );
    expect(again).toMatchObject({ code: "CONFLICT", message: /already been used/ });
    const oldPassword = await errorOf(
      new TestBrowser().call((api) => api.auth.signIn({ email: s.email, password: TEST_PASSWORD })),
    );
    expect(oldPassword.code).toBe("UNAUTHORIZED");
    await new TestBrowser().call((api) =>
      api.auth.signIn({ email: s.email, password: "a brand new password" }),
    );

    const audit = await s.admin.call((api) => api.school.audit());
    const admin = await s.admin.call((api) => api.auth.me());
    expect(audit.map((e) => e.action)).toEqual(["password_reset.used", "password_reset.issued"]);
    expect(audit[1]).toMatchObject({ actor: { name: admin?.displayName }, target: { name: "Mr Okafor" } });
  });

  it("are refused for another school's teacher (NOT_FOUND), and only admins create them", async () => {
    const mine = await schoolWithTeacher();
    const theirs = await schoolWithTeacher();
    const crossSchool = await errorOf(
      mine.admin.call((api) => api.passwordReset.create({ teacherId: theirs.teacherId })),
    );
    expect(crossSchool.code).toBe("NOT_FOUND");
    const byTeacher = await errorOf(
      mine.teacher.call((api) => api.passwordReset.create({ teacherId: mine.teacherId })),
    );
    expect(byTeacher.code).toBe("FORBIDDEN");
    expect((await errorOf(new TestBrowser().call((api) => api.school.audit()))).code).toBe("UNAUTHORIZED");
    expect((await errorOf(mine.teacher.call((api) => api.school.audit()))).code).toBe("FORBIDDEN");
    expect(await theirs.admin.call((api) => api.school.audit())).toEqual([]);
    const made = await errorOf(
      new TestBrowser().call((api) =>
        api.passwordReset.complete({ token: "x".repeat(43), password: "long enough pw" }),
      ),
    );
    expect(made.code).toBe("NOT_FOUND");
  });
});

describe("PIN resets", () => {
  it("end the student's open session, and the class's roster lists who reset whose PIN", async () => {
    const { browser: teacher, code } = await teacherWithClass();
    const ada = await joinedStudent(code, "Ada");
    const roster = await teacher.call((api) => api.roster.list({ code }));
    const studentId = roster.students[0]?.studentId ?? "";
    const { pin } = await teacher.call((api) => api.roster.resetPin({ code, studentId }));
    const refused = await errorOf(
      ada.browser.call((api) =>
        api.progress.mark({ lessonSlug: "cats-or-dogs", sectionKey: "sigmoid", step: "viewed" }),
      ),
    );
    expect(refused).toMatchObject({
      code: "UNAUTHORIZED",
      message: "Your teacher gave you a new PIN. Rejoin with your nickname and the new PIN.",
    });
    await ada.browser.call((api) => api.student.rejoin({ code, nickname: "Ada", pin }));
    const resets = await teacher.call((api) => api.roster.pinResets({ code }));
    const me = await teacher.call((api) => api.auth.me());
    expect(resets).toEqual([
      { id: expect.any(String), createdAt: expect.any(Date), by: me?.displayName, nickname: "Ada" },
    ]);
    const other = await teacherWithClass();
    expect((await errorOf(other.browser.call((api) => api.roster.pinResets({ code })))).code).toBe(
      "FORBIDDEN",
    );
  });
});
