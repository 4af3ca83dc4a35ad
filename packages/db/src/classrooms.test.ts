import { describe, expect, it } from "vitest";
import {
  archiveClassroom,
  CATS_OR_DOGS_LESSON,
  createClassroom,
  createStaffUser,
  DbError,
  DEMO_JOIN_CODE,
  DEMO_TEACHER_EMAIL,
  findClassroomByCode,
  findStaffCredentials,
  generateJoinCode,
  JOIN_CODE_ALPHABET,
  listClassrooms,
  listTrainingResults,
  managedClassroomById,
  normalizeJoinCode,
  recordTrainingResult,
  seedDemo,
  upsertLesson,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { schoolWithTeacher, unique } from "./testing/fixtures";

const result = (classroomId: string, nickname: string, logLoss: number) => ({
  classroomId,
  nickname,
  w: [0.5, -1.25],
  b: 0.1,
  logLoss,
  iterations: 200,
  learningRate: 0.05,
});

describe("join codes", () => {
  it("uses an alphabet without look-alike characters", () => {
    for (const char of "O0I1L") expect(JOIN_CODE_ALPHABET).not.toContain(char);
  });
  it("demo code is a valid join code", () => {
    expect(normalizeJoinCode(DEMO_JOIN_CODE)).toBe(DEMO_JOIN_CODE);
  });
});

describe.each(targets)("classrooms and training results on $name", (target) => {
  const t = useTestDatabase(target);
  const teacherId = async () => (await schoolWithTeacher(t.db)).teacher.id;

  it("creates a classroom with a 6-character join code from the alphabet", async () => {
    const classroom = await createClassroom(t.db, { name: "  Year 9 maths  ", teacherId: await teacherId() });
    expect(classroom.name).toBe("Year 9 maths");
    expect(classroom.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
  });

  it("gives every classroom a distinct join code, also when created concurrently", async () => {
    const teacher = await teacherId();
    const created = await Promise.all(
      Array.from({ length: 25 }, (_, i) => createClassroom(t.db, { name: `Class ${i}`, teacherId: teacher })),
    );
    expect(new Set(created.map((c) => c.joinCode)).size).toBe(created.length);
    const all = await listClassrooms(t.db);
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(created.map((c) => c.id)));
  });

  it("lets nobody manage a class with no teacher and no school, and creates no such class", async () => {
    // Only the walking skeleton made them; an old database may still hold one. Any staff member of any
    // school could rename, archive or read it.
    const orphan = await t.db.classroom.create({ data: { name: "Skeleton", joinCode: generateJoinCode() } });
    const { school, teacher } = await schoolWithTeacher(t.db);
    const admin = await createStaffUser(t.db, {
      schoolId: school.id,
      role: "school_admin",
      email: `${unique("admin")}@example.test`,
      displayName: "Admin",
      passwordHash: "hash:admin",
    });
    for (const actorId of [teacher.id, admin.id]) {
      await expect(managedClassroomById(t.db, actorId, orphan.id)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(archiveClassroom(t.db, { classroomId: orphan.id, actorId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    expect((await t.db.classroom.findUniqueOrThrow({ where: { id: orphan.id } })).archivedAt).toBeNull();
    const before = await t.db.classroom.count();
    await expect(createClassroom(t.db, { name: "Nobody's" } as never)).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await t.db.classroom.count()).toBe(before);
  });

  it("rejects an empty name with a typed error", async () => {
    const before = await t.db.classroom.count();
    await expect(createClassroom(t.db, { name: "   ", teacherId: await teacherId() })).rejects.toMatchObject({
      code: "INVALID",
    });
    expect(await t.db.classroom.count()).toBe(before);
  });

  it("finds a classroom by join code case-insensitively", async () => {
    const classroom = await createClassroom(t.db, { name: "Lookup", teacherId: await teacherId() });
    expect((await findClassroomByCode(t.db, classroom.joinCode.toLowerCase()))?.id).toBe(classroom.id);
    expect((await findClassroomByCode(t.db, ` ${classroom.joinCode} `))?.id).toBe(classroom.id);
    expect(await findClassroomByCode(t.db, "ZZZZZZ")).toBeNull();
    expect(await findClassroomByCode(t.db, "not a code")).toBeNull();
  });

  it("lists training results best (lowest log loss) first", async () => {
    const classroom = await createClassroom(t.db, { name: "Results", teacherId: await teacherId() });
    await recordTrainingResult(t.db, result(classroom.id, "ada", 0.4));
    await recordTrainingResult(t.db, result(classroom.id, "bob", 0.2));
    await recordTrainingResult(t.db, result(classroom.id, "cy", 0.3));
    const list = await listTrainingResults(t.db, classroom.id);
    expect(list.map((r) => r.nickname)).toEqual(["bob", "cy", "ada"]);
    expect(list[0]?.w).toEqual([0.5, -1.25]);
  });

  it("rejects NaN and Infinity and leaves the data unchanged", async () => {
    const classroom = await createClassroom(t.db, { name: "NaN", teacherId: await teacherId() });
    await recordTrainingResult(t.db, result(classroom.id, "ok", 0.5));
    const bad = [
      { ...result(classroom.id, "nan", Number.NaN) },
      { ...result(classroom.id, "inf", 0.5), b: Number.POSITIVE_INFINITY },
      { ...result(classroom.id, "w", 0.5), w: [1, Number.NaN] },
    ];
    for (const input of bad) {
      const error = await recordTrainingResult(t.db, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbError);
      expect(error).toMatchObject({ code: "INVALID" });
    }
    expect((await listTrainingResults(t.db, classroom.id)).map((r) => r.nickname)).toEqual(["ok"]);
  });

  it("rejects an unknown classroom with NOT_FOUND", async () => {
    const before = await t.db.trainingResult.count();
    await expect(recordTrainingResult(t.db, result("no-such-classroom", "x", 0.3))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await t.db.trainingResult.count()).toBe(before);
  });

  it("seeds the demo school, teacher, class and lesson idempotently", async () => {
    const first = await seedDemo(t.db);
    // The web app's content owns the lesson: a re-seed must not overwrite what it wrote.
    await upsertLesson(t.db, { ...CATS_OR_DOGS_LESSON, title: "From the web app's content" });
    const second = await seedDemo(t.db, { teacherPasswordHash: "hash:demo" });
    expect(second.classroom.id).toBe(first.classroom.id);
    expect(second.school.id).toBe(first.school.id);
    expect(second.teacher).toMatchObject({
      id: first.teacher.id,
      email: DEMO_TEACHER_EMAIL,
      role: "teacher",
    });
    expect(second.classroom).toMatchObject({ teacherId: first.teacher.id, schoolId: first.school.id });
    expect(second.lesson.title).toBe("From the web app's content");
    expect((await findStaffCredentials(t.db, DEMO_TEACHER_EMAIL))?.passwordHash).toBe("hash:demo");
    expect(first.classroom.joinCode).toBe(DEMO_JOIN_CODE);
    expect((await findClassroomByCode(t.db, DEMO_JOIN_CODE.toLowerCase()))?.id).toBe(first.classroom.id);
  });
});
