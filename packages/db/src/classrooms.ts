import { z } from "zod";
import type { Db } from "./client";
import { DbError, prismaCode } from "./errors";
import type { Classroom } from "./generated/sqlite/client";
import { generateJoinCode, normalizeJoinCode } from "./join-code";
import { IdSchema, NameSchema, parseInput, type Tx } from "./validation";

export type { Classroom };

export const CreateClassroomInputSchema = z.object({
  name: NameSchema,
  /**
   * The teacher (or school admin) who owns the class; the class joins their school. Required: a class with
   * no teacher would be nobody's to manage (see assertCanManageClassroom).
   */
  teacherId: IdSchema,
});
export type CreateClassroomInput = z.input<typeof CreateClassroomInputSchema>;

const JOIN_CODE_ATTEMPTS = 20;

function isJoinCodeConflict(error: unknown): boolean {
  if (prismaCode(error) !== "P2002") return false;
  const target = (error as { meta?: { target?: unknown } }).meta?.target;
  return target === undefined || JSON.stringify(target).includes("joinCode");
}

/**
 * Runs `create` with fresh random join codes until one is not taken (the unique index decides, so this is
 * safe under concurrent creation).
 */
export async function withUniqueJoinCode<T>(create: (joinCode: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt++) {
    try {
      return await create(generateJoinCode());
    } catch (error) {
      if (!isJoinCodeConflict(error)) throw error;
    }
  }
  throw new DbError("CONFLICT", `No free join code after ${JOIN_CODE_ATTEMPTS} attempts`);
}

async function requireStaff(tx: Tx | Db, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user || user.archivedAt) throw new DbError("NOT_FOUND", `Unknown user ${userId}`);
  if (user.role !== "teacher" && user.role !== "school_admin") {
    throw new DbError("FORBIDDEN", `User ${userId} is not a teacher or school admin`);
  }
  return user;
}

export async function createClassroom(db: Db, input: CreateClassroomInput): Promise<Classroom> {
  const { name, teacherId } = parseInput(CreateClassroomInputSchema, input);
  const teacher = await requireStaff(db, teacherId);
  return withUniqueJoinCode((joinCode) =>
    db.classroom.create({ data: { name, joinCode, teacherId: teacher.id, schoolId: teacher.schoolId } }),
  );
}

/**
 * FORBIDDEN unless `actorId` is the class's teacher or an admin of the class's school. A class with neither
 * (only the walking skeleton made them; createClassroom now requires a teacher) is managed by nobody: it
 * used to be open to every staff member of every school.
 */
export async function assertCanManageClassroom(
  tx: Tx | Db,
  actorId: string,
  classroom: Classroom,
): Promise<void> {
  const actor = await requireStaff(tx, actorId);
  if (classroom.teacherId === actor.id) return;
  if (actor.role === "school_admin" && classroom.schoolId !== null && classroom.schoolId === actor.schoolId)
    return;
  throw new DbError("FORBIDDEN", `User ${actorId} cannot manage classroom ${classroom.id}`);
}

export async function requireClassroom(tx: Tx | Db, classroomId: string): Promise<Classroom> {
  const classroom = await tx.classroom.findUnique({ where: { id: classroomId } });
  if (!classroom) throw new DbError("NOT_FOUND", `Unknown classroom ${classroomId}`);
  return classroom;
}

/** The class, if `actorId` may manage it (its teacher or an admin of its school); FORBIDDEN otherwise. */
export async function managedClassroomById(
  db: Tx | Db,
  actorId: string,
  classroomId: string,
): Promise<Classroom> {
  const classroom = await requireClassroom(db, classroomId);
  await assertCanManageClassroom(db, actorId, classroom);
  return classroom;
}

export async function getClassroom(db: Db, classroomId: string): Promise<Classroom | null> {
  return db.classroom.findUnique({ where: { id: classroomId } });
}

/** Case-insensitive; `null` for unknown, malformed or archived codes. */
export async function findClassroomByCode(db: Db, code: string): Promise<Classroom | null> {
  const joinCode = typeof code === "string" ? normalizeJoinCode(code) : null;
  if (!joinCode) return null;
  const classroom = await db.classroom.findUnique({ where: { joinCode } });
  return classroom && !classroom.archivedAt ? classroom : null;
}

/** Active (not archived) classrooms, oldest first. */
export async function listClassrooms(db: Db): Promise<Classroom[]> {
  return db.classroom.findMany({
    where: { archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export async function listClassroomsForTeacher(db: Db, teacherId: string): Promise<Classroom[]> {
  return db.classroom.findMany({
    where: { teacherId, archivedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Classes are archived, never deleted: their enrollments, quiz attempts and challenges stay part of the
 * school's history (the foreign keys restrict deletion). Archiving twice is a no-op.
 */
export async function archiveClassroom(
  db: Db,
  input: { classroomId: string; actorId: string },
): Promise<Classroom> {
  const { classroomId, actorId } = parseInput(z.object({ classroomId: IdSchema, actorId: IdSchema }), input);
  return db.$transaction(async (tx) => {
    const classroom = await requireClassroom(tx, classroomId);
    await assertCanManageClassroom(tx, actorId, classroom);
    if (classroom.archivedAt) return classroom;
    return tx.classroom.update({ where: { id: classroomId }, data: { archivedAt: new Date() } });
  });
}
