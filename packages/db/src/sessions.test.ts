import { describe, expect, it } from "vitest";
import {
  createSession,
  findSession,
  hashToken,
  listOpenSessions,
  removeStudent,
  removeTeacher,
  resetStudentPin,
  revokeOwnSession,
  revokeSession,
  revokeUserSessions,
  SESSION_LIFETIME,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass } from "./testing/fixtures";

const minutes = (n: number) => n * 60 * 1000;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe.each(targets)("sessions on $name", (target) => {
  const t = useTestDatabase(target);

  it("stores only a SHA-256 hash of a 256-bit token and finds the session by its token", async () => {
    const { teacher } = await schoolWithClass(t.db);
    const { token, session } = await createSession(t.db, { userId: teacher.id, userAgent: "Firefox" });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await t.db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findSession(t.db, token)).toEqual({
      status: "active",
      session: { id: session.id, userId: teacher.id, role: "teacher", classroomId: null },
    });
    // A different token, its hash, or an old signed cookie ("body.signature") is nobody's session.
    expect(await findSession(t.db, `${token.slice(0, -1)}A`)).toEqual({ status: "unknown" });
    expect(await findSession(t.db, row.tokenHash)).toEqual({ status: "unknown" });
    expect(await findSession(t.db, "eyJ1aWQiOiJ4In0.c2lnbmF0dXJl")).toEqual({ status: "unknown" });
    expect(await findSession(t.db, "")).toEqual({ status: "unknown" });
  });

  it("gives a student's session their class, and refuses one for a class they are not in", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const ada = await addStudent(t.db, classroom.joinCode);
    const { token } = await createSession(t.db, { userId: ada.student.id, classroomId: classroom.id });
    expect(await findSession(t.db, token)).toMatchObject({
      status: "active",
      session: { role: "student", classroomId: classroom.id },
    });
    const before = await t.db.session.count();
    await expect(createSession(t.db, { userId: ada.student.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const elsewhere = await schoolWithClass(t.db);
    await expect(
      createSession(t.db, { userId: ada.student.id, classroomId: elsewhere.classroom.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSession(t.db, { userId: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.session.count()).toBe(before);
  });

  it("ends after the idle timeout, slides with use, and ends at the absolute lifetime however active", async () => {
    const { teacher } = await schoolWithClass(t.db);
    const start = new Date("2026-03-02T08:00:00Z");
    const { token, session } = await createSession(t.db, { userId: teacher.id, now: start });
    const lastUsed = async () =>
      (await t.db.session.findUniqueOrThrow({ where: { id: session.id } })).lastUsedAt;

    // Used within the renewal interval: nothing is written (reads stay reads).
    await findSession(t.db, token, later(start, minutes(1)));
    expect(await lastUsed()).toEqual(start);
    // Used after it: the idle clock restarts.
    const renewed = later(start, SESSION_LIFETIME.renewAfterMs + 1);
    await findSession(t.db, token, renewed);
    expect(await lastUsed()).toEqual(renewed);
    // Unused since the start, a session ends at the idle timeout; used, it slides from its last use.
    const idle = await createSession(t.db, { userId: teacher.id, now: start });
    expect(await findSession(t.db, idle.token, later(start, SESSION_LIFETIME.idleMs))).toEqual({
      status: "ended",
      reason: "expired",
    });
    const slid = later(start, SESSION_LIFETIME.idleMs);
    expect((await findSession(t.db, token, slid)).status).toBe("active");
    expect(await findSession(t.db, token, later(slid, SESSION_LIFETIME.idleMs))).toEqual({
      status: "ended",
      reason: "expired",
    });

    // Used every day, it still ends at the absolute lifetime.
    const daily = await createSession(t.db, { userId: teacher.id, now: start });
    for (let day = 1; day * 24 * 60 * 60 * 1000 < SESSION_LIFETIME.absoluteMs; day += 1) {
      expect((await findSession(t.db, daily.token, later(start, day * 24 * 60 * 60 * 1000))).status).toBe(
        "active",
      );
    }
    expect(await findSession(t.db, daily.token, later(start, SESSION_LIFETIME.absoluteMs))).toEqual({
      status: "ended",
      reason: "expired",
    });
  });

  it("signs out one session, every session of a user, or one of the user's other devices only", async () => {
    const { teacher } = await schoolWithClass(t.db);
    const other = await schoolWithClass(t.db);
    const laptop = await createSession(t.db, { userId: teacher.id });
    const phone = await createSession(t.db, { userId: teacher.id, userAgent: "Phone" });
    const tablet = await createSession(t.db, { userId: teacher.id });
    const stranger = await createSession(t.db, { userId: other.teacher.id });

    await revokeSession(t.db, { sessionId: laptop.session.id, reason: "signed_out" });
    expect(await findSession(t.db, laptop.token)).toEqual({ status: "ended", reason: "signed_out" });
    expect((await findSession(t.db, phone.token)).status).toBe("active");

    // Someone else's session id is NOT_FOUND, and stays open.
    await expect(
      revokeOwnSession(t.db, { userId: teacher.id, sessionId: stranger.session.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await findSession(t.db, stranger.token)).status).toBe("active");
    await revokeOwnSession(t.db, { userId: teacher.id, sessionId: phone.session.id });
    expect((await findSession(t.db, phone.token)).status).toBe("ended");
    expect((await listOpenSessions(t.db, { userId: teacher.id })).map((s) => s.id)).toEqual([
      tablet.session.id,
    ]);

    expect(await revokeUserSessions(t.db, { userId: teacher.id, reason: "signed_out_everywhere" })).toBe(1);
    expect(await findSession(t.db, tablet.token)).toEqual({
      status: "ended",
      reason: "signed_out_everywhere",
    });
    expect(await listOpenSessions(t.db, { userId: teacher.id })).toEqual([]);
    expect((await findSession(t.db, stranger.token)).status).toBe("active");
  });

  it("lists open sessions most recently used first, without tokens or hashes", async () => {
    const { teacher } = await schoolWithClass(t.db);
    const start = new Date();
    const old = await createSession(t.db, {
      userId: teacher.id,
      userAgent: "Old",
      now: later(start, -minutes(60)),
    });
    const fresh = await createSession(t.db, { userId: teacher.id, userAgent: "x".repeat(1000), now: start });
    await createSession(t.db, { userId: teacher.id, now: later(start, -SESSION_LIFETIME.absoluteMs - 1) });
    const listed = await listOpenSessions(t.db, { userId: teacher.id, now: later(start, 1000) });
    expect(listed.map((s) => s.id)).toEqual([fresh.session.id, old.session.id]);
    expect(listed[0]?.userAgent).toHaveLength(256);
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual([
      "createdAt",
      "expiresAt",
      "id",
      "lastUsedAt",
      "userAgent",
    ]);
  });

  it("purges sessions past their absolute end when new ones start", async () => {
    const { teacher } = await schoolWithClass(t.db);
    const long = new Date(Date.now() - SESSION_LIFETIME.absoluteMs - minutes(1));
    const expired = await createSession(t.db, { userId: teacher.id, now: long });
    await createSession(t.db, { userId: teacher.id });
    expect(await t.db.session.findUnique({ where: { id: expired.session.id } })).toBeNull();
  });

  it("ends a student's sessions when they are removed or their PIN is reset, and a teacher's when removed", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const ada = await addStudent(t.db, classroom.joinCode);
    const bob = await addStudent(t.db, classroom.joinCode);
    const adaSession = await createSession(t.db, { userId: ada.student.id, classroomId: classroom.id });
    const bobSession = await createSession(t.db, { userId: bob.student.id, classroomId: classroom.id });
    const ids = { actorId: teacher.id, classroomId: classroom.id };

    await resetStudentPin(t.db, { ...ids, studentId: ada.student.id, pinHash: "hash:4321" });
    expect(await findSession(t.db, adaSession.token)).toEqual({ status: "ended", reason: "pin_reset" });
    await removeStudent(t.db, { ...ids, studentId: bob.student.id });
    expect(await findSession(t.db, bobSession.token)).toEqual({
      status: "ended",
      reason: "removed_from_class",
    });

    // An admin removes a teacher: their open session ends at once.
    const admin = await t.db.user.create({
      data: {
        role: "school_admin",
        schoolId: teacher.schoolId,
        displayName: "Admin",
        email: `a-${ada.student.id}@x.test`,
      },
    });
    const teacherSession = await createSession(t.db, { userId: teacher.id });
    await removeTeacher(t.db, { actorId: admin.id, teacherId: teacher.id });
    expect(await findSession(t.db, teacherSession.token)).toEqual({
      status: "ended",
      reason: "account_archived",
    });
  });

  it("refuses a session whose account was archived or whose enrollment vanished behind its back", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const ada = await addStudent(t.db, classroom.joinCode);
    const student = await createSession(t.db, { userId: ada.student.id, classroomId: classroom.id });
    const staff = await createSession(t.db, { userId: teacher.id });
    // Changes made without the functions that end sessions (a script, a future code path).
    await t.db.enrollment.delete({ where: { id: ada.enrollment.id } });
    await t.db.user.update({ where: { id: teacher.id }, data: { archivedAt: new Date() } });
    expect(await findSession(t.db, student.token)).toEqual({ status: "ended", reason: "removed_from_class" });
    expect(await findSession(t.db, staff.token)).toEqual({ status: "ended", reason: "account_archived" });
    // …and stays ended: the tombstone answers from now on.
    const row = await t.db.session.findUniqueOrThrow({ where: { id: staff.session.id } });
    expect(row.revokedReason).toBe("account_archived");
  });
});
