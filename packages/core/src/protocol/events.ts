import type {
  Ack,
  Boundary,
  ChallengeStatusChanged,
  HideNames,
  PublicLeaderboardRow,
  RealtimeClaims,
  RealtimeError,
  StudentAlias,
  StudentBoundary,
} from "./schemas";

/** Commands a client may send (imperative `domain:verb`). Every payload is re-validated by the server. */
export interface ClientToServerEvents {
  /**
   * Students only. Acknowledged with the server's own log loss: on the lesson's data in free practice, on
   * the challenge's PUBLIC held-out set in a challenge. NOT_LIVE while the challenge is draft or paused,
   * ENDED once its time is up — from the deadline itself, before the database even says so — or the
   * teacher ended it (the update is then neither scored nor stored); RATE_LIMITED beyond the socket's
   * budget (dropped, not queued); INVALID_PAYLOAD (also raised as `error:raised`) for anything malformed.
   */
  "boundary:update": (payload: Boundary, ack: (result: Ack<{ loss: number }>) => void) => void;
  /**
   * Teachers of a challenge only (FORBIDDEN otherwise): the public leaderboard as stored, best public
   * loss first. Lags the live stream by up to the write-behind interval (~1 s).
   */
  "leaderboard:get": (payload: undefined, ack: (result: Ack<PublicLeaderboardRow[]>) => void) => void;
  /**
   * Teachers of a challenge only: hide (or show again) the names on this connection, without
   * reconnecting. Acknowledged once the switch is made; a fresh `boundaries:updated` with everyone's
   * current boundary, in the new form, follows. Start hidden with `auth: { token, hideNames: true }`.
   */
  "names:hide": (payload: HideNames, ack: (result: Ack<null>) => void) => void;
}

/** Notifications the server sends (past tense). */
export interface ServerToClientEvents {
  /**
   * To teachers. Batched: at most one message per flush interval, carrying every student that changed.
   * A teacher connecting late receives the current boundaries at once in one such message. A connection
   * that hides names gets aliases in `studentId` and `nickname` instead (see `names:hide`).
   */
  "boundaries:updated": (boundaries: StudentBoundary[]) => void;
  /** To teachers, when a student's last connection goes away (the alias's key when names are hidden). */
  "student:left": (payload: { studentId: string }) => void;
  /** To the socket whose command was refused for a malformed payload (also in the ack). */
  "error:raised": (error: RealtimeError) => void;
  /**
   * Challenge mode, to students and teachers: the status when they connect, then every change a realtime
   * process observes (within about a second of the teacher's action, or of the deadline: the server's
   * clock ends a live challenge by itself).
   */
  "challenge:status": (payload: ChallengeStatusChanged) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  claims: RealtimeClaims;
  /** The student's latest scored boundary; teachers joining late read it through fetchSockets. */
  latest?: StudentBoundary;
  /** A challenge participant's alias, for teachers' screens that hide names. */
  alias?: StudentAlias;
  /** A teacher's connection that hides names. */
  hideNames?: boolean;
}
