import { describe, expect, it } from "vitest";
import {
  getLabWork,
  getLabWorkForStaff,
  listClassroomLabWork,
  MAX_LAB_CODE_CHARS,
  recordLabRun,
  saveLabDraft,
} from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { addStudent, schoolWithClass } from "./testing/fixtures";

const lessonSlug = "cats-or-dogs";
const passing = [
  { id: "sigmoid-zero", passed: true },
  { id: "train", passed: true },
];
const failing = [
  { id: "sigmoid-zero", passed: true },
  { id: "train", passed: false },
];

describe.each(targets)("coding lab work on $name", (target) => {
  const t = useTestDatabase(target);

  it("saves a draft idempotently: one row, the latest text", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const input = { studentId: student.id, lessonSlug, language: "javascript" as const, draft: "let a = 1;" };
    await saveLabDraft(t.db, input);
    await saveLabDraft(t.db, input);
    const saved = await saveLabDraft(t.db, { ...input, language: "typescript", draft: "let a: number = 2;" });
    expect(saved.draft).toBe("let a: number = 2;");
    expect(saved.language).toBe("typescript");
    expect(saved.passingCode).toBeNull();
    expect(await t.db.labWork.count({ where: { studentId: student.id } })).toBe(1);
  });

  it("keeps the last passing code when later runs fail", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const base = { studentId: student.id, lessonSlug, language: "javascript" as const };
    const first = await recordLabRun(t.db, { ...base, code: "// v1 passes", results: passing });
    expect(first.passingCode).toBe("// v1 passes");
    expect(first.passedAt).toBeInstanceOf(Date);
    await recordLabRun(t.db, { ...base, code: "// v2 fails", results: failing });
    await saveLabDraft(t.db, { ...base, draft: "// v3 draft" });
    const work = await getLabWork(t.db, { studentId: student.id, lessonSlug });
    expect(work?.draft).toBe("// v3 draft");
    expect(work?.passingCode).toBe("// v1 passes");
    expect(work?.passedAt?.toISOString()).toBe(first.passedAt?.toISOString());
    expect(work?.lastResults).toEqual(failing);
  });

  it("refuses oversized code and leaves the saved work unchanged", async () => {
    const { classroom } = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, classroom.joinCode);
    const base = { studentId: student.id, lessonSlug, language: "javascript" as const };
    await saveLabDraft(t.db, { ...base, draft: "ok" });
    const huge = "x".repeat(MAX_LAB_CODE_CHARS + 1);
    await expect(saveLabDraft(t.db, { ...base, draft: huge })).rejects.toMatchObject({ code: "INVALID" });
    await expect(recordLabRun(t.db, { ...base, code: huge, results: passing })).rejects.toMatchObject({
      code: "INVALID",
    });
    const work = await getLabWork(t.db, { studentId: student.id, lessonSlug });
    expect(work?.draft).toBe("ok");
    expect(work?.passingCode).toBeNull();
  });

  it("refuses work for non-students and unknown languages", async () => {
    const { teacher } = await schoolWithClass(t.db);
    await expect(
      saveLabDraft(t.db, { studentId: teacher.id, lessonSlug, language: "javascript", draft: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      // @ts-expect-error python is not a lab language
      saveLabDraft(t.db, { studentId: teacher.id, lessonSlug, language: "python", draft: "x" }),
    ).rejects.toMatchObject({ code: "INVALID" });
    expect(await t.db.labWork.count({ where: { studentId: teacher.id } })).toBe(0);
  });

  it("shows a class's lab status to its teacher and refuses another teacher", async () => {
    const mine = await schoolWithClass(t.db);
    const other = await schoolWithClass(t.db);
    const { student: a } = await addStudent(t.db, mine.classroom.joinCode, "Ada");
    const { student: b } = await addStudent(t.db, mine.classroom.joinCode, "Bo");
    await addStudent(t.db, mine.classroom.joinCode, "Cy");
    const base = { lessonSlug, language: "javascript" as const };
    await recordLabRun(t.db, { ...base, studentId: a.id, code: "// pass", results: passing });
    await saveLabDraft(t.db, { ...base, studentId: b.id, draft: "// draft" });
    const rows = await listClassroomLabWork(t.db, {
      actorId: mine.teacher.id,
      classroomId: mine.classroom.id,
      lessonSlug,
    });
    expect(rows.map((row) => [row.nickname, row.status, row.checksPassed, row.checksTotal])).toEqual([
      ["Ada", "passed", 2, 2],
      ["Bo", "in-progress", 0, 0],
      ["Cy", "not-started", 0, 0],
    ]);
    await expect(
      listClassroomLabWork(t.db, { actorId: other.teacher.id, classroomId: mine.classroom.id, lessonSlug }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets a teacher read their student's code and refuses another student's work", async () => {
    const mine = await schoolWithClass(t.db);
    const other = await schoolWithClass(t.db);
    const { student } = await addStudent(t.db, mine.classroom.joinCode, "Ada");
    const { student: stranger } = await addStudent(t.db, other.classroom.joinCode, "Eve");
    await saveLabDraft(t.db, { studentId: student.id, lessonSlug, language: "typescript", draft: "// mine" });
    await saveLabDraft(t.db, { studentId: stranger.id, lessonSlug, language: "javascript", draft: "// not" });
    const read = await getLabWorkForStaff(t.db, {
      actorId: mine.teacher.id,
      studentId: student.id,
      lessonSlug,
    });
    expect(read.nickname).toBe("Ada");
    expect(read.work?.draft).toBe("// mine");
    await expect(
      getLabWorkForStaff(t.db, { actorId: mine.teacher.id, studentId: stranger.id, lessonSlug }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      getLabWorkForStaff(t.db, { actorId: student.id, studentId: stranger.id, lessonSlug }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
