import { z } from "zod";
import { assertCanManageClassroom, requireClassroom } from "./classrooms";
import type { Db } from "./client";
import { DbError } from "./errors";
import type { LabWork as LabWorkRow } from "./generated/sqlite/client";
import { IdSchema, parseInput, type Tx } from "./validation";

/** Enough for the lab's six functions many times over; bigger payloads are refused, never truncated. */
export const MAX_LAB_CODE_CHARS = 50_000;
export const LAB_LANGUAGES = ["javascript", "typescript"] as const;
export type LabLanguage = (typeof LAB_LANGUAGES)[number];

const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");
export const LabCodeSchema = z
  .string()
  .max(MAX_LAB_CODE_CHARS, `Code is limited to ${MAX_LAB_CODE_CHARS.toLocaleString("en")} characters`);
export const LabCheckResultSchema = z.object({
  id: z.string().min(1).max(64),
  passed: z.boolean(),
});
export type LabCheckResult = z.infer<typeof LabCheckResultSchema>;

export type LabWork = Omit<LabWorkRow, "language" | "lastResults"> & {
  language: LabLanguage;
  lastResults: LabCheckResult[] | null;
};

function toLabWork(row: LabWorkRow): LabWork {
  const results = z.array(LabCheckResultSchema).safeParse(row.lastResults);
  return {
    ...row,
    language: z.enum(LAB_LANGUAGES).catch("javascript").parse(row.language),
    lastResults: results.success ? results.data : null,
  };
}

async function requireStudent(tx: Tx | Db, studentId: string): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: studentId }, select: { role: true } });
  if (!user) throw new DbError("NOT_FOUND", `Unknown student ${studentId}`);
  if (user.role !== "student") throw new DbError("FORBIDDEN", `User ${studentId} is not a student`);
}

export const SaveLabDraftInputSchema = z.object({
  studentId: IdSchema,
  lessonSlug: SlugSchema,
  language: z.enum(LAB_LANGUAGES),
  draft: LabCodeSchema,
  at: z.date().optional(),
});
export type SaveLabDraftInput = z.input<typeof SaveLabDraftInputSchema>;

/** Autosave: one row per (student, lesson); saving the same draft again changes nothing but the time. */
export async function saveLabDraft(db: Db, input: SaveLabDraftInput): Promise<LabWork> {
  const { studentId, lessonSlug, language, draft, at } = parseInput(SaveLabDraftInputSchema, input);
  await requireStudent(db, studentId);
  const draftSavedAt = at ?? new Date();
  const row = await db.labWork.upsert({
    where: { studentId_lessonSlug: { studentId, lessonSlug } },
    create: { studentId, lessonSlug, language, draft, draftSavedAt },
    update: { language, draft, draftSavedAt },
  });
  return toLabWork(row);
}

export const RecordLabRunInputSchema = z.object({
  studentId: IdSchema,
  lessonSlug: SlugSchema,
  language: z.enum(LAB_LANGUAGES),
  code: LabCodeSchema,
  results: z.array(LabCheckResultSchema).min(1).max(64),
  at: z.date().optional(),
});
export type RecordLabRunInput = z.input<typeof RecordLabRunInputSchema>;

/**
 * A graded run: the code becomes the draft and its check results are kept for the teacher; when every
 * check passed it also becomes the passing version. A failing run never clears an earlier pass.
 */
export async function recordLabRun(db: Db, input: RecordLabRunInput): Promise<LabWork> {
  const { studentId, lessonSlug, language, code, results, at } = parseInput(RecordLabRunInputSchema, input);
  await requireStudent(db, studentId);
  const now = at ?? new Date();
  const passed = results.every((result) => result.passed);
  const pass = passed ? { passingCode: code, passedAt: now } : {};
  const row = await db.labWork.upsert({
    where: { studentId_lessonSlug: { studentId, lessonSlug } },
    create: {
      studentId,
      lessonSlug,
      language,
      draft: code,
      draftSavedAt: now,
      lastResults: results,
      ...pass,
    },
    update: { language, draft: code, draftSavedAt: now, lastResults: results, ...pass },
  });
  return toLabWork(row);
}

const OwnLabWorkInputSchema = z.object({ studentId: IdSchema, lessonSlug: SlugSchema });

/** The student's own work on the lab, or null before their first save. */
export async function getLabWork(
  db: Db,
  input: z.input<typeof OwnLabWorkInputSchema>,
): Promise<LabWork | null> {
  const { studentId, lessonSlug } = parseInput(OwnLabWorkInputSchema, input);
  const row = await db.labWork.findUnique({ where: { studentId_lessonSlug: { studentId, lessonSlug } } });
  return row ? toLabWork(row) : null;
}

