import { randomBytes } from "node:crypto";
import { createClassroom } from "../classrooms";
import type { Db } from "../client";
import { CATS_OR_DOGS_LESSON } from "../demo";
import { type LessonInput, upsertLesson } from "../lessons";
import { createSchool, createStaffUser, joinClassroom } from "../users";

/** The demo lesson with sections, under its own slug (the real lesson's sections belong to the web app). */
export const TEST_LESSON: LessonInput = {
  ...CATS_OR_DOGS_LESSON,
  slug: "test-lesson",
  sections: [
    { key: "intro", title: "Cat or dog?" },
    { key: "data", title: "Features and labels" },
  ],
};

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** A school with one teacher. */
export async function schoolWithTeacher(db: Db) {
  const school = await createSchool(db, { name: unique("School") });
  const teacher = await createStaffUser(db, {
    schoolId: school.id,
    role: "teacher",
    email: `${unique("teacher")}@example.test`,
    displayName: "Ms Teacher",
    passwordHash: "hash:teacher",
  });
  return { school, teacher };
}

/** A school with a teacher, one class of theirs and the lesson. */
export async function schoolWithClass(db: Db) {
  const { school, teacher } = await schoolWithTeacher(db);
  const classroom = await createClassroom(db, { name: unique("Class"), teacherId: teacher.id });
  const lesson = await upsertLesson(db, TEST_LESSON);
  return { school, teacher, classroom, lesson };
}

export async function addStudent(db: Db, joinCode: string, nickname = unique("kid")) {
  return joinClassroom(db, { joinCode, nickname, pinHash: "hash:1234" });
}
