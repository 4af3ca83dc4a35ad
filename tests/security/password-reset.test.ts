import { createDb, hashToken } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, PASSWORD, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";
import { schoolWithTeacher, signedIn } from "./support/school";

// Issue 12 "How": a school admin resets a teacher's password with a one-time link (no email server), and
// both that and a teacher's reset of a student's PIN are audited (who, when).
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

type AuditEntry = { action: string; actor: { name: string } | null; target: { name: string } | null };

describe("password-reset links", () => {
  it("set a teacher's new password once, sign every device of theirs out, and are audited", async () => {
    const school = await schoolWithTeacher(app.webUrl);
    const phone = await signedIn(app.webUrl, school.email);
    const { token } = ok(
      await school.admin.mutate<{ token: string }>("passwordReset.create", { teacherId: school.teacherId }),
    );
    const holder = new HttpBrowser(app.webUrl);
    ok(await holder.mutate("passwordReset.complete", { token, password: "a brand new password" }));

    for (const device of [school.teacher, phone]) {
      expect(await device.query("classroom.mine")).toMatchObject({
        ok: false,
        error: { code: "UNAUTHORIZED", message: "Your password was reset. Sign in with the new one." },
      });
    }
    const reused = await holder.mutate("passwordReset.complete", {
      token,
      password: "the attacker's password",
    });
    expect(reused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: /already been used/ } });
    const old = await new HttpBrowser(app.webUrl).mutate("auth.signIn", {
      email: school.email,
      password: PASSWORD,
    });
    expect(old).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    await signedIn(app.webUrl, school.email, "a brand new password");

    const audit = ok(await school.admin.query<AuditEntry[]>("school.audit"));
    expect(audit.map((e) => [e.action, e.actor?.name, e.target?.name])).toEqual([
      ["password_reset.used", "Mr Okafor", "Mr Okafor"],
      ["password_reset.issued", "Ms Rivera", "Mr Okafor"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("stop working after an hour", async () => {
    const school = await schoolWithTeacher(app.webUrl);
    const { token } = ok(
      await school.admin.mutate<{ token: string }>("passwordReset.create", { teacherId: school.teacherId }),
    );
    // An hour passes: the stored link's expiry moves into the past (only the database knows the hash).
    const db = createDb(app.databaseUrl);
    try {
      const { count } = await db.passwordReset.updateMany({
        where: { tokenHash: hashToken(token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect(count).toBe(1);
    } finally {
      await db.$disconnect();
    }
    const expired = await new HttpBrowser(app.webUrl).mutate("passwordReset.complete", {
      token,
      password: "a brand new password",
    });
    expect(expired).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", message: /has expired/ } });
    expect((await school.teacher.query("classroom.mine")).ok).toBe(true);
    await signedIn(app.webUrl, school.email);
  });

  it("can't be made for another school's teacher, by a teacher, or by a student; made-up tokens are NOT_FOUND", async () => {
    const mine = await schoolWithTeacher(app.webUrl);
    const theirs = await schoolWithTeacher(app.webUrl);
    expect(await mine.admin.mutate("passwordReset.create", { teacherId: theirs.teacherId })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect(await mine.teacher.mutate("passwordReset.create", { teacherId: mine.teacherId })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    const student = new HttpBrowser(app.webUrl);
    ok(await student.mutate("student.join", { code: mine.code, nickname: "Eve" }));
    expect(await student.mutate("passwordReset.create", { teacherId: mine.teacherId })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    expect(await student.query("school.audit")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    for (const token of ["A".repeat(43), "../../etc/passwd", "x".repeat(128)]) {
      expect(
        await student.mutate("passwordReset.complete", { token, password: "long enough password" }),
      ).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    expect(ok(await theirs.admin.query<AuditEntry[]>("school.audit"))).toEqual([]);
    await signedIn(app.webUrl, theirs.email);
  });
});

describe("the audit of PIN resets", () => {
  it("tells the class's teacher and the school's admin who reset whose PIN; other teachers see nothing", async () => {
    const school = await schoolWithTeacher(app.webUrl);
    const teacherClass = ok(
      await school.teacher.mutate<{ joinCode: string }>("classroom.create", { name: "Y8" }),
    );
    const code = teacherClass.joinCode;
    ok(await new HttpBrowser(app.webUrl).mutate("student.join", { code, nickname: "Bob" }));
    const [bob] = ok(
      await school.teacher.query<{ students: { studentId: string }[] }>("roster.list", { code }),
    ).students;
    ok(await school.teacher.mutate("roster.resetPin", { code, studentId: bob?.studentId }));

    expect(ok(await school.teacher.query("roster.pinResets", { code }))).toEqual([
      { id: expect.any(String), createdAt: expect.any(String), by: "Mr Okafor", nickname: "Bob" },
    ]);
    const audit = ok(await school.admin.query<AuditEntry[]>("school.audit"));
    expect(audit.map((e) => [e.action, e.actor?.name, e.target?.name])).toEqual([
      ["student_pin.reset", "Mr Okafor", "Bob"],
    ]);
    const stranger = new HttpBrowser(app.webUrl);
    await teacherWithClass(stranger);
    expect(await stranger.query("roster.pinResets", { code })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
  });
});
