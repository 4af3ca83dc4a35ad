import { getUser, listTrainingResults, recordTrainingResult } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { scoreModel } from "../../scoring";
import { createTRPCRouter, staffProcedure, studentProcedure } from "../init";
import { classroomByCodeOrThrow, JoinCodeSchema, managedClassroom } from "./classroom";

const bounded = z.number().finite().min(-1e6).max(1e6);

export const resultsRouter = createTRPCRouter({
  /** Stores a finished training run for the student's own class; the loss is recomputed here from (w, b). */
  submit: studentProcedure
    .input(
      z.object({
        code: JoinCodeSchema,
        w: z.tuple([bounded, bounded]),
        b: bounded,
        iterations: z.number().int().min(1).max(100_000),
        learningRate: z.number().finite().positive().max(100),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const classroom = await classroomByCodeOrThrow(ctx.db, input.code);
      if (classroom.id !== ctx.session.cid) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You can only submit to your own class" });
      }
      const student = await getUser(ctx.db, ctx.session.uid);
      if (!student) throw new TRPCError({ code: "UNAUTHORIZED", message: "Join your class again" });
      const score = scoreModel({ w: input.w, b: input.b });
      const result = await recordTrainingResult(ctx.db, {
        classroomId: classroom.id,
        nickname: student.displayName,
        w: input.w,
        b: input.b,
        logLoss: score.logLoss,
        iterations: input.iterations,
        learningRate: input.learningRate,
      });
      return { ...result, accuracy: score.accuracy };
    }),

  list: staffProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    return listTrainingResults(ctx.db, classroom.id);
  }),
});
