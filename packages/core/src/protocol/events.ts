import type {
  Ack,
  Boundary,
  BoundaryScore,
  ChallengeStatusChanged,
  PublicLeaderboardRow,
  RealtimeClaims,
  RealtimeError,
  StudentBoundary,
} from "./schemas";

/** Commands a client may send (imperative `domain:verb`). Every payload is re-validated by the server. */
export interface ClientToServerEvents {
  /**
   * Students only. Acknowledged with the server's own log loss and accuracy: on the lesson's data in free
   * practice, on the challenge's PUBLIC held-out set in a challenge (the server computes the features
   * φ(x) itself). NOT_LIVE while the challenge is draft, paused or ended (the update is then neither
   * scored nor stored); RATE_LIMITED beyond the socket's budget (dropped, not queued); FEATURE_NOT_ALLOWED
   * for a feature the teacher didn't allow; INVALID_PAYLOAD (also raised as `error:raised`) for anything
   * malformed.
   */
  "boundary:update": (payload: Boundary, ack: (result: Ack<BoundaryScore>) => void) => void;
  /**
   * Teachers of a challenge only (FORBIDDEN otherwise): the public leaderboard as stored, best public
   * loss first. Lags the live stream by up to the write-behind interval (~1 s).
   */
  "leaderboard:get": (payload: undefined, ack: (result: Ack<PublicLeaderboardRow[]>) => void) => void;
}

/** Notifications the server sends (past tense). */
export interface ServerToClientEvents {
  /**
   * To teachers. Batched: at most one message per flush interval, carrying every student that changed.
   * A teacher connecting late receives the current boundaries at once in one such message.
   */
  "boundaries:updated": (boundaries: StudentBoundary[]) => void;
  /** To teachers, when a student's last connection goes away. */
  "student:left": (payload: { studentId: string }) => void;
  /** To the socket whose command was refused for a malformed payload (also in the ack). */
  "error:raised": (error: RealtimeError) => void;
  /**
   * Challenge mode, to students and teachers: the status when they connect, then every change a realtime
   * process observes (within about a second of the teacher's action).
   */
  "challenge:status": (payload: ChallengeStatusChanged) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  claims: RealtimeClaims;
  /** The student's latest scored boundary; teachers joining late read it through fetchSockets. */
  latest?: StudentBoundary;
}
