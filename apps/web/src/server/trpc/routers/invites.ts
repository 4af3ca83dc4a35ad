import {
  acceptInvite,
  createInvite,
  describeInvite,
  findStaffCredentials,
  hashSecret,
  listOpenInvites,
  revokeInvite,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { argon2Gate, limits } from "../../limits";
import { createTRPCRouter, publicProcedure, staffProcedure } from "../init";

const TokenInput = z.string().trim().min(1, "Paste the whole invite link").max(128);

export const invitesRouter = createTRPCRouter({
  /** A new single-use invite link's token (shown once: only its hash is stored). School admins only. */
  create: staffProcedure.mutation(async ({ ctx }) => {
    const { invite, token } = await createInvite(ctx.db, { actorId: ctx.session.uid });
    return { id: invite.id, token, expiresAt: invite.expiresAt };
  }),

  open: staffProcedure.query(async ({ ctx }) => {
    const invites = await listOpenInvites(ctx.db, { actorId: ctx.session.uid });
    return invites.map(({ id, createdAt, expiresAt }) => ({ id, createdAt, expiresAt }));
  }),

  revoke: staffProcedure
    .input(z.object({ inviteId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvite(ctx.db, { actorId: ctx.session.uid, inviteId: input.inviteId });
      return { ok: true };
    }),

  /** What the invite page may show before accepting: the school's name, or why the link is refused. */
  describe: publicProcedure
    .input(z.object({ token: TokenInput }))
    .query(({ ctx, input }) => describeInvite(ctx.db, { token: input.token })),

  /** Creates the teacher account in the inviter's school and signs it in. */
  accept: publicProcedure
    .input(
      z.object({
        token: TokenInput,
        displayName: z.string().trim().min(1, "Enter your name").max(100),
        email: z
          .email("Enter a valid email address")
          .max(254)
          .transform((email) => email.toLowerCase()),
        password: z.string().min(10, "Use at least 10 characters").max(200),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await limits().acceptInvite({ token: input.token, address: ctx.clientAddress });
      // The link first: without a valid one, nothing is said about whether an email has an account.
      await describeInvite(ctx.db, { token: input.token });
      if (await findStaffCredentials(ctx.db, input.email)) {
        throw new TRPCError({
          code: "CONFLICT",
          message: "An account with this email already exists. Sign in instead.",
        });
      }
      const user = await acceptInvite(ctx.db, {
        token: input.token,
        email: input.email,
        displayName: input.displayName,
        passwordHash: await argon2Gate().run("hash", () => hashSecret(input.password)),
      });
      await limits().rememberSignIn({ email: input.email, address: ctx.clientAddress });
      await ctx.startSession({ uid: user.id, role: user.role });
      return { id: user.id, role: user.role, displayName: user.displayName };
    }),
});
