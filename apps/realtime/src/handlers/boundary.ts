import { logLoss } from "@margin/core";
import { BoundarySchema, type StudentBoundary } from "@margin/core/protocol";
import type { RealtimeContext, RealtimeSocket } from "../context";
import { TokenBucket } from "../rate-limit";

/** Students stream their boundary; the server scores it itself and queues it for the teachers. */
export function registerBoundaryHandlers(socket: RealtimeSocket, context: RealtimeContext): void {
  const claims = socket.data.claims;
  if (claims.role !== "student") return;
  const bucket = new TokenBucket(context.rateLimit.burst, context.rateLimit.perSecond);

  socket.on("boundary:update", (payload, ack) => {
    const reply = typeof ack === "function" ? ack : () => {};
    if (!bucket.tryTake()) {
      reply({
        ok: false,
        error: { code: "RATE_LIMITED", message: "Too many updates; this one was dropped" },
      });
      return;
    }
    const parsed = BoundarySchema.safeParse(payload);
    if (!parsed.success) {
      const error = {
        code: "INVALID_PAYLOAD" as const,
        message: `Invalid boundary: ${parsed.error.issues[0]?.message ?? "unreadable"}`,
      };
      socket.emit("error:raised", error);
      reply({ ok: false, error });
      return;
    }
    const { w, b, iteration } = parsed.data;
    // Any loss the client sent was stripped by the schema: the score is the server's alone.
    const loss = logLoss({ w, b }, context.scoringData);
    const boundary: StudentBoundary = {
      studentId: claims.studentId,
      nickname: claims.nickname,
      w,
      b,
      iteration,
      loss,
      updatedAt: Date.now(),
    };
    socket.data.latest = boundary;
    context.batcher.add(claims.classroomId, boundary);
    reply({ ok: true, data: { loss } });
  });
}
