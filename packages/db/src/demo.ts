import type { Db } from "./client";
import type { Classroom, School } from "./generated/sqlite/client";
import { ensureLesson, type Lesson, type LessonInput } from "./lessons";
import { type PublicUser, toPublicUser } from "./users";

/** Fixed, from the join-code alphabet, so the demo is reachable without reading the seed output. */
export const DEMO_JOIN_CODE = "CATS42";
export const DEMO_CLASSROOM_NAME = "Cats or Dogs demo";
export const DEMO_SCHOOL_NAME = "Margin Lab Demo School";
export const DEMO_TEACHER_EMAIL = "teacher@demo.marginlab.test";
export const DEMO_TEACHER_NAME = "Demo Teacher";

/**
 * The lesson's catalogue row as the seed creates it when missing. The web app's lesson content is the
 * source of truth (it calls upsertLesson at start), so these values mirror it and the seed never
 * overwrites an existing row.
 */
export const CATS_OR_DOGS_LESSON: LessonInput = {
  slug: "cats-or-dogs",
  phase: 3,
  session: 8,
  title: "Cats or Dogs?",
  minutes: 50,
  sections: [],
  objectives: [
    { key: "sigmoid", text: "Write the sigmoid formula and sketch its graph" },
    { key: "mse-fails", text: "Explain why MSE breaks for classification" },
    { key: "log-loss", text: "Write the log loss formula and explain each piece" },
    { key: "from-scratch", text: "Implement logistic regression in numpy from scratch" },
    { key: "decision-boundary", text: "Identify a decision boundary on a scatter plot" },
  ],
};

/**
 * Idempotent: a demo school, its teacher (DEMO_TEACHER_EMAIL), a class with DEMO_JOIN_CODE and the lesson
 * (created if missing, never overwritten).
 * The web app owns password hashing, so it passes the teacher's hash; without one the teacher keeps
 * whatever hash it has (none on first run: it cannot log in until one is set).
 */
export async function seedDemo(
  db: Db,
  options: { teacherPasswordHash?: string } = {},
): Promise<{ school: School; teacher: PublicUser; classroom: Classroom; lesson: Lesson }> {
  const lesson = await ensureLesson(db, CATS_OR_DOGS_LESSON);
  const { school, teacher, classroom } = await db.$transaction(async (tx) => {
    let teacher = await tx.user.findUnique({ where: { email: DEMO_TEACHER_EMAIL } });
    let school = teacher?.schoolId ? await tx.school.findUnique({ where: { id: teacher.schoolId } }) : null;
    if (!school) school = await tx.school.create({ data: { name: DEMO_SCHOOL_NAME } });
    const hash = options.teacherPasswordHash ? { passwordHash: options.teacherPasswordHash } : {};
    teacher = teacher
      ? await tx.user.update({ where: { id: teacher.id }, data: { schoolId: school.id, ...hash } })
      : await tx.user.create({
          data: {
            role: "teacher",
            schoolId: school.id,
            email: DEMO_TEACHER_EMAIL,
            displayName: DEMO_TEACHER_NAME,
            ...hash,
          },
        });
    const existing = await tx.classroom.findUnique({ where: { joinCode: DEMO_JOIN_CODE } });
    const classroom = existing
      ? await tx.classroom.update({
          where: { id: existing.id },
          data: {
            archivedAt: null,
            teacherId: existing.teacherId ?? teacher.id,
            schoolId: existing.schoolId ?? school.id,
          },
        })
      : await tx.classroom.create({
          data: {
            name: DEMO_CLASSROOM_NAME,
            joinCode: DEMO_JOIN_CODE,
            teacherId: teacher.id,
            schoolId: school.id,
          },
        });
    return { school, teacher, classroom };
  });
  return { school, teacher: toPublicUser(teacher), classroom, lesson };
}
