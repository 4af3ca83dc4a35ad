import { z } from "zod";
import { managedClassroomById } from "./classrooms";
import type { Db } from "./client";
import { requireSchoolAdmin } from "./invites";
import { IdSchema, parseInput, type Tx } from "./validation";

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  /** A school admin created a one-time password-reset link for a teacher. */
  "password_reset.issued",
  /** The teacher set a new password through such a link. */
  "password_reset.used",
  /** A teacher (or admin) gave a student a new PIN. */
  "student_pin.reset",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A little context for people reading the log: short strings and numbers, never a secret. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export type AuditEntry = {
  id: string;
  action: AuditAction;
  createdAt: Date;
  /** Display names as they are now; null when the person's account has since been erased. */
  actor: { id: string; name: string } | null;
  target: { id: string; name: string } | null;
  classroom: { id: string; name: string } | null;
  detail: AuditDetail;
};

/** Written inside the transaction of the change it records, so neither exists without the other. */
export async function recordAudit(
  tx: Tx | Db,
  event: {
    action: AuditAction;
    actorId: string | null;
    targetId: string | null;
    schoolId: string | null;
    classroomId?: string | null;
    detail?: AuditDetail;
    now?: Date;
  },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action: event.action,
      actorId: event.actorId,
      targetId: event.targetId,
      schoolId: event.schoolId,
      classroomId: event.classroomId ?? null,
      detail: event.detail ?? {},
      createdAt: event.now ?? new Date(),
    },
  });
}

const LimitSchema = z.number().int().min(1).max(200).default(50);
const person = { select: { id: true, displayName: true } } as const;
const DetailSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).catch({});
const ActionSchema = z.enum(AUDIT_ACTIONS);

async function listAudit(
  db: Db,
  where: { schoolId: string } | { classroomId: string; action: { in: AuditAction[] } },
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { actor: person, target: person, classroom: { select: { id: true, name: true } } },
  });
  return rows.flatMap((row) => {
    const action = ActionSchema.safeParse(row.action);
    if (!action.success) return [];
    return [
      {
        id: row.id,
        action: action.data,
        createdAt: row.createdAt,
        actor: row.actor ? { id: row.actor.id, name: row.actor.displayName } : null,
        target: row.target ? { id: row.target.id, name: row.target.displayName } : null,
        classroom: row.classroom,
        detail: DetailSchema.parse(row.detail),
      },
    ];
  });
}

/** The admin's school's recent audit events, newest first (school admins only). */
export async function listSchoolAudit(
  db: Db,
  input: { actorId: string; limit?: number },
): Promise<AuditEntry[]> {
  const { actorId, limit } = parseInput(z.object({ actorId: IdSchema, limit: LimitSchema }), input);
  const admin = await requireSchoolAdmin(db, actorId);
  return listAudit(db, { schoolId: admin.schoolId }, limit);
}

/** PIN resets in a class, newest first, for whoever may manage the class. */
export async function listClassroomPinResets(
  db: Db,
  input: { actorId: string; classroomId: string; limit?: number },
): Promise<AuditEntry[]> {
  const { actorId, classroomId, limit } = parseInput(
    z.object({ actorId: IdSchema, classroomId: IdSchema, limit: LimitSchema }),
    input,
  );
  const classroom = await managedClassroomById(db, actorId, classroomId);
  return listAudit(db, { classroomId: classroom.id, action: { in: ["student_pin.reset"] } }, limit);
}
