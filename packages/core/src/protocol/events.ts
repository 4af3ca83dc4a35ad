import type { Ack, Boundary, RealtimeClaims, RealtimeError, StudentBoundary } from "./schemas";

/** Commands a client may send (imperative `domain:verb`). Every payload is re-validated by the server. */
export interface ClientToServerEvents {
  "boundary:update": (payload: Boundary, ack: (result: Ack<{ loss: number }>) => void) => void;
}

/** Notifications the server sends (past tense). */
export interface ServerToClientEvents {
  /** Batched: at most one message per flush interval, carrying every student that changed. */
  "boundaries:updated": (boundaries: StudentBoundary[]) => void;
  "student:left": (payload: { studentId: string }) => void;
  "error:raised": (error: RealtimeError) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  claims: RealtimeClaims;
  /** The student's latest scored boundary; teachers joining late read it through fetchSockets. */
  latest?: StudentBoundary;
}
