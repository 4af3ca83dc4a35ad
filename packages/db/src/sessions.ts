import { z } from "zod";
import type { Db } from "./client";
import { DbError } from "./errors";
import { hashToken, newToken, TokenSchema } from "./tokens";
import { ROLES, type Role } from "./users";
import { IdSchema, parseInput, type Tx } from "./validation";

/**
 * Server-side sessions, after the "Copenhagen Book" session guide (the pattern Lucia v3 taught): the cookie
 * holds a random 256-bit token, the table holds only its SHA-256, and every request looks the hash up.
 * Chosen over a sealed cookie (iron-session) because what issue 12 needs — revoking one session, every
 * session of a user, listing them — needs the server to remember sessions anyway; a sealed session id would
 * add a second secret and a second format for nothing.
 */

/** How long sessions live. One policy for staff and students. */
export const SESSION_LIFETIME = {
  /** However active, a session ends this long after sign-in (and the cookie with it). */
  absoluteMs: 14 * 24 * 60 * 60 * 1000,
  /** Unused for this long, a session ends. Slides with use. */
  idleMs: 3 * 24 * 60 * 60 * 1000,
  /** `lastUsedAt` is written at most this often, so a busy session costs one read per request. */
  renewAfterMs: 5 * 60 * 1000,
} as const;

/** Why a session ended, kept on its tombstone so the next request can tell the user. */
export const SESSION_END_REASONS = [
  "signed_out",
  "signed_out_everywhere",
  "removed_from_class",
  "account_archived",
  "password_reset",
  "pin_reset",
  "expired",
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];
const EndReasonSchema = z.enum(SESSION_END_REASONS);

/** A live session: who it is, and for a student the class they joined. */
export type ActiveSession = {
  id: string;
  userId: string;
  role: Role;
  /** Students only: the class of the enrollment the session belongs to. */
  classroomId: string | null;
};

export type SessionLookup =
  | { status: "active"; session: ActiveSession }
  | { status: "ended"; reason: SessionEndReason }
  /** No such token: never issued, purged, forged, or a cookie of the older signed format. */
  | { status: "unknown" };

const MAX_USER_AGENT = 256;

const CreateSessionInputSchema = z.object({
  userId: IdSchema,
  /** Required for students: the class they joined or rejoined (they must be enrolled in it). */
  classroomId: IdSchema.nullish(),
  userAgent: z
    .string()
    .nullish()
    .transform((agent) => agent?.slice(0, MAX_USER_AGENT) || null),
});
export type CreateSessionInput = z.input<typeof CreateSessionInputSchema> & { now?: Date };

/**
 * Starts a session for an active account and returns its token (shown once: it goes into the cookie).
 * Sessions that have passed their absolute end are purged here, so the table doesn't grow without bound.
 */
export async function createSession(
  db: Db,
  input: CreateSessionInput,
): Promise<{ token: string; session: ActiveSession; expiresAt: Date }> {
  const data = parseInput(CreateSessionInputSchema, input);
  const now = input.now ?? new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME.absoluteMs);
  const session = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: data.userId } });
    if (!user || user.archivedAt) throw new DbError("NOT_FOUND", `Unknown user ${data.userId}`);
    const role = z.enum(ROLES).parse(user.role);
    const enrollment =
      role === "student" && data.classroomId
        ? await tx.enrollment.findUnique({
            where: { classroomId_studentId: { classroomId: data.classroomId, studentId: user.id } },
          })
        : null;
    if (role === "student" && !enrollment) {
      throw new DbError("FORBIDDEN", "A student's session needs a class they are enrolled in");
    }
    const row = await tx.session.create({
      data: {
        tokenHash: hashToken(token),
        userId: user.id,
        enrollmentId: enrollment?.id ?? null,
        createdAt: now,
        lastUsedAt: now,
        expiresAt,
        userAgent: data.userAgent,
      },
    });
    return { id: row.id, userId: user.id, role, classroomId: enrollment?.classroomId ?? null };
  });
  await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return { token, session, expiresAt };
}

/**
 * The session a cookie's token belongs to, in one query (the session with its account and, for a student,
 * its enrollment). A session whose account was archived or whose student left the class since is revoked
 * on the spot. `lastUsedAt` is renewed at most every {@link SESSION_LIFETIME.renewAfterMs}.
 */
