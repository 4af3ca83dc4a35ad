import type { Server as HttpServer } from "node:http";
import { type Dataset, seedBlobs } from "@margin/core";
import { verifyRealtimeToken } from "@margin/core/protocol";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import { BoundaryBatcher } from "./batcher";
import type { RealtimeContext, RealtimeServer } from "./context";
import { registerBoundaryHandlers } from "./handlers/boundary";
import { registerPresenceHandlers } from "./handlers/presence";
import { jsonLogger, type Logger } from "./logger";
import { rooms } from "./rooms";

export interface RealtimeDeps {
  secret: string;
  corsOrigins: string[];
  /** With a URL, several processes share rooms through Redis; without, one in-memory process. */
  redisUrl?: string;
  scoringData?: Dataset;
  /** How often teacher dashboards receive a batch (ms). */
  flushIntervalMs?: number;
  rateLimit?: { burst: number; perSecond: number };
  logger?: Logger;
}

export interface RealtimeHandle {
  io: RealtimeServer;
  /** Flushes pending batches, disconnects everyone and closes Redis connections. */
  close(): Promise<void>;
}

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

  const batcher = new BoundaryBatcher(deps.flushIntervalMs ?? 100, (classroomId, boundaries) => {
    io.to(rooms.teachers(classroomId)).emit("boundaries:updated", boundaries);
  });

  const context: RealtimeContext = {
    io,
    batcher,
    scoringData: deps.scoringData ?? seedBlobs(),
    logger,
    rateLimit: deps.rateLimit ?? { burst: 20, perSecond: 10 },
  };

  io.use(async (socket, next) => {
    const verified = await verifyRealtimeToken(socket.handshake.auth?.token, deps.secret);
    if (!verified.ok) {
      logger.warn("connection.refused", { reason: verified.reason, address: socket.handshake.address });
      next(new Error(`unauthorized: ${verified.reason}`));
      return;
    }
    socket.data.claims = verified.claims;
    next();
  });

  io.on("connection", (socket) => {
    const { claims } = socket.data;
    logger.info("connection", { role: claims.role, classroomId: claims.classroomId, socketId: socket.id });
    registerPresenceHandlers(socket, context);
    registerBoundaryHandlers(socket, context);
  });

  return {
    io,
    async close() {
      batcher.stop();
      await io.close();
      await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    },
  };
}
