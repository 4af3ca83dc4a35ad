import { z } from "zod";

/** A finite number: JSON can't carry NaN/Infinity, but a hand-crafted payload can try. */
const finite = z.number().finite();
const bounded = finite.min(-1e6).max(1e6);

/**
 * The per-feature mean and standard deviation the student's model was trained on ((x − mean)/std), so
 * the server can score it on raw held-out data. Null or absent: the model uses raw features.
 */
export const StandardisationSchema = z.object({
  mean: z.tuple([bounded, bounded]),
  std: z.tuple([finite.positive().min(1e-9).max(1e6), finite.positive().min(1e-9).max(1e6)]),
});
export type Standardisation = z.infer<typeof StandardisationSchema>;

/**
 * The two weights of a 2-feature model, plus its bias (and the standardisation it was trained with).
 * Unknown keys are stripped, not refused: a client that also sends its own "loss" is simply not believed.
 */
/**
 * How the student got this model, shown on their card on the teacher's dashboard: gradient descent with
 * these settings, or a boundary set by hand. Display only: scoring never depends on it.
 */
export const TrainingSettingsSchema = z.object({
  mode: z.enum(["trained", "manual"]),
  learningRate: finite.positive().max(100).optional(),
  /** Steps in the current run. */
  iterations: z.number().int().min(1).max(1_000_000).optional(),
  l2: finite.min(0).max(100).optional(),
  standardise: z.boolean().optional(),
});
export type TrainingSettings = z.infer<typeof TrainingSettingsSchema>;

export const BoundarySchema = z.object({
  w: z.tuple([bounded, bounded]),
  b: bounded,
  iteration: z.number().int().min(0).max(1_000_000),
  standardisation: StandardisationSchema.nullable().optional(),
  settings: TrainingSettingsSchema.optional(),
});
export type Boundary = z.infer<typeof BoundarySchema>;

/**
 * What the server may notice about a student's model as it trains (shown on the teacher's dashboard):
 * - `diverging`: the held-out loss grew well above the student's first or previous loss (or training blew
 *   up to non-finite numbers);
 * - `stuck-at-chance`: the loss stays within ±0.02 of ln 2 ≈ 0.693, i.e. the model still predicts ½;
 * - `confidently-wrong`: some public held-out point gets p ≥ 0.99 for the wrong class (training points
 *   don't count: a teacher may have flipped their labels or moved them on purpose);
 * - `flipped`: the boundary's sign is the wrong way round (public accuracy below ½).
 */
export const MISCONCEPTION_ALERTS = ["diverging", "stuck-at-chance", "confidently-wrong", "flipped"] as const;
export type MisconceptionAlert = (typeof MISCONCEPTION_ALERTS)[number];

/** A student's latest boundary as the teacher sees it, scored by the server. */
export const StudentBoundarySchema = z.object({
  studentId: z.string(),
  nickname: z.string(),
  w: z.tuple([z.number(), z.number()]),
  b: z.number(),
  iteration: z.number(),
  /**
   * Log loss computed by the realtime service, never by the browser: on the lesson's data in free
   * practice, on the PUBLIC held-out set in a challenge (the private loss never leaves the server).
   */
  loss: z.number(),
  updatedAt: z.number(),
  standardisation: StandardisationSchema.nullable().optional(),
  settings: TrainingSettingsSchema.nullable().optional(),
  alerts: z.array(z.enum(MISCONCEPTION_ALERTS)),
});
export type StudentBoundary = z.infer<typeof StudentBoundarySchema>;

export const NicknameSchema = z
  .string()
  .trim()
  .min(1, "Pick a nickname")
  .max(24, "Nicknames are at most 24 characters")
  .regex(/^[\p{L}\p{N} _.'-]+$/u, "Use letters, digits, spaces and . _ ' - only");

const IdSchema = z.string().min(1).max(64);

export const RealtimeClaimsSchema = z.discriminatedUnion("role", [
  z.object({
    role: z.literal("student"),
    classroomId: IdSchema,
    studentId: IdSchema,
    nickname: NicknameSchema,
    /** Absent: free practice on the lesson's data, nothing persisted. Present: challenge mode. */
    challengeId: IdSchema.optional(),
    exp: z.number().int(),
  }),
  z.object({
    role: z.literal("teacher"),
    classroomId: IdSchema,
    challengeId: IdSchema.optional(),
    exp: z.number().int(),
  }),
]);
export type RealtimeClaims = z.infer<typeof RealtimeClaimsSchema>;

/** The lifecycle of a challenge, as stored by @margin/db. */
export const CHALLENGE_STATUSES = ["draft", "live", "paused", "ended"] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** Sent to everyone in a challenge when they connect and whenever its status changes. */
export interface ChallengeStatusChanged {
  challengeId: string;
  status: ChallengeStatus;
}

/** One row of the live (public) leaderboard: ranked by each student's best public held-out loss. */
export interface PublicLeaderboardRow {
  studentId: string;
  nickname: string;
  /** Best public log loss so far; null before the first persisted update. */
  bestPublicLoss: number | null;
  updates: number;
}

/**
 * `names:hide`: a teacher's screen (the projector) asks for names or none. While hidden, the server sends
 * that connection each student as an alias ("Student 3", keyed "student-3"), never a nickname or an id.
 */
export const HideNamesSchema = z.object({ hidden: z.boolean() }).strict();
export type HideNames = z.infer<typeof HideNamesSchema>;

/** What a client may put in the handshake's `auth` besides its token. */
export const HandshakeOptionsSchema = z.object({ hideNames: z.boolean().default(false) });

/** A student as a teacher's screen with hidden names sees them. */
export interface StudentAlias {
  /** Stands in for the student id. */
  key: string;
  name: string;
}

/** `leaderboard:get` takes no arguments (undefined travels as null). */
export const LeaderboardRequestSchema = z.object({}).strict().nullish();

/** What every acknowledgement looks like: the client always learns whether its command took. */
export type Ack<T = null> = { ok: true; data: T } | { ok: false; error: RealtimeError };

/** ENDED: the challenge's time is up (its deadline passed or the teacher ended it); NOT_LIVE: draft or paused. */
export const REALTIME_ERROR_CODES = [
  "INVALID_PAYLOAD",
  "FORBIDDEN",
  "RATE_LIMITED",
  "NOT_LIVE",
  "ENDED",
] as const;
export type RealtimeErrorCode = (typeof REALTIME_ERROR_CODES)[number];

export interface RealtimeError {
  code: RealtimeErrorCode;
  message: string;
}
