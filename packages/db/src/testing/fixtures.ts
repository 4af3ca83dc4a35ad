import { randomBytes } from "node:crypto";
import { createChallenge, joinChallenge, transitionChallenge } from "../challenges";
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

/**
 * A class with a challenge (blobs, `durationSeconds` long, 300 by default) that `players` students have
 * joined, started unless `start: false`. `go` moves it along as its teacher.
 */
export async function challengeRace(
  db: Db,
  options: { players?: number; start?: boolean; durationSeconds?: number } = {},
) {
  const setup = await schoolWithClass(db);
  const created = await createChallenge(db, {
    actorId: setup.teacher.id,
    classroomId: setup.classroom.id,
    title: "Race",
    dataset: { kind: "blobs", seed: 5, trainSize: 50, publicTestSize: 50, privateTestSize: 50, noise: 1 },
    controls: [],
    durationSeconds: options.durationSeconds ?? 300,
  });
  const students = [];
  for (let i = 0; i < (options.players ?? 1); i++) {
    const { student } = await addStudent(db, setup.classroom.joinCode, `runner${i}`);
    await joinChallenge(db, { challengeId: created.id, studentId: student.id });
    students.push(student);
  }
  const go = (to: "live" | "paused" | "ended") =>
    transitionChallenge(db, { actorId: setup.teacher.id, challengeId: created.id, to });
  const challenge = options.start === false ? created : await go("live");
  return { ...setup, challenge, students, go };
}
