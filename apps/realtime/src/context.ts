import type { Dataset } from "@margin/core";
import type {
  ClientToServerEvents,
  InterServerEvents,
  ServerToClientEvents,
  SocketData,
} from "@margin/core/protocol";
import type { Server, Socket } from "socket.io";
import type { BoundaryBatcher } from "./batcher";
import type { Logger } from "./logger";

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

/** What handlers share: injected once by createRealtimeServer. */
export interface RealtimeContext {
  io: RealtimeServer;
  batcher: BoundaryBatcher;
  scoringData: Dataset;
  logger: Logger;
  rateLimit: { burst: number; perSecond: number };
}
