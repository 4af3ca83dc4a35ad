import "server-only";
import { DbError, isActiveSessionUser } from "@margin/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { env } from "~/env";
import { clearedSessionCookie, readSession, type Session, sessionCookie } from "../auth/session";
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
  const { SESSION_SECRET, COOKIE_SECURE } = env();
  const session = await readSession(headers.get("cookie"), SESSION_SECRET);
  return {
    db: getDb(),
    session,
    /** The client's address as the custom server saw it (X-Forwarded-For only from TRUSTED_PROXIES). */
    clientAddress: clientAddressFrom(headers),
    async startSession(next: Session) {
      resHeaders?.append("set-cookie", await sessionCookie(next, SESSION_SECRET, COOKIE_SECURE));
    },
    endSession() {
      resHeaders?.append("set-cookie", clearedSessionCookie(COOKIE_SECURE));
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

/**
 * A valid cookie is not enough: the account behind it may since have been archived, or the student
 * removed from their class. Such a session is cleared and refused, so nothing more is recorded under it.
 */
async function assertStillActive(ctx: Context, session: Session, message: string): Promise<void> {
  if (await isActiveSessionUser(ctx.db, session)) return;
  ctx.endSession();
  throw new TRPCError({ code: "UNAUTHORIZED", message });
}

/** Teachers and school admins. */
export const staffProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { session } = ctx;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in as a teacher first" });
  if (session.role === "student") throw new TRPCError({ code: "FORBIDDEN", message: "Teachers only" });
  await assertStillActive(ctx, session, "This account is no longer active. Sign in again.");
  return next({ ctx: { ...ctx, session } });
});

/** A student with a session from joining a class (and still in it). */
export const studentProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const { session } = ctx;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Join your class first" });
  if (session.role !== "student") throw new TRPCError({ code: "FORBIDDEN", message: "Students only" });
  await assertStillActive(
    ctx,
    session,
    "You are no longer in this class. Ask your teacher, or join again with the class code.",
  );
  return next({ ctx: { ...ctx, session } });
});
