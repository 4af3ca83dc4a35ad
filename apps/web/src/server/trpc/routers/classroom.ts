import {
  assertCanManageClassroom,
  type Classroom,
  createClassroom,
  type Db,
  findClassroomByCode,
  listClassroomsForTeacher,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, staffProcedure } from "../init";

export const JoinCodeSchema = z
  .string()
  .trim()
  .min(4, "Join codes have 6 characters")
  .max(12, "Join codes have 6 characters")
  .transform((code) => code.toUpperCase());

export async function classroomByCodeOrThrow(db: Db, code: string): Promise<Classroom> {
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) throw new TRPCError({ code: "NOT_FOUND", message: `No class has the join code ${code}` });
  return classroom;
}

/** The class, if the signed-in staff member may manage it; FORBIDDEN otherwise (ids can't be guessed into). */
export async function managedClassroom(db: Db, actorId: string, code: string): Promise<Classroom> {
  const classroom = await classroomByCodeOrThrow(db, code);
  await assertCanManageClassroom(db, actorId, classroom);
  return classroom;
}

export const classroomRouter = createTRPCRouter({
  /** What a join form may learn about a code: that it exists, and the class's name. */
  byCode: publicProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await classroomByCodeOrThrow(ctx.db, input.code);
    return { name: classroom.name, joinCode: classroom.joinCode };
  }),

  mine: staffProcedure.query(({ ctx }) => listClassroomsForTeacher(ctx.db, ctx.session.uid)),

  create: staffProcedure
    .input(z.object({ name: z.string().trim().min(1, "Give the class a name").max(80) }))
    .mutation(({ ctx, input }) => createClassroom(ctx.db, { name: input.name, teacherId: ctx.session.uid })),
});
