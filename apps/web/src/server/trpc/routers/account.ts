import { listOpenSessions, revokeOwnSession, revokeUserSessions } from "@margin/db";
import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "../init";

/** A staff member's own account: where they are signed in, and signing out elsewhere. */
export const accountRouter = createTRPCRouter({
  /** Open sessions, most recently used first; the one making this request is marked. */
  sessions: staffProcedure.query(async ({ ctx }) => {
    const sessions = await listOpenSessions(ctx.db, { userId: ctx.session.uid });
    return sessions.map((session) => ({ ...session, current: session.id === ctx.session.id }));
  }),

  /** Signs one other device out (NOT_FOUND for anyone else's session). */
  signOutSession: staffProcedure
    .input(z.object({ sessionId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      await revokeOwnSession(ctx.db, { userId: ctx.session.uid, sessionId: input.sessionId });
      return { ok: true };
    }),

  /** Ends every session of the account, this one included (e.g. after using a shared computer). */
  signOutEverywhere: staffProcedure.mutation(async ({ ctx }) => {
    const ended = await revokeUserSessions(ctx.db, {
      userId: ctx.session.uid,
      reason: "signed_out_everywhere",
    });
    await ctx.endSession("signed_out_everywhere");
    return { ended };
  }),
});