export type LabStatus = "not-started" | "in-progress" | "passed";

/**
 * One student's lab for the progress grid: passed (a passing version is kept, whatever came after), failing
 * (graded, not every check passed), draft (saved, never graded) or not started.
 */
export interface ClassroomLabStatus {
  status: "passed" | "failing" | "draft" | "not-started";
  passedAt: Date | null;
  savedAt: Date | null;
  checksPassed: number;
  checksTotal: number;
  /** The first check of the latest run that failed (a check id), if any. */
  firstFailing: string | null;
}

export function labStatusOf(row: LabWorkRow | undefined): ClassroomLabStatus {
  if (!row) {
    return {
      status: "not-started",
      passedAt: null,
      savedAt: null,
      checksPassed: 0,
      checksTotal: 0,
      firstFailing: null,
    };
  }
  const results = toLabWork(row).lastResults ?? [];
  return {
    status: row.passedAt ? "passed" : results.length > 0 ? "failing" : "draft",
    passedAt: row.passedAt,
    savedAt: row.draftSavedAt,
    checksPassed: results.filter((r) => r.passed).length,
    checksTotal: results.length,
    firstFailing: results.find((r) => !r.passed)?.id ?? null,
  };
}

export interface ClassroomLabRow {
  studentId: string;
  nickname: string;
  status: LabStatus;
  language: LabLanguage | null;
  draftSavedAt: Date | null;
  passedAt: Date | null;
  checksPassed: number;
  checksTotal: number;
}

const ClassroomLabInputSchema = z.object({
  actorId: IdSchema,
  classroomId: IdSchema,
  lessonSlug: SlugSchema,
});

/** One row per enrolled student for a teacher who manages the class (FORBIDDEN otherwise). */
export async function listClassroomLabWork(
  db: Db,
  input: z.input<typeof ClassroomLabInputSchema>,
): Promise<ClassroomLabRow[]> {
  const { actorId, classroomId, lessonSlug } = parseInput(ClassroomLabInputSchema, input);
  const classroom = await requireClassroom(db, classroomId);
  await assertCanManageClassroom(db, actorId, classroom);
  const enrollments = await db.enrollment.findMany({
    where: { classroomId, student: { archivedAt: null } },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
  });
  const rows = await db.labWork.findMany({
    where: { lessonSlug, studentId: { in: enrollments.map((e) => e.studentId) } },
  });
  const byStudent = new Map(rows.map((row) => [row.studentId, toLabWork(row)]));
  return enrollments.map((enrollment) => {
    const work = byStudent.get(enrollment.studentId);
    const results = work?.lastResults ?? [];
    return {
      studentId: enrollment.studentId,
      nickname: enrollment.nickname,
      status: !work ? "not-started" : work.passedAt ? "passed" : "in-progress",
      language: work?.language ?? null,
      draftSavedAt: work?.draftSavedAt ?? null,
      passedAt: work?.passedAt ?? null,
      checksPassed: results.filter((r) => r.passed).length,
      checksTotal: results.length,
    };
  });
}

const StaffLabWorkInputSchema = z.object({
  actorId: IdSchema,
  studentId: IdSchema,
  lessonSlug: SlugSchema,
  /** Only this class counts (the page a teacher opened the code from). */
  classroomId: IdSchema.optional(),
});

/**
 * A student's work, read-only, for a teacher of one of the student's classes (of `classroomId` when given).
 * Students outside those classes are FORBIDDEN, whether or not they exist.
 */
export async function getLabWorkForStaff(
  db: Db,
  input: z.input<typeof StaffLabWorkInputSchema>,
): Promise<{ nickname: string; work: LabWork | null }> {
  const { actorId, studentId, lessonSlug, classroomId } = parseInput(StaffLabWorkInputSchema, input);
  const enrollments = await db.enrollment.findMany({
    where: classroomId ? { studentId, classroomId } : { studentId },
    include: { classroom: true },
  });
  let nickname: string | null = null;
  for (const enrollment of enrollments) {
    try {
      await assertCanManageClassroom(db, actorId, enrollment.classroom);
      nickname = enrollment.nickname;
      break;
    } catch (error) {
      if (!(error instanceof DbError)) throw error;
    }
  }
  if (nickname === null)
    throw new DbError("FORBIDDEN", `User ${actorId} cannot read ${studentId}'s lab work`);
  return { nickname, work: await getLabWork(db, { studentId, lessonSlug }) };
}
