import {
  getLabWork,
  getLabWorkForStaff,
  LAB_LANGUAGES,
  listClassroomLabWork,
  listLessonProgress,
  MAX_LAB_CODE_CHARS,
  recordLabRun,
  recordLessonProgress,
  saveLabDraft,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { gradeOnServer } from "../../lab/grade";
import { ensureLesson } from "../../lessons";
import { createTRPCRouter, staffProcedure, studentProcedure } from "../init";
import { JoinCodeSchema, managedClassroom } from "./classroom";

/** The lessons that have a coding lab, and the objective passing it completes. */
const LAB_OBJECTIVES = { "cats-or-dogs": "from-scratch" } as const;
const LabSlugSchema = z.enum(["cats-or-dogs"]);
const CodeSchema = z.string().max(MAX_LAB_CODE_CHARS, "Code is limited to 50 000 characters");
const LanguageSchema = z.enum(LAB_LANGUAGES);

type Db = Parameters<typeof getLabWork>[0];

async function objectiveCompleted(db: Db, studentId: string, lessonSlug: keyof typeof LAB_OBJECTIVES) {
  await ensureLesson(db, lessonSlug);
  const rows = await listLessonProgress(db, { studentId, lessonSlug });
  const key = LAB_OBJECTIVES[lessonSlug];
  return rows.some((row) => row.kind === "objective" && row.key === key && row.completedAt !== null);
}

export const labRouter = createTRPCRouter({
  /** The student's own draft, last passing version and whether the objective is done. */
  mine: studentProcedure.input(z.object({ lessonSlug: LabSlugSchema })).query(async ({ ctx, input }) => {
    const studentId = ctx.session.uid;
    const [work, completed] = await Promise.all([
      getLabWork(ctx.db, { studentId, lessonSlug: input.lessonSlug }),
      objectiveCompleted(ctx.db, studentId, input.lessonSlug),
    ]);
    return {
      language: work?.language ?? null,
      draft: work?.draft ?? null,
      draftSavedAt: work?.draftSavedAt ?? null,
      passingCode: work?.passingCode ?? null,
      passedAt: work?.passedAt ?? null,
      objectiveCompleted: completed,
    };
  }),

  /** Autosave; idempotent. */
  saveDraft: studentProcedure
    .input(z.object({ lessonSlug: LabSlugSchema, language: LanguageSchema, draft: CodeSchema }))
    .mutation(async ({ ctx, input }) => {
      const work = await saveLabDraft(ctx.db, { studentId: ctx.session.uid, ...input });
      return { savedAt: work.draftSavedAt };
    }),

  /**
   * A run graded here, on the server, in QuickJS with the page's checks: whatever the page computed is not
   * asked for (and ignored if sent). A pass keeps this code as the passing version and completes the
   * lesson's from-scratch objective. Code that hits the time or memory limit is refused (TIMEOUT,
   * UNPROCESSABLE_CONTENT) and not recorded.
   */
  recordRun: studentProcedure
    .input(z.object({ lessonSlug: LabSlugSchema, language: LanguageSchema, code: CodeSchema }))
    .mutation(async ({ ctx, input }) => {
      const studentId = ctx.session.uid;
      const verdict = await gradeOnServer(input.code, input.language);
      const results = verdict.checks.map(({ id, passed }) => ({ id, passed }));
      const work = await recordLabRun(ctx.db, { studentId, ...input, results });
      if (verdict.passed) {
        const lesson = await ensureLesson(ctx.db, input.lessonSlug);
        if (!lesson) throw new TRPCError({ code: "NOT_FOUND", message: `No lesson ${input.lessonSlug}` });
        await recordLessonProgress(ctx.db, {
          studentId,
          lessonSlug: input.lessonSlug,
          kind: "objective",
          key: LAB_OBJECTIVES[input.lessonSlug],
          step: "completed",
        });
      }
      return {
        passed: verdict.passed,
        checks: verdict.checks,
        problem: verdict.problem ?? null,
        passedAt: work.passedAt,
        objectiveCompleted: await objectiveCompleted(ctx.db, studentId, input.lessonSlug),
      };
    }),

  /** The class's lab status, for a teacher who manages it. */
  classroom: staffProcedure
    .input(z.object({ code: JoinCodeSchema, lessonSlug: LabSlugSchema }))
    .query(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      return listClassroomLabWork(ctx.db, {
        actorId: ctx.session.uid,
        classroomId: classroom.id,
        lessonSlug: input.lessonSlug,
      });
    }),

  /** One student's latest and passing code, read-only, for a teacher who manages the student's class. */
  studentCode: staffProcedure
    .input(
      z.object({ code: JoinCodeSchema, studentId: z.string().min(1).max(64), lessonSlug: LabSlugSchema }),
    )
    .query(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      const { nickname, work } = await getLabWorkForStaff(ctx.db, {
        actorId: ctx.session.uid,
        studentId: input.studentId,
        lessonSlug: input.lessonSlug,
        classroomId: classroom.id,
      });
      return {
        nickname,
        language: work?.language ?? null,
        draft: work?.draft ?? null,
        draftSavedAt: work?.draftSavedAt ?? null,
        passingCode: work?.passingCode ?? null,
        passedAt: work?.passedAt ?? null,
        lastResults: work?.lastResults ?? [],
      };
    }),
});
