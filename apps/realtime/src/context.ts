import type { Dataset } from "@margin/core";
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "@margin/core/protocol";
import type { Db } from "@margin/db";
import type { Server, Socket } from "socket.io";
import type { BoundaryBatcher } from "./batcher";
import type { ChallengeRegistry } from "./challenges";
import type { Logger } from "./logger";
import type { ModelWriter } from "./persistence";

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** What challenge mode needs; absent when the service runs without a database. */
export interface ChallengeServices {
  db: Db;
  registry: ChallengeRegistry;
  writer: ModelWriter;
}

/** What handlers share: injected once by createRealtimeServer. */
export interface RealtimeContext {
  io: RealtimeServer;
  batcher: BoundaryBatcher;
  /** Free practice is scored on this (the lesson's 100 points by default). */
  scoringData: Dataset;
  logger: Logger;
  rateLimit: { burst: number; perSecond: number };
  challenges?: ChallengeServices;
}