export async function findSession(db: Db, token: string, now: Date = new Date()): Promise<SessionLookup> {
  const parsed = TokenSchema.safeParse(token);
  if (!parsed.success) return { status: "unknown" };
  const row = await db.session.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    select: {
      id: true,
      userId: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      revokedReason: true,
      user: { select: { role: true, archivedAt: true } },
      enrollment: { select: { classroomId: true } },
    },
  });
  if (!row) return { status: "unknown" };
  if (row.revokedAt) {
    const reason = EndReasonSchema.safeParse(row.revokedReason);
    return { status: "ended", reason: reason.success ? reason.data : "signed_out" };
  }
  const idleSince = now.getTime() - row.lastUsedAt.getTime();
  if (now >= row.expiresAt || idleSince >= SESSION_LIFETIME.idleMs)
    return { status: "ended", reason: "expired" };
  const role = z.enum(ROLES).parse(row.user.role);
  const lapsed: SessionEndReason | null = row.user.archivedAt
    ? "account_archived"
    : role === "student" && !row.enrollment
      ? "removed_from_class"
      : null;
  if (lapsed) {
    await revokeWhere(db, { id: row.id }, lapsed, now);
    return { status: "ended", reason: lapsed };
  }
  if (idleSince >= SESSION_LIFETIME.renewAfterMs) {
    await db.session.updateMany({ where: { id: row.id, revokedAt: null }, data: { lastUsedAt: now } });
  }
  return {
    status: "active",
    session: { id: row.id, userId: row.userId, role, classroomId: row.enrollment?.classroomId ?? null },
  };
}

function revokeWhere(
  db: Tx | Db,
  where: { id?: string; userId?: string },
  reason: SessionEndReason,
  now: Date,
): Promise<{ count: number }> {
  return db.session.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: now, revokedReason: reason },
  });
}

/** Ends one session (signing out). Ending an ended or unknown session is a no-op. */
export async function revokeSession(
  db: Db,
  input: { sessionId: string; reason: SessionEndReason; now?: Date },
): Promise<void> {
  const { sessionId } = parseInput(z.object({ sessionId: IdSchema }), input);
  await revokeWhere(db, { id: sessionId }, input.reason, input.now ?? new Date());
}

/**
 * Ends one of the user's own sessions (signing another device out). Someone else's session, or one that
 * has already ended, is NOT_FOUND: session ids can't be probed.
 */
export async function revokeOwnSession(
  db: Db,
  input: { userId: string; sessionId: string; now?: Date },
): Promise<void> {
  const { userId, sessionId } = parseInput(z.object({ userId: IdSchema, sessionId: IdSchema }), input);
  const { count } = await revokeWhere(db, { id: sessionId, userId }, "signed_out", input.now ?? new Date());
  if (count === 0) throw new DbError("NOT_FOUND", "No such session of yours is open");
}

/**
 * Ends every open session of a user: "sign out everywhere", a password or PIN reset, a removal. Takes a
 * transaction so the sessions end together with the change that ends them. Returns how many ended.
 */
export async function revokeUserSessions(
  db: Tx | Db,
  input: { userId: string; reason: SessionEndReason; now?: Date },
): Promise<number> {
  const { userId } = parseInput(z.object({ userId: IdSchema }), input);
  const { count } = await revokeWhere(db, { userId }, input.reason, input.now ?? new Date());
  return count;
}

/** What the account page shows about a session: never its token or hash. */
export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
};

/** The user's open sessions (not ended, not expired), most recently used first. */
export async function listOpenSessions(
  db: Db,
  input: { userId: string; now?: Date },
): Promise<SessionSummary[]> {
  const { userId } = parseInput(z.object({ userId: IdSchema }), input);
  const now = input.now ?? new Date();
  return db.session.findMany({
    where: {
      userId,
      revokedAt: null,
      expiresAt: { gt: now },
      lastUsedAt: { gt: new Date(now.getTime() - SESSION_LIFETIME.idleMs) },
    },
    orderBy: [{ lastUsedAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, lastUsedAt: true, expiresAt: true, userAgent: true },
  });
}
