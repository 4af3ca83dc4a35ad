import { z } from "zod";
import type { Db } from "./client";
import { DbError, retryOnRace } from "./errors";
import type { LessonProgress, Lesson as LessonRow } from "./generated/sqlite/client";
import { IdSchema, parseInput, type Tx } from "./validation";

export type { LessonProgress };

const KeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");

export const LessonSectionSchema = z.object({ key: KeySchema, title: z.string().trim().min(1).max(200) });
export const LessonObjectiveSchema = z.object({ key: KeySchema, text: z.string().trim().min(1).max(500) });

function uniqueKeys(items: Array<{ key: string }>): boolean {
  return new Set(items.map((item) => item.key)).size === items.length;
}

export const LessonInputSchema = z.object({
  slug: KeySchema,
  phase: z.number().int().min(0).max(100),
  session: z.number().int().min(0).max(1000),
  title: z.string().trim().min(1).max(200),
  minutes: z.number().int().min(1).max(600),
  sections: z.array(LessonSectionSchema).max(100).refine(uniqueKeys, "section keys must be unique"),
  objectives: z.array(LessonObjectiveSchema).max(100).refine(uniqueKeys, "objective keys must be unique"),
});
export type LessonInput = z.input<typeof LessonInputSchema>;

export type Lesson = Omit<LessonRow, "sections" | "objectives"> & {
  sections: Array<z.infer<typeof LessonSectionSchema>>;
  objectives: Array<z.infer<typeof LessonObjectiveSchema>>;
};

export function toLesson(row: LessonRow): Lesson {
  return {
    ...row,
    sections: z.array(LessonSectionSchema).parse(row.sections),
    objectives: z.array(LessonObjectiveSchema).parse(row.objectives),
  };
}

/** Creates or updates the catalogue entry with this slug (idempotent). */
export async function upsertLesson(db: Db, input: LessonInput): Promise<Lesson> {
  const { slug, ...data } = parseInput(LessonInputSchema, input);
  const row = await db.lesson.upsert({ where: { slug }, create: { slug, ...data }, update: data });
  return toLesson(row);
}

/** Creates the catalogue entry if its slug is new; an existing entry is returned unchanged. */
export async function ensureLesson(db: Db, input: LessonInput): Promise<Lesson> {
  const { slug, ...data } = parseInput(LessonInputSchema, input);
  const row = await db.lesson.upsert({ where: { slug }, create: { slug, ...data }, update: {} });
  return toLesson(row);
}

export async function getLessonBySlug(db: Db, slug: string): Promise<Lesson | null> {
  const row = await db.lesson.findUnique({ where: { slug } });
  return row ? toLesson(row) : null;
}

export async function listLessons(db: Db): Promise<Lesson[]> {
  const rows = await db.lesson.findMany({ orderBy: [{ phase: "asc" }, { session: "asc" }, { slug: "asc" }] });
  return rows.map(toLesson);
}

export async function requireLesson(tx: Tx | Db, slug: string): Promise<Lesson> {
  const row = await tx.lesson.findUnique({ where: { slug } });
  if (!row) throw new DbError("NOT_FOUND", `Unknown lesson ${slug}`);
  return toLesson(row);
}

export const PROGRESS_KINDS = ["section", "objective"] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];
export const PROGRESS_STEPS = ["viewed", "completed", "mastered"] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

export const RecordLessonProgressInputSchema = z.object({
  studentId: IdSchema,
  lessonSlug: KeySchema,
  kind: z.enum(PROGRESS_KINDS),
  key: KeySchema,
  /** Each step implies the ones before it (mastered ⇒ completed ⇒ viewed). */
  step: z.enum(PROGRESS_STEPS),
  at: z.date().optional(),
});
export type RecordLessonProgressInput = z.input<typeof RecordLessonProgressInputSchema>;

const STEP_COLUMNS = { viewed: "viewedAt", completed: "completedAt", mastered: "masteredAt" } as const;

/**
 * Idempotent and safe under concurrent calls: makes sure the (student, lesson, kind, key) row exists, then
 * sets each implied timestamp only where it is still empty — a repeat never moves or clears a timestamp.
 */
export async function recordLessonProgress(
  db: Db,
  input: RecordLessonProgressInput,
): Promise<LessonProgress> {
  const data = parseInput(RecordLessonProgressInputSchema, input);
  return retryOnRace(() => db.$transaction((tx) => markProgress(tx, data)));
}

export async function markProgress(
  tx: Tx,
  data: z.output<typeof RecordLessonProgressInputSchema>,
): Promise<LessonProgress> {
  const lesson = await requireLesson(tx, data.lessonSlug);
  const keys = data.kind === "section" ? lesson.sections : lesson.objectives;
  if (!keys.some((item) => item.key === data.key)) {
    throw new DbError("INVALID", `Lesson ${lesson.slug} has no ${data.kind} "${data.key}"`);
  }
  const student = await tx.user.findUnique({ where: { id: data.studentId }, select: { role: true } });
  if (!student) throw new DbError("NOT_FOUND", `Unknown student ${data.studentId}`);
  if (student.role !== "student") throw new DbError("FORBIDDEN", `User ${data.studentId} is not a student`);

  const where = {
    studentId_lessonId_kind_key: {
      studentId: data.studentId,
      lessonId: lesson.id,
      kind: data.kind,
      key: data.key,
    },
  };
  const row = await tx.lessonProgress.upsert({
    where,
    create: { studentId: data.studentId, lessonId: lesson.id, kind: data.kind, key: data.key },
    update: {},
  });
  const at = data.at ?? new Date();
  const steps = PROGRESS_STEPS.slice(0, PROGRESS_STEPS.indexOf(data.step) + 1);
  for (const step of steps) {
    const column = STEP_COLUMNS[step];
    await tx.lessonProgress.updateMany({ where: { id: row.id, [column]: null }, data: { [column]: at } });
  }
  return tx.lessonProgress.findUniqueOrThrow({ where: { id: row.id } });
}

export async function listLessonProgress(
  db: Db,
  input: { studentId: string; lessonSlug: string },
): Promise<LessonProgress[]> {
  const lesson = await requireLesson(db, input.lessonSlug);
  return db.lessonProgress.findMany({
    where: { studentId: input.studentId, lessonId: lesson.id },
    orderBy: [{ kind: "asc" }, { key: "asc" }],
  });
}

/** Every enrolled student's progress rows for one lesson (the teacher's progress view). */
export async function listClassroomProgress(
  db: Db,
  input: { classroomId: string; lessonSlug: string },
): Promise<Array<LessonProgress & { nickname: string }>> {
  const lesson = await requireLesson(db, input.lessonSlug);
  const enrollments = await db.enrollment.findMany({
    where: { classroomId: input.classroomId },
    select: { studentId: true, nickname: true },
  });
  const nicknames = new Map(enrollments.map((e) => [e.studentId, e.nickname]));
  const rows = await db.lessonProgress.findMany({
    where: { lessonId: lesson.id, studentId: { in: [...nicknames.keys()] } },
    orderBy: [{ studentId: "asc" }, { kind: "asc" }, { key: "asc" }],
  });
  return rows.map((row) => ({ ...row, nickname: nicknames.get(row.studentId) ?? "" }));
}
