import type { StudentBoundary } from "@margin/core/protocol";
import type { RealtimeContext, RealtimeSocket } from "../context";
import { rooms, roomsFor } from "../rooms";

/**
 * Joins rooms by role (the challenge's, or the class's free-practice rooms), hands late-joining teachers
 * the current picture, and announces departures.
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
  });

  if (claims.role === "teacher") {
    socket.join(teachers);
    void sendSnapshot(socket, context, students);
    return;
  }
  socket.join(students);
}

/** fetchSockets works across processes with the Redis adapter, so any process can answer. */
async function sendSnapshot(
  socket: RealtimeSocket,
  context: RealtimeContext,
  studentRoom: string,
): Promise<void> {
  try {
    const students = await context.io.in(studentRoom).fetchSockets();
    const latest = students
      .map((student) => student.data.latest)
      .filter((boundary): boundary is StudentBoundary => boundary !== undefined);
    if (latest.length > 0) socket.emit("boundaries:updated", latest);
  } catch (error) {
    context.logger.warn("snapshot.failed", { room: studentRoom, message: (error as Error).message });
  }
}
