import { z } from "zod";
import { recordAudit } from "./audit";
import type { Db } from "./client";
import { DbError } from "./errors";
import type { PasswordReset } from "./generated/sqlite/client";
import { requireSchoolAdmin } from "./invites";
import { revokeUserSessions } from "./sessions";
import { hashToken, linkRefusal, newToken, TokenSchema } from "./tokens";
import { type PublicUser, toPublicUser } from "./users";
import { IdSchema, parseInput, SecretHashSchema } from "./validation";

/** How long a password-reset link works: long enough to pass on in person or by message, short if lost. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

const NAMES = { link: "password reset link", item: "password reset link" };
const refusal = (row: PasswordReset | null, now: Date) => linkRefusal(row, now, NAMES);
const noSuchTeacher = () => new DbError("NOT_FOUND", "No such teacher in your school");

/**
 * A school admin creates a one-time link for a teacher of their school to set a new password. Returns the
 * token once (only its hash is stored); the teacher's older unused links stop working. Audited.
 */
export async function createPasswordReset(
  db: Db,
  input: { actorId: string; teacherId: string; now?: Date; ttlMs?: number },
): Promise<{ token: string; expiresAt: Date }> {
  const { actorId, teacherId } = parseInput(z.object({ actorId: IdSchema, teacherId: IdSchema }), input);
  const admin = await requireSchoolAdmin(db, actorId);
  const now = input.now ?? new Date();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + (input.ttlMs ?? PASSWORD_RESET_TTL_MS));
  await db.$transaction(async (tx) => {
    // Teachers only, of the admin's own school: anyone else looks like nobody (no probing across schools).
    const teacher = await tx.user.findFirst({
      where: { id: teacherId, schoolId: admin.schoolId, role: "teacher", archivedAt: null },
    });
    if (!teacher) throw noSuchTeacher();
    await tx.passwordReset.updateMany({
      where: { userId: teacher.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await tx.passwordReset.create({
      data: {
        userId: teacher.id,
        tokenHash: hashToken(token),
        createdById: admin.id,
        createdAt: now,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      action: "password_reset.issued",
      actorId: admin.id,
      targetId: teacher.id,
      schoolId: admin.schoolId,
      detail: { expiresAt: expiresAt.toISOString() },
      now,
    });
  });
  return { token, expiresAt };
}

async function openReset(db: Db, token: string, now: Date) {
  const parsed = TokenSchema.safeParse(token);
  const row = parsed.success
    ? await db.passwordReset.findUnique({
        where: { tokenHash: hashToken(parsed.data) },
        include: { user: true },
      })
    : null;
  const refused = refusal(row, now);
  if (refused || !row) throw refused;
  if (row.user.archivedAt || row.user.role !== "teacher") throw refusal(null, now);
  return row;
}

/** Whose password a link resets (for the page that asks for the new one), or why it can't be used. */
export async function describePasswordReset(
  db: Db,
  input: { token: string; now?: Date },
): Promise<{ displayName: string; email: string | null; expiresAt: Date }> {
  const row = await openReset(db, input.token, input.now ?? new Date());
  return { displayName: row.user.displayName, email: row.user.email, expiresAt: row.expiresAt };
}

export const CompletePasswordResetInputSchema = z.object({
  token: TokenSchema,
  passwordHash: SecretHashSchema,
});

/**
 * Sets the teacher's new password (hashed by the caller) and ends every session they had, in one
 * transaction. Single use under concurrency: the link is claimed by a conditional update first, so of two
 * simultaneous uses exactly one wins. Audited.
 */
export async function completePasswordReset(
  db: Db,
  input: z.input<typeof CompletePasswordResetInputSchema> & { now?: Date },
): Promise<PublicUser> {
  const data = parseInput(CompletePasswordResetInputSchema, input);
  const now = input.now ?? new Date();
  const tokenHash = hashToken(data.token);
  const user = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const row = await tx.passwordReset.findUnique({ where: { tokenHash }, include: { user: true } });
    if (claimed.count !== 1 || !row) throw refusal(row, now) ?? new DbError("CONFLICT", "Reset race lost");
    if (row.user.archivedAt || row.user.role !== "teacher") throw refusal(null, now);
    const updated = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash: data.passwordHash },
    });
    const ended = await revokeUserSessions(tx, { userId: row.userId, reason: "password_reset", now });
    await recordAudit(tx, {
      action: "password_reset.used",
      actorId: row.userId,
      targetId: row.userId,
      schoolId: row.user.schoolId,
      detail: { sessionsEnded: ended },
      now,
    });
    return updated;
  });
  return toPublicUser(user);
}
