import { z } from "zod";
import type { Db } from "./client";
import { DbError, prismaCode } from "./errors";
import type { Classroom, Enrollment, School, User } from "./generated/sqlite/client";
import { normalizeJoinCode } from "./join-code";
import {
  EmailSchema,
  IdSchema,
  NameSchema,
  NicknameSchema,
  parseInput,
  SecretHashSchema,
  type Tx,
} from "./validation";

export type { Enrollment, School };

export const ROLES = ["school_admin", "teacher", "student"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ["school_admin", "teacher"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A user without credential hashes: what may leave the server. */
export type PublicUser = Omit<User, "passwordHash" | "pinHash"> & { role: Role };

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _password, pinHash: _pin, ...rest } = user;
  return { ...rest, role: z.enum(ROLES).parse(user.role) };
}

export function nicknameKey(nickname: string): string {
  return nickname.trim().toLowerCase();
}

export const CreateSchoolInputSchema = z.object({ name: NameSchema });

export async function createSchool(db: Db, input: z.input<typeof CreateSchoolInputSchema>): Promise<School> {
  const { name } = parseInput(CreateSchoolInputSchema, input);
  return db.school.create({ data: { name } });
}

export const CreateStaffUserInputSchema = z.object({
  schoolId: IdSchema,
  role: z.enum(STAFF_ROLES),
  email: EmailSchema,
  displayName: NameSchema,
  passwordHash: SecretHashSchema,
});
export type CreateStaffUserInput = z.input<typeof CreateStaffUserInputSchema>;

/** Teachers and school admins. Emails are stored lower case; a duplicate is a CONFLICT. */
export async function createStaffUser(db: Db, input: CreateStaffUserInput): Promise<PublicUser> {
  const data = parseInput(CreateStaffUserInputSchema, input);
  try {
    const user = await db.$transaction(async (tx) => {
      const school = await tx.school.findUnique({ where: { id: data.schoolId } });
      if (!school || school.archivedAt) throw new DbError("NOT_FOUND", `Unknown school ${data.schoolId}`);
      return tx.user.create({ data });
    });
    return toPublicUser(user);
  } catch (error) {
    if (prismaCode(error) === "P2002") {
      throw new DbError("CONFLICT", `Email ${data.email} is already registered`, { cause: error });
    }
    throw error;
  }
}

/** For the web app's login: the staff user and the stored hash to verify, or null. */
export async function findStaffCredentials(
  db: Db,
  email: string,
): Promise<{ user: PublicUser; passwordHash: string | null } | null> {
  const parsed = EmailSchema.safeParse(email);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data } });
  if (!user || user.role === "student" || user.archivedAt) return null;
  return { user: toPublicUser(user), passwordHash: user.passwordHash };
}

export async function getUser(db: Db, id: string): Promise<PublicUser | null> {
  const user = await db.user.findUnique({ where: { id } });
  return user ? toPublicUser(user) : null;
}

export const JoinClassroomInputSchema = z.object({
  joinCode: z.string().max(32),
  nickname: NicknameSchema,
  /** Hash of the student's short rejoin PIN, computed by the caller. */
  pinHash: SecretHashSchema,
});
export type JoinClassroomInput = z.input<typeof JoinClassroomInputSchema>;

export type StudentMembership = { classroom: Classroom; student: PublicUser; enrollment: Enrollment };

async function openClassroomByCode(tx: Tx | Db, code: string): Promise<Classroom> {
  const joinCode = normalizeJoinCode(code);
  const classroom = joinCode ? await tx.classroom.findUnique({ where: { joinCode } }) : null;
  if (!classroom || classroom.archivedAt) throw new DbError("NOT_FOUND", "Unknown join code");
  return classroom;
}

/**
 * A new student joins by code: creates the student user and the enrollment together. A nickname already
 * used in the class (case-insensitive) is a CONFLICT — that student should rejoin with the PIN instead.
 */
export async function joinClassroom(db: Db, input: JoinClassroomInput): Promise<StudentMembership> {
  const data = parseInput(JoinClassroomInputSchema, input);
  try {
    return await db.$transaction(async (tx) => {
      const classroom = await openClassroomByCode(tx, data.joinCode);
      const student = await tx.user.create({
        data: {
          role: "student",
          schoolId: classroom.schoolId,
          displayName: data.nickname,
          pinHash: data.pinHash,
        },
      });
      const enrollment = await tx.enrollment.create({
        data: {
          classroomId: classroom.id,
          studentId: student.id,
          nickname: data.nickname,
          nicknameKey: nicknameKey(data.nickname),
        },
      });
      return { classroom, student: toPublicUser(student), enrollment };
    });
  } catch (error) {
    if (prismaCode(error) === "P2002") {
      throw new DbError("CONFLICT", `Nickname "${data.nickname}" is taken in this class`, { cause: error });
    }
    throw error;
  }
}

/** For rejoining on another device: the membership and the stored PIN hash to verify, or null. */
export async function findStudentForRejoin(
  db: Db,
  input: { joinCode: string; nickname: string },
): Promise<(StudentMembership & { pinHash: string | null }) | null> {
  const joinCode = normalizeJoinCode(input.joinCode);
  if (!joinCode) return null;
  const enrollment = await db.enrollment.findFirst({
    where: { nicknameKey: nicknameKey(input.nickname), classroom: { joinCode, archivedAt: null } },
    include: { classroom: true, student: true },
  });
  if (!enrollment || enrollment.student.archivedAt) return null;
  const { classroom, student, ...rest } = enrollment;
  return { classroom, student: toPublicUser(student), enrollment: rest, pinHash: student.pinHash };
}

export async function listEnrollments(db: Db, classroomId: string): Promise<Enrollment[]> {
  return db.enrollment.findMany({ where: { classroomId }, orderBy: [{ joinedAt: "asc" }, { id: "asc" }] });
}

/** The student's enrollment in the class, or FORBIDDEN (unknown student, other class, other school). */
export async function requireEnrollment(
  tx: Tx | Db,
  classroomId: string,
  studentId: string,
): Promise<Enrollment> {
  const enrollment = await tx.enrollment.findUnique({
    where: { classroomId_studentId: { classroomId, studentId } },
  });
  if (!enrollment)
    throw new DbError("FORBIDDEN", `Student ${studentId} is not enrolled in classroom ${classroomId}`);
  return enrollment;
}

/**
 * Whether a session's claims still belong to a live account: the user exists, is not archived, has the
 * role and, for a student, is still enrolled in the class. The web app's sessions are checked by
 * findSession (sessions.ts) in the same single query; this serves callers holding only the claims.
 */
export async function isActiveSessionUser(
  db: Db,
  session: { uid: string; role: string; cid?: string | undefined },
): Promise<boolean> {
  // One query per request either way: a student's enrollment brings its account along.
  if (session.role === "student") {
    if (!session.cid) return false;
    const enrollment = await db.enrollment.findUnique({
      where: { classroomId_studentId: { classroomId: session.cid, studentId: session.uid } },
      select: { student: { select: { role: true, archivedAt: true } } },
    });
    return enrollment !== null && enrollment.student.role === "student" && !enrollment.student.archivedAt;
  }
  const user = await db.user.findUnique({
    where: { id: session.uid },
    select: { role: true, archivedAt: true },
  });
  return user !== null && !user.archivedAt && user.role === session.role;
}
