import { NicknameSchema } from "@margin/core/protocol";
import {
  findClassroomByCode,
  findStudentForRejoin,
  hashSecret,
  isDbError,
  joinClassroom,
  verifySecret,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { generatePin, PIN_LENGTH } from "../../auth/pin";
import { argon2Gate, limits } from "../../limits";
import { createTRPCRouter, publicProcedure } from "../init";
import { JoinCodeSchema } from "./classroom";

const unknownCode = (code: string) =>
  new TRPCError({ code: "NOT_FOUND", message: `No class has the join code ${code}` });

export const studentRouter = createTRPCRouter({
  /** Joins a class with its code and a nickname; the PIN is shown once, for rejoining elsewhere. */
  join: publicProcedure
    .input(z.object({ code: JoinCodeSchema, nickname: NicknameSchema }))
    .mutation(async ({ ctx, input }) => {
      // The cheap checks (limits, then the code) come before the PIN's Argon2 hash.
      await limits().joinFrom(ctx.clientAddress);
      const classroom = await findClassroomByCode(ctx.db, input.code);
      if (!classroom) throw unknownCode(input.code);
      await limits().joinClass(classroom.id);
      const pin = generatePin();
      const pinHash = await argon2Gate().run("hash", () => hashSecret(pin));
      const membership = await joinClassroom(ctx.db, {
        joinCode: input.code,
        nickname: input.nickname,
        pinHash,
      }).catch((error: unknown) => {
        if (isDbError(error, "NOT_FOUND")) throw unknownCode(input.code);
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
      const found = await findStudentForRejoin(ctx.db, { joinCode: input.code, nickname: input.nickname });
      // Counted before the PIN is checked. The key includes the stored hash, so a PIN the teacher resets
      // starts a fresh count for the student while the old one's guesses stay blocked.
      const attempt = await limits().rejoin({
        student: found
          ? `${found.student.id}:${found.pinHash}`
          : `${input.code}:${input.nickname.toLowerCase()}`,
        classCode: input.code,
        address: ctx.clientAddress,
      });
      const valid = await argon2Gate().run("verify", () => verifySecret(found?.pinHash, input.pin));
      if (!found || !valid) {
        throw new TRPCError({
          code: "UNAUTHORIZED",
          message: "That nickname and PIN don't match in this class",
        });
      }
      await attempt.succeeded();
      await ctx.startSession({ uid: found.student.id, role: "student", cid: found.classroom.id });
      return { nickname: found.enrollment.nickname, code: found.classroom.joinCode };
    }),
});
