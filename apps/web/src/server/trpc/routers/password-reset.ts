import { completePasswordReset, createPasswordReset, describePasswordReset, hashSecret } from "@margin/db";
import { z } from "zod";
import { createTRPCRouter, publicProcedure, staffProcedure } from "../init";

const TokenInput = z.string().trim().min(1, "Paste the whole link").max(128);

/** One-time links a school admin gives a teacher who forgot their password (there is no email server). */
export const passwordResetRouter = createTRPCRouter({
  /** A new link's token, shown once to the admin (only its hash is stored). Audited. */
  create: staffProcedure
    .input(z.object({ teacherId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) =>
      createPasswordReset(ctx.db, { actorId: ctx.session.uid, teacherId: input.teacherId }),
    ),

  /** Whose password the link resets, or why it can't be used. */
  describe: publicProcedure
    .input(z.object({ token: TokenInput }))
    .query(({ ctx, input }) => describePasswordReset(ctx.db, { token: input.token })),

  /** Sets the new password; every session the teacher had ends. Audited. */
  complete: publicProcedure
    .input(
      z.object({
        token: TokenInput,
        password: z
          .string()
          .min(10, "Use at least 10 characters")
          .max(200, "Passwords are at most 200 characters"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // The link first (cheap), the Argon2 hash only for a link that works: made-up tokens cost nothing.
      await describePasswordReset(ctx.db, { token: input.token });
      const user = await completePasswordReset(ctx.db, {
        token: input.token,
        passwordHash: await hashSecret(input.password),
      });
      return { email: user.email };
    }),
});
