import { describe, expect, it } from "vitest";
import {
  archiveClassroom,
  createClassroom,
  createSchool,
  createStaffUser,
  findClassroomByCode,
  findStaffCredentials,
  findStudentForRejoin,
  isActiveSessionUser,
  joinClassroom,
  listClassroomsForTeacher,
  listEnrollments,
  removeStudent,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass, unique } from "./testing/fixtures";

describe.each(targets)("schools, staff, classes and enrollments on $name", (target) => {
  const t = useTestDatabase(target);

  it("tells a live session from one whose student was removed or whose account was archived", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const studentSession = { uid: student.id, role: "student", cid: classroom.id };
    expect(await isActiveSessionUser(t.db, studentSession)).toBe(true);
    expect(await isActiveSessionUser(t.db, { uid: teacher.id, role: "teacher" })).toBe(true);
    // A role the account doesn't have, another class, an unknown id: not this account's session.
    expect(await isActiveSessionUser(t.db, { uid: teacher.id, role: "school_admin" })).toBe(false);
    const other = await schoolWithClass(t.db);
    expect(await isActiveSessionUser(t.db, { ...studentSession, cid: other.classroom.id })).toBe(false);
    expect(await isActiveSessionUser(t.db, { uid: "nobody", role: "teacher" })).toBe(false);
    await removeStudent(t.db, { actorId: teacher.id, classroomId: classroom.id, studentId: student.id });
    expect(await isActiveSessionUser(t.db, studentSession)).toBe(false);
    await t.db.user.update({ where: { id: teacher.id }, data: { archivedAt: new Date() } });
    expect(await isActiveSessionUser(t.db, { uid: teacher.id, role: "teacher" })).toBe(false);
  });

  it("creates a class that belongs to its teacher's school", async () => {
    const { school, teacher, classroom } = await schoolWithClass(t.db);
    expect(classroom.schoolId).toBe(school.id);
    expect(classroom.teacherId).toBe(teacher.id);
    expect((await listClassroomsForTeacher(t.db, teacher.id)).map((c) => c.id)).toEqual([classroom.id]);
  });

  it("stores staff emails in lower case and never returns password hashes", async () => {
    const school = await createSchool(t.db, { name: "Emails" });
    const email = `${unique("Mixed")}@Example.TEST`;
    const user = await createStaffUser(t.db, {
      schoolId: school.id,
      role: "school_admin",
      email,
      displayName: "Admin",
      passwordHash: "hash:x",
    });
    expect(user.email).toBe(email.toLowerCase());
    expect(user).not.toHaveProperty("passwordHash");
    const credentials = await findStaffCredentials(t.db, email.toUpperCase());
    expect(credentials?.user.id).toBe(user.id);
    expect(credentials?.passwordHash).toBe("hash:x");
  });

  it("rejects a duplicate email (any case) with CONFLICT and leaves the data unchanged", async () => {
    const { school, teacher } = await schoolWithClass(t.db);
    const before = await t.db.user.count();
    await expect(
      createStaffUser(t.db, {
        schoolId: school.id,
        role: "teacher",
        email: (teacher.email ?? "").toUpperCase(),
        displayName: "Copy",
        passwordHash: "hash:y",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await t.db.user.count()).toBe(before);
  });

  it("rejects unknown ids and oversized or malformed strings with typed errors", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const counts = async () => [
      await t.db.school.count(),
      await t.db.user.count(),
      await t.db.classroom.count(),
      await t.db.enrollment.count(),
    ];
    const before = await counts();
    const staff = { role: "teacher" as const, displayName: "T", passwordHash: "h" };
    await expect(
      createStaffUser(t.db, { ...staff, schoolId: "nope", email: `${unique("a")}@example.test` }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createStaffUser(t.db, { ...staff, schoolId: "nope", email: "not-an-email" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(createSchool(t.db, { name: "x".repeat(101) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      createClassroom(t.db, { name: "x".repeat(101), teacherId: classroom.teacherId ?? "" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(createClassroom(t.db, { name: "Class", teacherId: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      joinClassroom(t.db, { joinCode: classroom.joinCode, nickname: "n".repeat(33), pinHash: "h" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    await expect(
      joinClassroom(t.db, { joinCode: "ZZZZZZ", nickname: "kid", pinHash: "h" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await counts()).toEqual(before);
  });

  it("lets a student join by code with a nickname, once per class (case-insensitive)", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student, enrollment } = await joinClassroom(t.db, {
      joinCode: classroom.joinCode.toLowerCase(),
      nickname: " Ada ",
      pinHash: "hash:4321",
    });
    expect(student.role).toBe("student");
    expect(student.email).toBeNull();
    expect(student.schoolId).toBe(classroom.schoolId);
    expect(enrollment.nickname).toBe("Ada");
    const users = await t.db.user.count();
    await expect(
      joinClassroom(t.db, { joinCode: classroom.joinCode, nickname: "ADA", pinHash: "hash:0000" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // The student row created inside the failed transaction was rolled back too.
    expect(await t.db.user.count()).toBe(users);
    expect((await listEnrollments(t.db, classroom.id)).map((e) => e.nickname)).toEqual(["Ada"]);
  });

  it("admits exactly one of several concurrent joins with the same nickname", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        joinClassroom(t.db, { joinCode: classroom.joinCode, nickname: "Twin", pinHash: "h" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await t.db.enrollment.count({ where: { classroomId: classroom.id } })).toBe(1);
  });

  it("finds a student for rejoining on another device by code and nickname", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode, "Grace");
    const found = await findStudentForRejoin(t.db, {
      joinCode: classroom.joinCode.toLowerCase(),
      nickname: "grace",
    });
    expect(found?.student.id).toBe(student.id);
    expect(found?.pinHash).toBe("hash:1234");
    expect(found?.student).not.toHaveProperty("pinHash");
    expect(await findStudentForRejoin(t.db, { joinCode: classroom.joinCode, nickname: "nobody" })).toBeNull();
  });

  it("archives instead of deleting; another school's teacher cannot archive", async () => {
    const a = await schoolWithClass(t.db);
    const b = await schoolWithClass(t.db);
    await addStudent(t.db, a.classroom.joinCode);
    await expect(
      archiveClassroom(t.db, { classroomId: a.classroom.id, actorId: b.teacher.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await findClassroomByCode(t.db, a.classroom.joinCode))?.id).toBe(a.classroom.id);

    const archived = await archiveClassroom(t.db, { classroomId: a.classroom.id, actorId: a.teacher.id });
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(await findClassroomByCode(t.db, a.classroom.joinCode)).toBeNull();
    expect(await listEnrollments(t.db, a.classroom.id)).toHaveLength(1);
    // The database itself refuses to delete a class with history.
    await expect(t.db.classroom.delete({ where: { id: a.classroom.id } })).rejects.toThrow();
    expect(await t.db.classroom.count({ where: { id: a.classroom.id } })).toBe(1);
  });
});
