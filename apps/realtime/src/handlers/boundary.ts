import { evaluateSubmission } from "@margin/core";
import {
  type Ack,
  type Boundary,
  BoundarySchema,
  type RealtimeError,
  type StudentBoundary,
} from "@margin/core/protocol";
import { type AlertState, detectAlerts, newAlertState } from "../alerts";
import { isOver } from "../challenges";
import type { RealtimeContext, RealtimeSocket } from "../context";
import { withAlias } from "../hidden-names";
import { TokenBucket } from "../rate-limit";
import { rooms, roomsFor } from "../rooms";

type Reply = (result: Ack<{ loss: number }>) => void;

/** What scoring produced: the public figure goes out, the private one only to the write-behind buffer. */
interface Scored {
  loss: number;
  accuracy: number;
  confidentlyWrong: number;
  privateLoss?: number;
}

/**
 * Students stream their boundary; the server scores it itself (on the lesson's data in free practice, on
 * the challenge's held-out sets in a challenge), flags misconceptions and queues it for the teachers.
 */
export function registerBoundaryHandlers(socket: RealtimeSocket, context: RealtimeContext): void {
  const claims = socket.data.claims;
  if (claims.role !== "student") {
    socket.on("boundary:update", (_payload, ack) =>
      refuse(socket, ack, { code: "FORBIDDEN", message: "Only students send boundaries" }, false),
    );
    return;
  }
  const bucket = new TokenBucket(context.rateLimit.burst, context.rateLimit.perSecond);
  const alertState: AlertState = newAlertState();
  const teacherRoom = roomsFor(claims).teachers;
  const challengeId = claims.challengeId;

  const publish = (boundary: StudentBoundary) => {
    socket.data.latest = boundary;
    context.batcher.add(teacherRoom, boundary);
    const { alias } = socket.data;
    if (challengeId && alias) {
      context.batcher.add(rooms.challengeTeachersHidingNames(challengeId), withAlias(boundary, alias));
    }
  };

  socket.on("boundary:update", async (payload, ack) => {
    if (!bucket.tryTake()) {
      refuse(socket, ack, { code: "RATE_LIMITED", message: "Too many updates; this one was dropped" }, false);
      return;
    }
    const parsed = BoundarySchema.safeParse(payload);
    if (!parsed.success) {
      // Training that blew up sends NaN/Infinity (null in JSON): the teacher should hear about it.
      const latest = socket.data.latest;
      if (latest && looksNonFinite(payload) && !latest.alerts.includes("diverging")) {
        publish({ ...latest, alerts: [...latest.alerts, "diverging"], updatedAt: Date.now() });
      }
      const message = `Invalid boundary: ${parsed.error.issues[0]?.message ?? "unreadable"}`;
      refuse(socket, ack, { code: "INVALID_PAYLOAD", message }, true);
      return;
    }
    const boundary = parsed.data;
    let scored: Scored;
    try {
      if (challengeId && context.challenges) {
        const challenge = await context.challenges.registry.current(challengeId);
        const scoredAt = Date.now();
        // The deadline itself, not only the stored status: the clock's UPDATE may be a second behind.
        if (challenge && isOver(challenge, scoredAt)) {
          refuse(socket, ack, { code: "ENDED", message: "The challenge has ended: time is up" }, false);
          return;
        }
        if (challenge?.status !== "live") {
          const status = challenge?.status ?? "gone";
          refuse(socket, ack, { code: "NOT_LIVE", message: `The challenge is ${status}` }, false);
          return;
        }
        const model = { w: boundary.w, b: boundary.b };
        const standardisation = boundary.standardisation ?? null;
        const publicScore = evaluateSubmission(model, standardisation, challenge.data.publicTest);
        const privateLoss = evaluateSubmission(model, standardisation, challenge.data.privateTest).logLoss;
        // Alerts are judged on the clean public held-out points only: the training points may carry the
        // flipped labels and outliers the teacher added on purpose.
        scored = {
          loss: publicScore.logLoss,
          accuracy: publicScore.accuracy,
          confidentlyWrong: publicScore.confidentlyWrong,
          privateLoss,
        };
        context.challenges.writer.record({
          challengeId,
          studentId: claims.studentId,
          w: boundary.w,
          b: boundary.b,
          standardisation,
          iteration: boundary.iteration,
          publicLogLoss: scored.loss,
          privateLogLoss: privateLoss,
          scoredAt,
        });
      } else {
        const evaluation = evaluateSubmission(
          { w: boundary.w, b: boundary.b },
          boundary.standardisation ?? null,
          context.scoringData,
        );
        scored = { loss: evaluation.logLoss, ...evaluation };
      }
    } catch (error) {
      context.logger.warn("boundary.unscorable", {
        studentId: claims.studentId,
        message: (error as Error).message,
      });
      refuse(socket, ack, { code: "INVALID_PAYLOAD", message: "This boundary cannot be scored" }, true);
      return;
    }
    publish(toStudentBoundary(claims.studentId, claims.nickname, boundary, scored, alertState));
    reply(ack)({ ok: true, data: { loss: scored.loss } });
  });
}

function toStudentBoundary(
  studentId: string,
  nickname: string,
  boundary: Boundary,
  scored: Scored,
  alertState: AlertState,
): StudentBoundary {
  // Built field by field: nothing the client sent beyond the schema, and never the private loss.
  return {
    studentId,
    nickname,
    w: boundary.w,
    b: boundary.b,
    iteration: boundary.iteration,
    loss: scored.loss,
    updatedAt: Date.now(),
    standardisation: boundary.standardisation ?? null,
    settings: boundary.settings ?? null,
    alerts: detectAlerts(alertState, {
      iteration: boundary.iteration,
      loss: scored.loss,
      accuracy: scored.accuracy,
      confidentlyWrong: scored.confidentlyWrong,
      zeroWeights: boundary.w[0] === 0 && boundary.w[1] === 0,
    }),
  };
}

function looksNonFinite(payload: unknown): boolean {
  if (typeof payload !== "object" || payload === null) return false;
  const { w, b } = payload as { w?: unknown; b?: unknown };
  const bad = (value: unknown) => value === null || (typeof value === "number" && !Number.isFinite(value));
  return bad(b) || (Array.isArray(w) && w.length <= 2 && w.some(bad));
}

function reply(ack: unknown): Reply {
  return typeof ack === "function" ? (ack as Reply) : () => {};
}

/** Answers through the ack; malformed payloads are also raised as an event (clients may not ack). */
export function refuse(socket: RealtimeSocket, ack: unknown, error: RealtimeError, raise: boolean): void {
  if (raise) socket.emit("error:raised", error);
  (reply(ack) as (result: Ack<never>) => void)({ ok: false, error });
}
