import type { StudentBoundary } from "@margin/core/protocol";
import type { RealtimeContext, RealtimeSocket } from "../context";
import { rooms } from "../rooms";

/** Joins rooms by role, hands late-joining teachers the current picture, and announces departures. */
export function registerPresenceHandlers(socket: RealtimeSocket, context: RealtimeContext): void {
  const { claims } = socket.data;

  if (claims.role === "teacher") {
    socket.join(rooms.teachers(claims.classroomId));
    void sendSnapshot(socket, context, claims.classroomId);
    return;
  }

  socket.join(rooms.students(claims.classroomId));
  socket.on("disconnecting", (reason) => {
    context.logger.info("disconnect", { role: "student", classroomId: claims.classroomId, reason });
    context.batcher.forget(claims.classroomId, claims.studentId);
    context.io.to(rooms.teachers(claims.classroomId)).emit("student:left", { studentId: claims.studentId });
  });
}

/** fetchSockets works across processes with the Redis adapter, so any process can answer. */
async function sendSnapshot(
  socket: RealtimeSocket,
  context: RealtimeContext,
  classroomId: string,
): Promise<void> {
  try {
    const students = await context.io.in(rooms.students(classroomId)).fetchSockets();
    const latest = students
      .map((student) => student.data.latest)
      .filter((boundary): boundary is StudentBoundary => boundary !== undefined);
    if (latest.length > 0) socket.emit("boundaries:updated", latest);
  } catch (error) {
    context.logger.warn("snapshot.failed", { classroomId, message: (error as Error).message });
  }
}
