import { describe, expect, it } from "vitest";
import {
  completePasswordReset,
  createPasswordReset,
  createSession,
  createStaffUser,
  describePasswordReset,
  findSession,
  findStaffCredentials,
  hashToken,
  listClassroomPinResets,
  listSchoolAudit,
  PASSWORD_RESET_TTL_MS,
  removeTeacher,
  resetStudentPin,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass, unique } from "./testing/fixtures";

describe.each(targets)("password-reset links and the audit log on $name", (target) => {
  const t = useTestDatabase(target);

  /** A school with an admin, a teacher and a class of the teacher's. */
  async function school() {
    const { school, teacher, classroom } = await schoolWithClass(t.db);
    const admin = await createStaffUser(t.db, {
      schoolId: school.id,
      role: "school_admin",
      email: `${unique("admin")}@example.test`,
      displayName: "Ms Admin",
      passwordHash: "hash:admin",
    });
    return { school, teacher, classroom, admin };
  }

  it("sets the teacher's new password through a link used once, ends their sessions and audits both steps", async () => {
    const s = await school();
    const open = await createSession(t.db, { userId: s.teacher.id });
    const { token, expiresAt } = await createPasswordReset(t.db, {
      actorId: s.admin.id,
      teacherId: s.teacher.id,
    });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await t.db.passwordReset.findFirstOrThrow({ where: { userId: s.teacher.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(expiresAt.getTime() - row.createdAt.getTime()).toBe(PASSWORD_RESET_TTL_MS);
    expect(await describePasswordReset(t.db, { token })).toMatchObject({
      displayName: "Ms Teacher",
      email: s.teacher.email,
    });

    await completePasswordReset(t.db, { token, passwordHash: "hash:new-password" });
    expect((await findStaffCredentials(t.db, s.teacher.email ?? ""))?.passwordHash).toBe("hash:new-password");
    expect(await findSession(t.db, open.token)).toEqual({ status: "ended", reason: "password_reset" });
    await expect(completePasswordReset(t.db, { token, passwordHash: "hash:again" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This password reset link has already been used. Ask your school admin for a new one.",
    });
    expect((await findStaffCredentials(t.db, s.teacher.email ?? ""))?.passwordHash).toBe("hash:new-password");

    const audit = await listSchoolAudit(t.db, { actorId: s.admin.id });
    expect(audit.map((e) => [e.action, e.actor?.name, e.target?.name])).toEqual([
      ["password_reset.used", "Ms Teacher", "Ms Teacher"],
      ["password_reset.issued", "Ms Admin", "Ms Teacher"],
    ]);
    expect(audit[0]?.detail).toEqual({ sessionsEnded: 1 });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("lets only one of two simultaneous uses win", async () => {
    const s = await school();
    const { token } = await createPasswordReset(t.db, { actorId: s.admin.id, teacherId: s.teacher.id });
    const results = await Promise.allSettled([
      completePasswordReset(t.db, { token, passwordHash: "hash:first" }),
      completePasswordReset(t.db, { token, passwordHash: "hash:second" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const used = await t.db.auditEvent.count({
      where: { action: "password_reset.used", targetId: s.teacher.id },
    });
    expect(used).toBe(1);
  });

  it("refuses an expired link, a superseded link and a made-up one with clear messages, changing nothing", async () => {
    const s = await school();
    const past = new Date(Date.now() - PASSWORD_RESET_TTL_MS - 1000);
    const expired = await createPasswordReset(t.db, {
      actorId: s.admin.id,
      teacherId: s.teacher.id,
      now: past,
    });
    await expect(describePasswordReset(t.db, { token: expired.token })).rejects.toMatchObject({
      code: "INVALID",
      message: "This password reset link has expired. Ask your school admin for a new one.",
    });
    const first = await createPasswordReset(t.db, { actorId: s.admin.id, teacherId: s.teacher.id });
    const second = await createPasswordReset(t.db, { actorId: s.admin.id, teacherId: s.teacher.id });
    await expect(
      completePasswordReset(t.db, { token: first.token, passwordHash: "hash:x" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    for (const token of ["x".repeat(43), "short", "a".repeat(500)]) {
      await expect(completePasswordReset(t.db, { token, passwordHash: "hash:x" })).rejects.toMatchObject({
        code: expect.stringMatching(/NOT_FOUND|INVALID/),
      });
    }
    expect((await findStaffCredentials(t.db, s.teacher.email ?? ""))?.passwordHash).toBe("hash:teacher");
    await completePasswordReset(t.db, { token: second.token, passwordHash: "hash:newest" });
  });

  it("refuses links for another school's teacher, an admin, a removed teacher, and from a teacher", async () => {
    const s = await school();
    const other = await school();
    for (const teacherId of [other.teacher.id, other.admin.id, s.admin.id, "nobody"]) {
      await expect(createPasswordReset(t.db, { actorId: s.admin.id, teacherId })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(
      createPasswordReset(t.db, { actorId: s.teacher.id, teacherId: s.teacher.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A link issued before the teacher was removed stops working.
    const { token } = await createPasswordReset(t.db, { actorId: s.admin.id, teacherId: s.teacher.id });
    await removeTeacher(t.db, { actorId: s.admin.id, teacherId: s.teacher.id });
    await expect(completePasswordReset(t.db, { token, passwordHash: "hash:x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await t.db.passwordReset.count({ where: { userId: other.teacher.id } })).toBe(0);
    expect(await listSchoolAudit(t.db, { actorId: other.admin.id })).toEqual([]);
  });

  it("audits a PIN reset for the class's teacher and the school's admin, and nobody else", async () => {
    const s = await school();
    const other = await school();
    const ada = await addStudent(t.db, s.classroom.joinCode, "Ada");
    await resetStudentPin(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
      studentId: ada.student.id,
      pinHash: "hash:9999",
    });
    const entries = await listClassroomPinResets(t.db, {
      actorId: s.teacher.id,
      classroomId: s.classroom.id,
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "student_pin.reset",
      actor: { id: s.teacher.id, name: "Ms Teacher" },
      target: { id: ada.student.id, name: "Ada" },
      classroom: { id: s.classroom.id },
      detail: { nickname: "Ada" },
    });
    expect((await listSchoolAudit(t.db, { actorId: s.admin.id })).map((e) => e.action)).toEqual([
      "student_pin.reset",
    ]);
    await expect(
      listClassroomPinResets(t.db, { actorId: other.teacher.id, classroomId: s.classroom.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSchoolAudit(t.db, { actorId: s.teacher.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A refused reset (another class's student) writes nothing.
    const stranger = await addStudent(t.db, other.classroom.joinCode);
    await expect(
      resetStudentPin(t.db, {
        actorId: s.teacher.id,
        classroomId: s.classroom.id,
        studentId: stranger.student.id,
        pinHash: "hash:1",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.auditEvent.count({ where: { targetId: stranger.student.id } })).toBe(0);
  });
});
