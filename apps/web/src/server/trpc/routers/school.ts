import { listSchoolAudit, listSchoolStaff, removeTeacher, schoolOverview } from "@margin/db";
import { z } from "zod";
import { ensureLesson, lessonEntry } from "../../lessons";
import { createTRPCRouter, staffProcedure } from "../init";

export const schoolRouter = createTRPCRouter({
  /** Every class of the admin's school, aggregated (admins only; a teacher gets FORBIDDEN). */
  overview: staffProcedure
    .input(
      z.object({
        lessonSlug: z.string().trim().min(1).max(64),
        days: z.number().int().min(1).max(90).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      await ensureLesson(ctx.db, input.lessonSlug);
      const overview = await schoolOverview(ctx.db, {
        actorId: ctx.session.uid,
        lessonSlug: input.lessonSlug,
        days: input.days,
      });
      const labels = new Map(
        (lessonEntry(input.lessonSlug)?.meta.objectives ?? []).map((o) => [o.id, o.short]),
      );
      return {
        ...overview,
        objectives: overview.objectives.map(({ key, text }) => ({
          key,
          text,
          short: labels.get(key) ?? key,
        })),
      };
    }),

  staff: staffProcedure.query(async ({ ctx }) => {
    const staff = await listSchoolStaff(ctx.db, { actorId: ctx.session.uid });
    return staff.map(({ id, displayName, email, role }) => ({ id, displayName, email, role }));
  }),

  /** Recent audit events of the admin's school (password-reset links, PIN resets), newest first. */
  audit: staffProcedure.query(({ ctx }) => listSchoolAudit(ctx.db, { actorId: ctx.session.uid, limit: 30 })),

  removeTeacher: staffProcedure
    .input(z.object({ teacherId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await removeTeacher(ctx.db, { actorId: ctx.session.uid, teacherId: input.teacherId });
      return { ok: true };
    }),
});
