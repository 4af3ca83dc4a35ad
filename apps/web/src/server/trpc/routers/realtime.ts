import { NicknameSchema, signRealtimeToken } from "@margin/core/protocol";
import { findClassroomByCode } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "~/env";
import { createTRPCRouter, publicProcedure } from "../init";
import { JoinCodeSchema } from "./classroom";

const TOKEN_TTL_SECONDS = 2 * 60 * 60;

async function classroomIdFor(db: Parameters<typeof findClassroomByCode>[0], code: string): Promise<string> {
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) throw new TRPCError({ code: "NOT_FOUND", message: `No class has the join code ${code}` });
  return classroom.id;
}

/** Mints the short-lived tokens the realtime service demands at the handshake. */
export const realtimeRouter = createTRPCRouter({
  studentToken: publicProcedure
    .input(z.object({ code: JoinCodeSchema, nickname: NicknameSchema, studentId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const classroomId = await classroomIdFor(ctx.db, input.code);
      const claims = {
        role: "student" as const,
        classroomId,
        studentId: input.studentId,
        nickname: input.nickname,
      };
      const { REALTIME_SECRET, REALTIME_PUBLIC_URL } = env();
      return {
        token: await signRealtimeToken(claims, REALTIME_SECRET, TOKEN_TTL_SECONDS),
        url: REALTIME_PUBLIC_URL,
      };
    }),

  // Until teacher accounts exist, any visitor of a class's dashboard may watch it (read-only).
  teacherToken: publicProcedure.input(z.object({ code: JoinCodeSchema })).mutation(async ({ ctx, input }) => {
    const classroomId = await classroomIdFor(ctx.db, input.code);
    const { REALTIME_SECRET, REALTIME_PUBLIC_URL } = env();
    return {
      token: await signRealtimeToken({ role: "teacher", classroomId }, REALTIME_SECRET, TOKEN_TTL_SECONDS),
      url: REALTIME_PUBLIC_URL,
    };
  }),
});
