import { NicknameSchema } from "@margin/core/protocol";
import { findClassroomByCode, listTrainingResults, recordTrainingResult } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { scoreModel } from "../../scoring";
import { createTRPCRouter, publicProcedure } from "../init";
import { JoinCodeSchema } from "./classroom";

const bounded = z.number().finite().min(-1e6).max(1e6);

async function classroomOrThrow(db: Parameters<typeof findClassroomByCode>[0], code: string) {
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) throw new TRPCError({ code: "NOT_FOUND", message: `No class has the join code ${code}` });
  return classroom;
}

export const resultsRouter = createTRPCRouter({
  /** Stores a finished training run; the loss is recomputed here from (w, b). */
  submit: publicProcedure
    .input(
      z.object({
        code: JoinCodeSchema,
        nickname: NicknameSchema,
        w: z.tuple([bounded, bounded]),
        b: bounded,
        iterations: z.number().int().min(1).max(100_000),
        learningRate: z.number().finite().positive().max(100),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const classroom = await classroomOrThrow(ctx.db, input.code);
      const score = scoreModel({ w: input.w, b: input.b });
      const result = await recordTrainingResult(ctx.db, {
        classroomId: classroom.id,
        nickname: input.nickname,
        w: input.w,
        b: input.b,
        logLoss: score.logLoss,
        iterations: input.iterations,
        learningRate: input.learningRate,
      });
      return { ...result, accuracy: score.accuracy };
    }),

  list: publicProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await classroomOrThrow(ctx.db, input.code);
    return listTrainingResults(ctx.db, classroom.id);
  }),
});
