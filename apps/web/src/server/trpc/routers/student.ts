import { NicknameSchema } from "@margin/core/protocol";
import { findStudentForRejoin, hashSecret, isDbError, joinClassroom, verifySecret } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { generatePin, PIN_LENGTH } from "../../auth/pin";
import { FailureLimiter } from "../../auth/rate-limit";
import { createTRPCRouter, publicProcedure } from "../init";
import { JoinCodeSchema } from "./classroom";

/** 5 wrong PINs per nickname per class in 15 minutes: a 4-digit PIN then takes weeks to guess. */
const rejoinFailures = new FailureLimiter(5, 15 * 60 * 1000);

export const studentRouter = createTRPCRouter({
  /** Joins a class with its code and a nickname; the PIN is shown once, for rejoining elsewhere. */
  join: publicProcedure
    .input(z.object({ code: JoinCodeSchema, nickname: NicknameSchema }))
    .mutation(async ({ ctx, input }) => {
      const pin = generatePin();
      const membership = await joinClassroom(ctx.db, {
        joinCode: input.code,
        nickname: input.nickname,
        pinHash: await hashSecret(pin),
      }).catch((error: unknown) => {
        if (isDbError(error, "NOT_FOUND")) {
          throw new TRPCError({ code: "NOT_FOUND", message: `No class has the join code ${input.code}` });
        }
        if (isDbError(error, "CONFLICT")) {
          throw new TRPCError({
            code: "CONFLICT",
            message: `Someone in this class is already called "${input.nickname}". If that's you, rejoin with your PIN.`,
          });
        }
        throw error;
      });
      await ctx.startSession({ uid: membership.student.id, role: "student", cid: membership.classroom.id });
      return { pin, nickname: membership.enrollment.nickname, code: membership.classroom.joinCode };
    }),

  rejoin: publicProcedure
    .input(
      z.object({
        code: JoinCodeSchema,
        nickname: NicknameSchema,
        pin: z.string().regex(new RegExp(`^\\d{${PIN_LENGTH}}$`), `PINs have ${PIN_LENGTH} digits`),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const key = `${input.code}:${input.nickname.toLowerCase()}`;
      const wait = rejoinFailures.retryAfter(key);
      if (wait > 0) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many wrong PINs. Ask your teacher, or try again in ${Math.ceil(wait / 60_000)} minute(s).`,
        });
      }
      const found = await findStudentForRejoin(ctx.db, { joinCode: input.code, nickname: input.nickname });
      if (!found || !(await verifySecret(found.pinHash, input.pin))) {
        rejoinFailures.recordFailure(key);
        throw new TRPCError({
          code: "UNAUTHORIZED",
          message: "That nickname and PIN don't match in this class",
        });
      }
      rejoinFailures.reset(key);
      await ctx.startSession({ uid: found.student.id, role: "student", cid: found.classroom.id });
      return { nickname: found.enrollment.nickname, code: found.classroom.joinCode };
    }),
});
