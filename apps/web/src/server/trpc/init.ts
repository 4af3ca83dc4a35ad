import "server-only";
import { createSession, DbError, revokeSession, type SessionEndReason } from "@margin/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import {
  clearedSessionCookie,
  cookiePolicy,
  readSession,
  type Session,
  sessionCookie,
} from "../auth/session";
import { clientAddressFrom } from "../client-headers";
import { getDb } from "../db";
import { LabSandboxError } from "../lab/quickjs-sandbox";
import { GateFullError, RateLimitedError } from "../limits";

export interface ContextOptions {
  headers: Headers;
  /** Response headers, so procedures can set or clear the session cookie. */
  resHeaders?: Headers;
}

export async function createContext({ headers, resHeaders }: ContextOptions) {
  const db = getDb();
  const cookies = cookiePolicy(headers);
  const { session, ended, staleCookie } = await readSession(db, headers, cookies);
  // A cookie that names no live session (ended, expired, or of the older signed format) is cleared.
  if (staleCookie) resHeaders?.append("set-cookie", clearedSessionCookie(cookies));
  return {
    db,
    session,
    /** Why the request's session ended, when its cookie named one that did. */
    sessionEnded: ended,
    /** The client's address as the custom server saw it (X-Forwarded-For only from TRUSTED_PROXIES). */
    clientAddress: clientAddressFrom(headers),
    /** Signs `next.uid` in on this browser: a new server-side session and its cookie. */
    async startSession(next: Omit<Session, "id">) {
      const started = await createSession(db, {
        userId: next.uid,
        classroomId: next.cid,
        userAgent: headers.get("user-agent"),
      });
      if (started.session.role !== next.role) {
        await revokeSession(db, { sessionId: started.session.id, reason: "signed_out" });
        throw new Error(`Session role mismatch for ${next.uid}`);
      }
      resHeaders?.append("set-cookie", sessionCookie(started.token, started.expiresAt, cookies));
      return started.session;
    },
    /** Ends this browser's session (if any) and clears its cookie. */
    async endSession(reason: SessionEndReason = "signed_out") {
      if (session) await revokeSession(db, { sessionId: session.id, reason });
      resHeaders?.append("set-cookie", clearedSessionCookie(cookies));
    },
  };
}
export type Context = Awaited<ReturnType<typeof createContext>>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms; never a stack trace.
        stack: undefined,
        fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
        /** Why the lab's grader refused a run: "TIME_LIMIT", "MEMORY_LIMIT", "BUSY" or "CRASHED". */
        sandbox: error.cause instanceof LabSandboxError ? error.cause.code : null,
      },
    };
  },
});

const DB_ERROR_CODES = {
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  INVALID: "BAD_REQUEST",
  FORBIDDEN: "FORBIDDEN",
  ILLEGAL_TRANSITION: "CONFLICT",
} as const satisfies Record<DbError["code"], TRPCError["code"]>;

const SANDBOX_ERROR_CODES = {
  TIME_LIMIT: "TIMEOUT",
  MEMORY_LIMIT: "UNPROCESSABLE_CONTENT",
  BUSY: "TOO_MANY_REQUESTS",
  CRASHED: "INTERNAL_SERVER_ERROR",
} as const satisfies Record<LabSandboxError["code"], TRPCError["code"]>;

/** Domain errors (packages/db, the lab's grader, the rate limits) become typed tRPC errors with the same readable message. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DbError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: DB_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  if (!result.ok && result.error.cause instanceof LabSandboxError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: SANDBOX_ERROR_CODES[cause.code], message: cause.message, cause });
  }
  if (
    !result.ok &&
    (result.error.cause instanceof RateLimitedError || result.error.cause instanceof GateFullError)
  ) {
    const cause = result.error.cause;
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(mapDomainErrors);

/** What a refused request is told when its session ended, in the words of who it was for. */
const ENDED: Record<"staff" | "student", Record<SessionEndReason, string>> = {
  staff: {
    signed_out: "You signed out. Sign in again.",
    signed_out_everywhere: "You were signed out on every device. Sign in again.",
    removed_from_class: "This account is no longer active. Sign in again.",
    account_archived: "This account is no longer active. Sign in again.",
    password_reset: "Your password was reset. Sign in with the new one.",
    pin_reset: "This account is no longer active. Sign in again.",
    expired: "Your session has expired. Sign in again.",
  },
  student: {
    signed_out: "You left the class on this device. Rejoin with your nickname and PIN.",
    signed_out_everywhere: "You left the class on this device. Rejoin with your nickname and PIN.",
    removed_from_class:
      "You are no longer in this class. Ask your teacher, or join again with the class code.",
    account_archived: "You are no longer in this class. Ask your teacher, or join again with the class code.",
    password_reset: "You left the class on this device. Rejoin with your nickname and PIN.",
    pin_reset: "Your teacher gave you a new PIN. Rejoin with your nickname and the new PIN.",
    expired: "Your session has expired. Rejoin with your nickname and PIN.",
  },
};

/**
 * Teachers and school admins. The session lookup has already checked the account is live (one query per
 * request), so an archived teacher's cookie never gets this far.
 */
export const staffProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { session } = ctx;
  if (!session) {
    const message = ctx.sessionEnded ? ENDED.staff[ctx.sessionEnded] : "Sign in as a teacher first";
    throw new TRPCError({ code: "UNAUTHORIZED", message });
  }
  if (session.role === "student") throw new TRPCError({ code: "FORBIDDEN", message: "Teachers only" });
  return next({ ctx: { ...ctx, session } });
});

/** A student with a session from joining a class (and still in it). */
export const studentProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { session } = ctx;
  if (!session) {
    const message = ctx.sessionEnded ? ENDED.student[ctx.sessionEnded] : "Join your class first";
    throw new TRPCError({ code: "UNAUTHORIZED", message });
  }
  if (session.role !== "student") throw new TRPCError({ code: "FORBIDDEN", message: "Students only" });
  return next({ ctx: { ...ctx, session } });
});
