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
import { FailureLimiter } from "../../auth/rate-limit";
import { createTRPCRouter, publicProcedure } from "../init";

const EmailInput = z
  .email("Enter a valid email address")
  .max(254)
  .transform((email) => email.toLowerCase());
const PasswordInput = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Passwords are at most 200 characters");

/** 5 failed sign-ins per email (and 20 per address) in 15 minutes, then a pause. */
const WINDOW_MS = 15 * 60 * 1000;
const perEmail = new FailureLimiter(5, WINDOW_MS);
const perAddress = new FailureLimiter(20, WINDOW_MS);

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
      if (await findStaffCredentials(ctx.db, input.email)) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "An account with this email already exists. Sign in instead.",
        });
      }
      const passwordHash = await hashSecret(input.password);
      const school = await createSchool(ctx.db, { name: input.schoolName });
      const user = await createStaffUser(ctx.db, {
        schoolId: school.id,
        role: "school_admin",
        email: input.email,
        displayName: input.displayName,
        passwordHash,
      });
      await ctx.startSession({ uid: user.id, role: user.role });
      return { id: user.id, role: user.role, displayName: user.displayName };
    }),

  signIn: publicProcedure
    .input(z.object({ email: EmailInput, password: z.string().min(1, "Enter your password").max(200) }))
    .mutation(async ({ ctx, input }) => {
      const wait = Math.max(perEmail.retryAfter(input.email), perAddress.retryAfter(ctx.clientAddress));
      if (wait > 0) {
        throw new TRPCError({
          code: "TOO_MANY_REQUESTS",
          message: `Too many attempts. Try again in ${Math.ceil(wait / 60_000)} minute(s).`,
        });
      }
      const found = await findStaffCredentials(ctx.db, input.email);
      if (!(await verifySecret(found?.passwordHash, input.password)) || !found) {
        perEmail.recordFailure(input.email);
        perAddress.recordFailure(ctx.clientAddress);
        throw new TRPCError({ code: "UNAUTHORIZED", message: "Wrong email or password" });
      }
      perEmail.reset(input.email);
      await ctx.startSession({ uid: found.user.id, role: found.user.role });
      return { id: found.user.id, role: found.user.role, displayName: found.user.displayName };
    }),

  /** Ends this browser's session on the server too: the cookie, replayed, signs nobody in. */
  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.endSession("signed_out");
    return { ok: true };
  }),
});
