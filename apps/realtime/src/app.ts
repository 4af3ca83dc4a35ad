import type { Server as HttpServer } from "node:http";
import { type Dataset, isCoreError, seedBlobs } from "@margin/core";
import {
  HandshakeOptionsSchema,
  type RealtimeClaims,
  type StudentAlias,
  verifyRealtimeToken,
} from "@margin/core/protocol";
import { challengeAliases, type Db, isDbError, joinChallenge } from "@margin/db";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import { BoundaryBatcher } from "./batcher";
import { ChallengeRegistry } from "./challenges";
import { startChallengeClock } from "./clock";
import type { ChallengeServices, RealtimeContext, RealtimeServer } from "./context";
import { registerBoundaryHandlers } from "./handlers/boundary";
import { registerLeaderboardHandlers } from "./handlers/leaderboard";
import { registerPresenceHandlers } from "./handlers/presence";
import { jsonLogger, type Logger } from "./logger";
import { databaseSink, ModelWriter, type WriterStats, workerSink } from "./persistence";
import { rooms } from "./rooms";

export interface RealtimeDeps {
  secret: string;
  corsOrigins: string[];
  /** With a URL, several processes share rooms through Redis; without, one in-memory process. */
  redisUrl?: string;
  /** Challenge mode (tokens with a challengeId) needs the database; without it such tokens are refused. */
  db?: Db;
  /**
   * With a URL, scored models are written in a worker thread with its own connection (production: keeps
   * Prisma's CPU off the relay's event loop); without, through `db` in this thread (tests).
   */
  databaseUrl?: string;
  scoringData?: Dataset;
  /** How often teacher dashboards receive a batch (ms). */
  flushIntervalMs?: number;
  rateLimit?: { burst: number; perSecond: number };
  /** How stale a challenge's status may be (ms): a pause stops scoring within this time on every process. */
  statusTtlMs?: number;
  /** How often this process ends live challenges past their deadline (ms; default statusTtlMs). */
  clockIntervalMs?: number;
  /** Write-behind period of scored models (ms) and the per-participant replay snapshot period (ms). */
  persistIntervalMs?: number;
  snapshotIntervalMs?: number;
  /**
   * Participants written per second in steady state, all together (default 250): beyond 250 active
   * participants each is written less often than every persistIntervalMs. Shutdown flushes ignore it.
   */
  persistWritesPerSecond?: number;
  logger?: Logger;
}

export interface RealtimeHandle {
  io: RealtimeServer;
  /** Writes every pending model now (tests; the timer does it every persistIntervalMs). */
  flushWrites(): Promise<void>;
  /**
   * Graceful stop: refuses new connections, disconnects everyone, flushes teacher batches and pending
   * model writes, closes Redis connections. The database client is the caller's to disconnect.
   */
  close(): Promise<WriterStats | null>;
}

class Refusal extends Error {}

/** Overridable for measurements (MARGIN_PERSIST_WRITES_PER_SECOND); see RealtimeDeps.persistWritesPerSecond. */
const PERSIST_WRITES_PER_SECOND = Number(process.env.MARGIN_PERSIST_WRITES_PER_SECOND) || 250;

