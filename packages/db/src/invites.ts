import { z } from "zod";
import type { Db } from "./client";
import { DbError, prismaCode } from "./errors";
import type { Invite as InviteRow } from "./generated/sqlite/client";
import { revokeUserSessions } from "./sessions";
import { hashToken, linkRefusal, newToken, TokenSchema } from "./tokens";
import { type PublicUser, toPublicUser } from "./users";
import { EmailSchema, IdSchema, NameSchema, parseInput, SecretHashSchema, type Tx } from "./validation";

/** How long an invite link works. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What may leave the server about an invite: never the hash. */
export type Invite = Omit<InviteRow, "tokenHash">;

function toInvite(row: InviteRow): Invite {
  const { tokenHash: _hash, ...rest } = row;
  return rest;
}

export async function requireSchoolAdmin(tx: Tx | Db, actorId: string) {
  const actor = await tx.user.findUnique({ where: { id: actorId } });
  if (!actor || actor.archivedAt) throw new DbError("NOT_FOUND", `Unknown user ${actorId}`);
  if (actor.role !== "school_admin" || !actor.schoolId) {
    throw new DbError("FORBIDDEN", "Only a school admin can do this");
  }
  return { ...actor, schoolId: actor.schoolId };
}

/**
 * A single-use invitation for a teacher to join the admin's school. Returns the token once; only its
 * SHA-256 hash is stored.
 */
export async function createInvite(
  db: Db,
  input: { actorId: string; now?: Date; ttlMs?: number },
): Promise<{ invite: Invite; token: string }> {
  const { actorId } = parseInput(z.object({ actorId: IdSchema }), input);
  const admin = await requireSchoolAdmin(db, actorId);
  const now = input.now ?? new Date();
  const token = newToken();
  const row = await db.invite.create({
    data: {
      schoolId: admin.schoolId,
      tokenHash: hashToken(token),
      role: "teacher",
      createdById: admin.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (input.ttlMs ?? INVITE_TTL_MS)),
    },
  });
  return { invite: toInvite(row), token };
}

/** Invites of the admin's school that are still open (unused, not expired), newest first. */
export async function listOpenInvites(db: Db, input: { actorId: string; now?: Date }): Promise<Invite[]> {
  const admin = await requireSchoolAdmin(db, input.actorId);
  const rows = await db.invite.findMany({
    where: { schoolId: admin.schoolId, usedAt: null, expiresAt: { gt: input.now ?? new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(toInvite);
}

/** Withdraws an open invite of the admin's school (it can no longer be used). */
export async function revokeInvite(db: Db, input: { actorId: string; inviteId: string }): Promise<void> {
  const admin = await requireSchoolAdmin(db, input.actorId);
  const { count } = await db.invite.updateMany({
    where: { id: input.inviteId, schoolId: admin.schoolId, usedAt: null },
    data: { expiresAt: new Date(0) },
  });
  if (count === 0) throw new DbError("NOT_FOUND", "No open invite with this id in your school");
}

const refusal = (row: InviteRow | null, now: Date) =>
  linkRefusal(row, now, { link: "invite link", item: "invite" });

/** The school an invite is for, or a DbError with a message fit for the invitee. */
export async function describeInvite(
  db: Db,
  input: { token: string; now?: Date },
): Promise<{ schoolName: string; expiresAt: Date }> {
  const token = TokenSchema.safeParse(input.token);
  const row = token.success
    ? await db.invite.findUnique({
        where: { tokenHash: hashToken(token.data) },
        include: { school: true },
      })
    : null;
  const refused = refusal(row, input.now ?? new Date());
  if (refused || !row) throw refused;
  if (row.school.archivedAt) throw new DbError("NOT_FOUND", "This school no longer exists.");
  return { schoolName: row.school.name, expiresAt: row.expiresAt };
}

export const AcceptInviteInputSchema = z.object({
  token: TokenSchema,
  email: EmailSchema,
  displayName: NameSchema,
  passwordHash: SecretHashSchema,
});
export type AcceptInviteInput = z.input<typeof AcceptInviteInputSchema> & { now?: Date };

/**
 * Creates the teacher in the invite's school. Single use under concurrency: the invite is claimed by a
 * conditional update (unused and unexpired) before the user is created, in one transaction, so of two
 * simultaneous accepts exactly one wins; a failure (e.g. the email is taken) leaves the invite unused.
 */
export async function acceptInvite(db: Db, input: AcceptInviteInput): Promise<PublicUser> {
  const data = parseInput(AcceptInviteInputSchema, input);
  const now = input.now ?? new Date();
  const tokenHash = hashToken(data.token);
  try {
    const user = await db.$transaction(async (tx) => {
      const claimed = await tx.invite.updateMany({
        where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      const row = await tx.invite.findUnique({ where: { tokenHash }, include: { school: true } });
      if (claimed.count !== 1 || !row) throw refusal(row, now) ?? new DbError("CONFLICT", "Invite race lost");
      if (row.school.archivedAt) throw new DbError("NOT_FOUND", "This school no longer exists.");
      const created = await tx.user.create({
        data: {
          role: "teacher",
          schoolId: row.schoolId,
          email: data.email,
          displayName: data.displayName,
          passwordHash: data.passwordHash,
        },
      });
      await tx.invite.update({ where: { id: row.id }, data: { usedById: created.id } });
      return created;
    });
    return toPublicUser(user);
  } catch (error) {
    if (prismaCode(error) === "P2002") {
      throw new DbError("CONFLICT", `Email ${data.email} is already registered. Sign in instead.`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Teachers and admins of the admin's school (archived ones excluded), by name. */
export async function listSchoolStaff(db: Db, input: { actorId: string }): Promise<PublicUser[]> {
  const admin = await requireSchoolAdmin(db, input.actorId);
  const rows = await db.user.findMany({
    where: { schoolId: admin.schoolId, role: { in: ["teacher", "school_admin"] }, archivedAt: null },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return rows.map(toPublicUser);
}

/**
 * Removes a teacher from the school: the account is archived (it can no longer sign in, and its open
 * sessions end) and nothing is deleted, so their classes and every student's history stay with the school.
 */
export async function removeTeacher(db: Db, input: { actorId: string; teacherId: string }): Promise<void> {
  const { actorId, teacherId } = parseInput(z.object({ actorId: IdSchema, teacherId: IdSchema }), input);
  const admin = await requireSchoolAdmin(db, actorId);
  if (teacherId === admin.id) throw new DbError("INVALID", "You cannot remove yourself");
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: teacherId, schoolId: admin.schoolId, role: "teacher", archivedAt: null },
      data: { archivedAt: new Date() },
    });
    if (count === 0) throw new DbError("NOT_FOUND", "No such teacher in your school");
    await revokeUserSessions(tx, { userId: teacherId, reason: "account_archived" });
  });
}
