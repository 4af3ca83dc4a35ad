import { HideNamesSchema, type StudentBoundary } from "@margin/core/protocol";
import type { RealtimeContext, RealtimeSocket } from "../context";
import { teacherRoomOf, withAlias } from "../hidden-names";
import { TokenBucket } from "../rate-limit";
import { rooms, roomsFor } from "../rooms";
import { refuse } from "./boundary";

/**
 * Joins rooms by role (the challenge's, or the class's free-practice rooms; a teacher's screen that hides
 * names hears the challenge's room without names), hands late-joining teachers the current picture, lets
 * a teacher switch names off and on, and announces departures.
 */
export function registerPresenceHandlers(socket: RealtimeSocket, context: RealtimeContext): void {
  const { claims } = socket.data;
  const { students, teachers } = roomsFor(claims);
  if (claims.challengeId) socket.join(rooms.challenge(claims.challengeId));

  socket.on("disconnecting", (reason) => {
    context.logger.info("disconnect", {
      role: claims.role,
      classroomId: claims.classroomId,
      challengeId: claims.challengeId,
      socketId: socket.id,
      reason,
    });
    if (claims.role !== "student") return;
    context.batcher.forget(teachers, claims.studentId);
    context.io.to(teachers).emit("student:left", { studentId: claims.studentId });
    const { alias } = socket.data;
    if (claims.challengeId && alias) {
      const hiding = rooms.challengeTeachersHidingNames(claims.challengeId);
      context.batcher.forget(hiding, alias.key);
      context.io.to(hiding).emit("student:left", { studentId: alias.key });
    }
  });

  registerHideNames(socket, context, students);
  if (claims.role === "teacher") {
    socket.join(teacherRoomOf(socket));
    void sendSnapshot(socket, context, students);
    return;
  }
  socket.join(students);
}

/**
 * `names:hide`: a challenge's teacher moves this connection between the named and the nameless room. Each
 * switch sends a fresh picture gathered from every process, hence the small budget.
 */
function registerHideNames(socket: RealtimeSocket, context: RealtimeContext, studentRoom: string): void {
  const bucket = new TokenBucket(5, 1);
  socket.on("names:hide", (payload, ack) => {
    const { claims } = socket.data;
    if (claims.role !== "teacher" || !claims.challengeId) {
      const message = "Only a challenge's teachers can hide names";
      refuse(socket, ack, { code: "FORBIDDEN", message }, true);
      return;
    }
    if (!bucket.tryTake()) {
      refuse(
        socket,
        ack,
        { code: "RATE_LIMITED", message: "Too many switches; try again in a second" },
        false,
      );
      return;
    }
    const parsed = HideNamesSchema.safeParse(payload);
    if (!parsed.success) {
      refuse(socket, ack, { code: "INVALID_PAYLOAD", message: "names:hide takes { hidden: boolean }" }, true);
      return;
    }
    socket.leave(teacherRoomOf(socket));
    socket.data.hideNames = parsed.data.hidden;
    socket.join(teacherRoomOf(socket));
    if (typeof ack === "function") ack({ ok: true, data: null });
    void sendSnapshot(socket, context, studentRoom);
  });
}

/**
 * Everyone's latest boundary, named or under their aliases as this connection wants. fetchSockets works
 * across processes with the Redis adapter, so any process can answer.
 */
async function sendSnapshot(
  socket: RealtimeSocket,
  context: RealtimeContext,
  studentRoom: string,
): Promise<void> {
  try {
    const students = await context.io.in(studentRoom).fetchSockets();
    const hidden = socket.data.hideNames === true;
    const latest: StudentBoundary[] = [];
    for (const student of students) {
      const { latest: boundary, alias } = student.data;
      if (!boundary) continue;
      if (!hidden) latest.push(boundary);
      else if (alias) latest.push(withAlias(boundary, alias));
    }
    if (latest.length > 0) socket.emit("boundaries:updated", latest);
  } catch (error) {
    context.logger.warn("snapshot.failed", { room: studentRoom, message: (error as Error).message });
  }
}
