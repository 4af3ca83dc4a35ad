import {
  classProgress,
  listLessonProgress,
  MASTERY_MIN_OWN_NUMBERS,
  MASTERY_MIN_QUESTIONS,
  objectiveMastery,
  recordLessonProgress,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ensureLesson, lessonEntry } from "../../lessons";
import { createTRPCRouter, staffProcedure, studentProcedure } from "../init";
import { JoinCodeSchema, managedClassroom } from "./classroom";

const SlugSchema = z.string().trim().min(1).max(64);

export type { ObjectiveStatus } from "@margin/db";

async function lessonOrThrow(db: Parameters<typeof ensureLesson>[0], slug: string) {
  const lesson = await ensureLesson(db, slug);
  if (!lesson) throw new TRPCError({ code: "NOT_FOUND", message: `No lesson ${slug}` });
  return lesson;
}

export const progressRouter = createTRPCRouter({
  /** A section seen (scrolled into view) or completed (its widget used). Idempotent. */
  mark: studentProcedure
    .input(
      z.object({
        lessonSlug: SlugSchema,
        sectionKey: z.string().trim().min(1).max(64),
        step: z.enum(["viewed", "completed"]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await lessonOrThrow(ctx.db, input.lessonSlug);
      await recordLessonProgress(ctx.db, {
        studentId: ctx.session.uid,
        lessonSlug: input.lessonSlug,
        kind: "section",
        key: input.sectionKey,
        step: input.step,
      });
      return { ok: true };
    }),

  /** The student's own progress: objectives mastered and sections seen. */
  mine: studentProcedure.input(z.object({ lessonSlug: SlugSchema })).query(async ({ ctx, input }) => {
    const lesson = await lessonOrThrow(ctx.db, input.lessonSlug);
    const [mastery, rows] = await Promise.all([
      objectiveMastery(ctx.db, { studentId: ctx.session.uid, lessonSlug: lesson.slug }),
      listLessonProgress(ctx.db, { studentId: ctx.session.uid, lessonSlug: lesson.slug }),
    ]);
    return {
      objectives: mastery.map((objective) => ({
        key: objective.objectiveKey,
        text: lesson.objectives.find((o) => o.key === objective.objectiveKey)?.text ?? objective.objectiveKey,
        mastered: objective.mastered,
        /** Done through its activity (the coding lab, say), whether or not the quiz is mastered yet. */
        completed: rows.some(
          (row) => row.kind === "objective" && row.key === objective.objectiveKey && row.completedAt !== null,
        ),
        questionsAnswered: objective.questionsAnswered,
        /** Evidence so far: questions right at the first try, and how many of those had own numbers. */
        firstTryCorrect: objective.firstTryCorrect,
        ownNumbersFirstTryCorrect: objective.ownNumbersFirstTryCorrect,
      })),
      /** The mastery rule, for the student to see what counts. */
      rule: { firstTries: MASTERY_MIN_QUESTIONS, ownNumbers: MASTERY_MIN_OWN_NUMBERS },
      sectionsViewed: rows.filter((row) => row.kind === "section" && row.viewedAt).map((row) => row.key),
      sectionsTotal: lesson.sections.length,
    };
  }),

  /**
   * The class's progress grid for its teacher (or the school's admin): one row per current student with
   * objective status, quiz score and the latest ended challenge's private result.
   */
  classroom: staffProcedure
    .input(z.object({ code: JoinCodeSchema, lessonSlug: SlugSchema }))
    .query(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      const lesson = await lessonOrThrow(ctx.db, input.lessonSlug);
      const grid = await classProgress(ctx.db, {
        actorId: ctx.session.uid,
        classroomId: classroom.id,
        lessonSlug: lesson.slug,
      });
      const labels = new Map((lessonEntry(lesson.slug)?.meta.objectives ?? []).map((o) => [o.id, o.short]));
      return {
        ...grid,
        objectives: grid.objectives.map(({ key, text }) => ({ key, text, short: labels.get(key) ?? key })),
      };
    }),
});
