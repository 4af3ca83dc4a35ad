import type { RealtimeClaims } from "@margin/core/protocol";

/** Every room name comes from here, so a typo can't split a class in two. */
export const rooms = {
  students: (classroomId: string) => `class:${classroomId}:students`,
  teachers: (classroomId: string) => `class:${classroomId}:teachers`,
  challengeStudents: (challengeId: string) => `challenge:${challengeId}:students`,
  challengeTeachers: (challengeId: string) => `challenge:${challengeId}:teachers`,
  /** Teachers' screens that hide names (the projector): they hear aliases only. */
  challengeTeachersHidingNames: (challengeId: string) => `challenge:${challengeId}:teachers:hiding-names`,
  /** Students and teachers of a challenge: status changes go here. */
  challenge: (challengeId: string) => `challenge:${challengeId}`,
};

/** The student and teacher rooms a connection belongs to: its challenge's, or its class's free practice. */
export function roomsFor(claims: RealtimeClaims): { students: string; teachers: string } {
  return claims.challengeId
    ? {
        students: rooms.challengeStudents(claims.challengeId),
        teachers: rooms.challengeTeachers(claims.challengeId),
      }
    : { students: rooms.students(claims.classroomId), teachers: rooms.teachers(claims.classroomId) };
}
