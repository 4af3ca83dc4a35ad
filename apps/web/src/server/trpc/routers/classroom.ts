import { createClassroom, findClassroomByCode, listClassrooms } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure } from "../init";

export const JoinCodeSchema = z
  .string()
  .trim()
  .min(4, "Join codes have 6 characters")
  .max(12, "Join codes have 6 characters")
  .transform((code) => code.toUpperCase());

export const classroomRouter = createTRPCRouter({
  list: publicProcedure.query(({ ctx }) => listClassrooms(ctx.db)),

  byCode: publicProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await findClassroomByCode(ctx.db, input.code);
    if (!classroom)
      throw new TRPCError({ code: "NOT_FOUND", message: `No class has the join code ${input.code}` });
    return classroom;
  }),

  create: publicProcedure
    .input(z.object({ name: z.string().trim().min(1, "Give the class a name").max(80) }))
    .mutation(({ ctx, input }) => createClassroom(ctx.db, input)),
});
