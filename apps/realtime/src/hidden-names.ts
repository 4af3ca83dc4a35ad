import type { StudentAlias, StudentBoundary } from "@margin/core/protocol";
import type { RealtimeSocket } from "./context";
import { rooms, roomsFor } from "./rooms";

/**
 * A boundary as a screen that hides names receives it: the alias in place of the student's id and
 * nickname. Built field by field, like the named one, so nothing else can ride along.
 */
export function withAlias(boundary: StudentBoundary, alias: StudentAlias): StudentBoundary {
  return {
    studentId: alias.key,
    nickname: alias.name,
    w: boundary.w,
    b: boundary.b,
    iteration: boundary.iteration,
    loss: boundary.loss,
    updatedAt: boundary.updatedAt,
    standardisation: boundary.standardisation,
    settings: boundary.settings,
    alerts: boundary.alerts,
  };
}

/** The teacher room a teacher's connection hears: the challenge's named one, or the one without names. */
export function teacherRoomOf(socket: RealtimeSocket): string {
  const { claims } = socket.data;
  return claims.challengeId && socket.data.hideNames
    ? rooms.challengeTeachersHidingNames(claims.challengeId)
    : roomsFor(claims).teachers;
}
