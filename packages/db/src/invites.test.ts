import { describe, expect, it } from "vitest";
import {
  acceptInvite,
  createInvite,
  createSchool,
  createStaffUser,
  describeInvite,
  hashToken,
  listSchoolStaff,
  removeTeacher,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { unique } from "./testing/fixtures";

describe.each(targets)("invites on $name", (target) => {
  const t = useTestDatabase(target);

  async function admin() {
    const school = await createSchool(t.db, { name: unique("School") });
    const user = await createStaffUser(t.db, {
      schoolId: school.id,
      role: "school_admin",
      email: `${unique("admin")}@example.test`,
      displayName: "Admin",
      passwordHash: "hash:admin",
    });
    return { school, admin: user };
  }
  const accept = (token: string, now?: Date) =>
    acceptInvite(t.db, {
      token,
      email: `${unique("new")}@example.test`,
      displayName: "New Teacher",
      passwordHash: "hash:new",
      now,
    });

  it("stores only a SHA-256 hash of a 32-byte token and makes a teacher in the inviter's school", async () => {
    const { school, admin: a } = await admin();
    const { token, invite } = await createInvite(t.db, { actorId: a.id });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await t.db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await describeInvite(t.db, { token })).toMatchObject({ schoolName: school.name });
    const teacher = await accept(token);
    expect(teacher).toMatchObject({ role: "teacher", schoolId: school.id });
    const used = await t.db.invite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(used.usedById).toBe(teacher.id);
    expect((await listSchoolStaff(t.db, { actorId: a.id })).map((u) => u.id)).toContain(teacher.id);
  });

  it("refuses a reused invite with a clear message, also when two accept at once", async () => {
    const { admin: a } = await admin();
    const { token } = await createInvite(t.db, { actorId: a.id });
    const results = await Promise.allSettled([accept(token), accept(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await expect(accept(token)).rejects.toMatchObject({ code: "CONFLICT", message: /already been used/ });
    await expect(describeInvite(t.db, { token })).rejects.toThrow(/already been used/);
  });

  it("refuses an expired or unknown invite with a clear message", async () => {
    const { admin: a } = await admin();
    const now = new Date("2026-01-01T00:00:00Z");
    const { token } = await createInvite(t.db, { actorId: a.id, now });
    const later = new Date("2026-01-08T00:00:01Z");
    await expect(accept(token, later)).rejects.toMatchObject({ code: "INVALID", message: /expired/ });
    await expect(accept("x".repeat(43))).rejects.toMatchObject({ code: "NOT_FOUND", message: /not valid/ });
    // A refused accept creates nobody.
    expect(await t.db.user.count({ where: { displayName: "New Teacher", schoolId: a.schoolId } })).toBe(0);
  });

  it("keeps the invite usable when the email is already taken", async () => {
    const { admin: a } = await admin();
    const { token } = await createInvite(t.db, { actorId: a.id });
    await expect(
      acceptInvite(t.db, { token, email: a.email ?? "", displayName: "Dup", passwordHash: "hash:x" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: /already registered/ });
    await expect(accept(token)).resolves.toMatchObject({ role: "teacher" });
  });

  it("only admins invite; admins remove teachers of their own school only", async () => {
    const { admin: a } = await admin();
    const { admin: other } = await admin();
    const { token } = await createInvite(t.db, { actorId: a.id });
    const teacher = await accept(token);
    await expect(createInvite(t.db, { actorId: teacher.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeTeacher(t.db, { actorId: other.id, teacherId: teacher.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await removeTeacher(t.db, { actorId: a.id, teacherId: teacher.id });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: teacher.id } })).archivedAt).not.toBeNull();
  });
});
