import { signRealtimeToken } from "@margin/core/protocol";
import { getUser } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "~/env";
import { createTRPCRouter, staffProcedure, studentProcedure } from "../init";
import { classroomByCodeOrThrow, JoinCodeSchema, managedClassroom } from "./classroom";

const TOKEN_TTL_SECONDS = 10 * 60;

/** Mints the short-lived tokens the realtime service demands at the handshake. */
export const realtimeRouter = createTRPCRouter({
  studentToken: studentProcedure
    .input(z.object({ code: JoinCodeSchema }))
    .mutation(async ({ ctx, input }) => {
      const classroom = await classroomByCodeOrThrow(ctx.db, input.code);
      if (classroom.id !== ctx.session.cid) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You can only connect to your own class" });
      }
      const student = await getUser(ctx.db, ctx.session.uid);
      if (!student) throw new TRPCError({ code: "UNAUTHORIZED", message: "Join your class again" });
      const claims = {
        role: "student" as const,
        classroomId: classroom.id,
        studentId: student.id,
        nickname: student.displayName,
      };
      const { REALTIME_SECRET, REALTIME_PUBLIC_URL } = env();
      return {
        token: await signRealtimeToken(claims, REALTIME_SECRET, TOKEN_TTL_SECONDS),
        url: REALTIME_PUBLIC_URL,
      };
    }),

  teacherToken: staffProcedure.input(z.object({ code: JoinCodeSchema })).mutation(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    const { REALTIME_SECRET, REALTIME_PUBLIC_URL } = env();
    return {
      token: await signRealtimeToken(
        { role: "teacher", classroomId: classroom.id },
        REALTIME_SECRET,
        TOKEN_TTL_SECONDS,
      ),
      url: REALTIME_PUBLIC_URL,
    };
  }),
});
