import {
  listClassroomProgress,
  listEnrollments,
  listLessonProgress,
  objectiveMastery,
  recordLessonProgress,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ensureLesson, lessonEntry } from "../../lessons";
import { createTRPCRouter, staffProcedure, studentProcedure } from "../init";
import { JoinCodeSchema, managedClassroom } from "./classroom";

const SlugSchema = z.string().trim().min(1).max(64);

export type ObjectiveStatus = "not-started" | "practising" | "mastered";

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
        questionsAnswered: objective.questionsAnswered,
      })),
      sectionsViewed: rows.filter((row) => row.kind === "section" && row.viewedAt).map((row) => row.key),
      sectionsTotal: lesson.sections.length,
    };
  }),

  /** The class's progress grid for its teacher: one row per enrolled student. */
  classroom: staffProcedure
    .input(z.object({ code: JoinCodeSchema, lessonSlug: SlugSchema }))
    .query(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      const lesson = await lessonOrThrow(ctx.db, input.lessonSlug);
      const [enrollments, rows] = await Promise.all([
        listEnrollments(ctx.db, classroom.id),
        listClassroomProgress(ctx.db, { classroomId: classroom.id, lessonSlug: lesson.slug }),
      ]);
      const objectives = lessonEntry(lesson.slug)?.meta.objectives ?? [];
      return {
        objectives: objectives.map(({ id, text, short }) => ({ key: id, text, short })),
        students: enrollments.map((enrollment) => {
          const own = rows.filter((row) => row.studentId === enrollment.studentId);
          const statusOf = (key: string): ObjectiveStatus => {
            const row = own.find((candidate) => candidate.kind === "objective" && candidate.key === key);
            if (row?.masteredAt) return "mastered";
            return row?.viewedAt ? "practising" : "not-started";
          };
          return {
            studentId: enrollment.studentId,
            nickname: enrollment.nickname,
            objectives: Object.fromEntries(objectives.map(({ id }) => [id, statusOf(id)])),
            mastered: objectives.filter(({ id }) => statusOf(id) === "mastered").length,
            sectionsViewed: own.filter((row) => row.kind === "section" && row.viewedAt).length,
          };
        }),
      };
    }),
});