export async function createRealtimeServer(
  httpServer: HttpServer,
  deps: RealtimeDeps,
): Promise<RealtimeHandle> {
  const logger = deps.logger ?? jsonLogger();
  const io: RealtimeServer = new Server(httpServer, {
    cors: { origin: deps.corsOrigins, credentials: true },
    // Boundaries are tiny; anything bigger than this is hostile.
    maxHttpBufferSize: 16 * 1024,
  });

  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (deps.redisUrl) {
    const pub = createClient({ url: deps.redisUrl });
    const sub = pub.duplicate();
    pub.on("error", (error: Error) => logger.warn("redis.error", { message: error.message }));
    sub.on("error", (error: Error) => logger.warn("redis.error", { message: error.message }));
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }

  const batcher = new BoundaryBatcher(deps.flushIntervalMs ?? 100, (teacherRoom, boundaries) => {
    io.to(teacherRoom).emit("boundaries:updated", boundaries);
  });

  const statusTtlMs = deps.statusTtlMs ?? 1000;
  let challenges: ChallengeServices | undefined;
  let statusPoller: NodeJS.Timeout | undefined;
  let clock: { stop(): void } | undefined;
  let closeSink: (() => Promise<void>) | undefined;
  if (deps.db) {
    const db = deps.db;
    const registry = new ChallengeRegistry(db, statusTtlMs, logger, (challenge, from) => {
      logger.info("challenge.transition", { challengeId: challenge.id, from, to: challenge.status });
      // Every process notices on its own, so each tells only its own sockets.
      io.local.to(rooms.challenge(challenge.id)).emit("challenge:status", {
        challengeId: challenge.id,
        status: challenge.status,
      });
    });
    const worker = deps.databaseUrl ? workerSink(deps.databaseUrl, logger) : undefined;
    closeSink = worker?.close;
    const writer = new ModelWriter(worker?.sink ?? databaseSink(db, logger), {
      intervalMs: deps.persistIntervalMs ?? 1000,
      snapshotIntervalMs: deps.snapshotIntervalMs ?? 5000,
      maxWritesPerSecond: deps.persistWritesPerSecond ?? PERSIST_WRITES_PER_SECOND,
    });
    challenges = { db, registry, writer };
    // Rooms with nobody sending still hear about pauses and ends.
    statusPoller = setInterval(() => {
      for (const id of registry.ids()) {
        if (io.of("/").adapter.rooms.get(rooms.challenge(id))?.size)
          void registry.current(id).catch(() => {});
      }
    }, statusTtlMs);
    statusPoller.unref();
    clock = startChallengeClock(db, registry, logger, deps.clockIntervalMs ?? statusTtlMs);
  }

  const context: RealtimeContext = {
    io,
    batcher,
    scoringData: deps.scoringData ?? seedBlobs(),
    logger,
    rateLimit: deps.rateLimit ?? { burst: 20, perSecond: 10 },
    challenges,
  };

  /**
   * Challenge mode: the challenge must exist in the token's class; students join it (idempotent) and get
   * the alias that stands for them on screens that hide names.
   */
  async function admit(claims: RealtimeClaims): Promise<StudentAlias | undefined> {
    if (!claims.challengeId) return;
    if (!challenges) throw new Refusal("forbidden: challenges are unavailable on this server");
    let challenge: Awaited<ReturnType<ChallengeRegistry["current"]>>;
    try {
      challenge = await challenges.registry.current(claims.challengeId);
    } catch (error) {
      if (isCoreError(error)) throw new Refusal("forbidden: this challenge's data set is not supported");
      throw error;
    }
    if (!challenge || challenge.classroomId !== claims.classroomId) {
      throw new Refusal("forbidden: no such challenge in this class");
    }
    if (claims.role !== "student") return;
    try {
      await joinChallenge(challenges.db, { challengeId: claims.challengeId, studentId: claims.studentId });
    } catch (error) {
      if (isDbError(error))
        throw new Refusal(
          `forbidden: ${error.code === "CONFLICT" ? "the challenge has ended" : "not a student of this class"}`,
        );
      throw error;
    }
    return (await challengeAliases(challenges.db, claims.challengeId)).get(claims.studentId);
  }

  io.use(async (socket, next) => {
    const verified = await verifyRealtimeToken(socket.handshake.auth?.token, deps.secret);
    if (!verified.ok) {
      logger.warn("connection.refused", { reason: verified.reason, address: socket.handshake.address });
      next(new Error(`unauthorized: ${verified.reason}`));
      return;
    }
    const { claims } = verified;
    const options = HandshakeOptionsSchema.safeParse(socket.handshake.auth ?? {});
    if (!options.success) {
      next(new Error("invalid: hideNames must be true or false"));
      return;
    }
    let alias: StudentAlias | undefined;
    try {
      alias = await admit(claims);
    } catch (error) {
      const refusal = error instanceof Refusal;
      const message = refusal ? error.message : "unavailable: try again shortly";
      logger.warn("connection.refused", {
        reason: message,
        role: claims.role,
        classroomId: claims.classroomId,
        challengeId: claims.challengeId,
        detail: refusal ? undefined : (error as Error).message,
      });
      next(new Error(message));
      return;
    }
    socket.data.claims = claims;
    socket.data.alias = alias;
    // Only a challenge's teacher screen can hide names (students see none of the others' anyway).
    socket.data.hideNames =
      claims.role === "teacher" && Boolean(claims.challengeId) && options.data.hideNames;
    next();
  });

  io.on("connection", (socket) => {
    const { claims } = socket.data;
    logger.info("connection", {
      role: claims.role,
      classroomId: claims.classroomId,
      challengeId: claims.challengeId,
      socketId: socket.id,
    });
    registerPresenceHandlers(socket, context);
    registerBoundaryHandlers(socket, context);
    registerLeaderboardHandlers(socket, context);
    if (claims.challengeId && challenges) {
      void challenges.registry.current(claims.challengeId).then((challenge) => {
        if (challenge)
          socket.emit("challenge:status", { challengeId: challenge.id, status: challenge.status });
      });
    }
  });

  return {
    io,
    flushWrites: () => challenges?.writer.flush() ?? Promise.resolve(),
    async close() {
      if (statusPoller) clearInterval(statusPoller);
      clock?.stop();
      await io.close();
      batcher.stop();
      const stats = (await challenges?.writer.close()) ?? null;
      if (stats) logger.info("persist.closed", { ...stats });
      await closeSink?.();
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
      return stats;
    },
  };
}
