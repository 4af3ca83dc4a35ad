import {
  createSchool,
  createStaffUser,
  findStaffCredentials,
  getUser,
  hashSecret,
  verifySecret,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { argon2Gate, limits } from "../../limits";
import { createTRPCRouter, publicProcedure } from "../init";

const EmailInput = z
  .email("Enter a valid email address")
  .max(254)
  .transform((email) => email.toLowerCase());
const PasswordInput = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Passwords are at most 200 characters");

export const authRouter = createTRPCRouter({
  /** Who is signed in (null for visitors). Never returns hashes. */
  me: publicProcedure.query(async ({ ctx }) => {
    if (!ctx.session) return null;
    const user = await getUser(ctx.db, ctx.session.uid);
    if (!user || user.archivedAt) return null;
    return { id: user.id, role: user.role, displayName: user.displayName, email: user.email };
  }),

  /** A teacher creates their school and becomes its admin; more teachers join by invitation. */
  signUp: publicProcedure
    .input(
      z.object({
        displayName: z.string().trim().min(1, "Enter your name").max(100),
        schoolName: z.string().trim().min(1, "Enter your school's name").max(100),
        email: EmailInput,
        password: PasswordInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await limits().signUp(ctx.clientAddress);
      if (await findStaffCredentials(ctx.db, input.email)) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "An account with this email already exists. Sign in instead.",
        });
      }
      const passwordHash = await argon2Gate().run("hash", () => hashSecret(input.password));
      const school = await createSchool(ctx.db, { name: input.schoolName });
      const user = await createStaffUser(ctx.db, {
        schoolId: school.id,
        role: "school_admin",
        email: input.email,
        displayName: input.displayName,
        passwordHash,
      });
      await limits().rememberSignIn({ email: input.email, address: ctx.clientAddress });
      await ctx.startSession({ uid: user.id, role: user.role });
      return { id: user.id, role: user.role, displayName: user.displayName };
    }),

  signIn: publicProcedure
    .input(z.object({ email: EmailInput, password: z.string().min(1, "Enter your password").max(200) }))
    .mutation(async ({ ctx, input }) => {
      // Counted before the password is checked, so parallel or batched guesses can't outrun the limit.
      const attempt = await limits().signIn({ email: input.email, address: ctx.clientAddress });
      const found = await findStaffCredentials(ctx.db, input.email);
      // An unknown email still costs one Argon2 run (verifySecret hashes instead), so it answers no faster.
      const valid = await argon2Gate().run("verify", () => verifySecret(found?.passwordHash, input.password));
      if (!valid || !found) throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
      await attempt.succeeded();
      await ctx.startSession({ uid: found.user.id, role: found.user.role });
      return { id: found.user.id, role: found.user.role, displayName: found.user.displayName };
    }),

  /** Ends this browser's session on the server too: the cookie, replayed, signs nobody in. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.endSession("signed_out");
    return { ok: true };
  }),
});
