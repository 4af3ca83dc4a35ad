import { randomBytes } from "node:crypto";
import { z } from "zod";
import { assertCanManageClassroom, requireClassroom } from "./classrooms";
import type { Db } from "./client";
import { DbError, prismaCode, retryOnRace } from "./errors";
import {
  type Challenge as ChallengeRow,
  type ChallengeParticipant as ParticipantRow,
  Prisma,
  type ChallengeSnapshot as SnapshotRow,
} from "./generated/sqlite/client";
import { requireEnrollment } from "./users";
import { FiniteSchema, IdSchema, parseInput, type Tx, WeightsSchema } from "./validation";

export const CHALLENGE_STATUSES = ["draft", "live", "paused", "ended"] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** Legal moves; `ended` is final. */
export const CHALLENGE_TRANSITIONS: Readonly<Record<ChallengeStatus, readonly ChallengeStatus[]>> = {
  draft: ["live"],
  live: ["paused", "ended"],
  paused: ["live", "ended"],
  ended: [],
};

/** What a teacher can let students change; stored as JSON, so adding one needs no migration. */
export const CHALLENGE_CONTROLS = [
  "learningRate",
  "iterations",
  "l2",
  "standardise",
  "manual",
  "features",
  "threshold",
] as const;

export const DatasetSpecSchema = z.object({
  kind: z.string().trim().min(1).max(64),
  seed: z.number().int().min(0).max(2_147_483_647),
  trainSize: z.number().int().min(1).max(100_000),
  publicTestSize: z.number().int().min(1).max(100_000),
  privateTestSize: z.number().int().min(1).max(100_000),
  noise: z.number().min(0).max(10),
  // The data-set knobs (storage bounds; @margin/core's CHALLENGE_KNOBS has the same ranges and the meaning).
  classBalance: z.number().min(0.05).max(0.95).default(0.5),
  labelFlips: z.number().min(0).max(0.4).default(0),
  outliers: z.number().min(0).max(0.2).default(0),
});
export type DatasetSpec = z.infer<typeof DatasetSpecSchema>;

export const CreateChallengeInputSchema = z.object({
  actorId: IdSchema,
  classroomId: IdSchema,
  title: z.string().trim().min(1).max(200),
  dataset: DatasetSpecSchema,
  controls: z
    .array(z.enum(CHALLENGE_CONTROLS))
    .max(CHALLENGE_CONTROLS.length)
    .refine((c) => new Set(c).size === c.length, "controls must be unique"),
  durationSeconds: z
    .number()
    .int()
    .min(10)
    .max(24 * 3600),
});
export type CreateChallengeInput = z.input<typeof CreateChallengeInputSchema>;

/**
 * A challenge as the app sees it. The held-out secret is left out on purpose, so it can't travel to a
 * router, a page or a socket by accident: the two scorers read it with {@link challengeHeldOutSecret}.
 */
export type Challenge = Omit<
  ChallengeRow,
  | "heldOutSecret"
  | "status"
  | "controls"
  | "datasetKind"
  | "datasetSeed"
  | "trainSize"
  | "publicTestSize"
  | "privateTestSize"
  | "noise"
  | "classBalance"
  | "labelFlips"
  | "outliers"
> & {
  status: ChallengeStatus;
  controls: Array<(typeof CHALLENGE_CONTROLS)[number]>;
  dataset: DatasetSpec;
};

export function toChallenge(row: ChallengeRow): Challenge {
  const {
    heldOutSecret: _secret,
    datasetKind,
    datasetSeed,
    trainSize,
    publicTestSize,
    privateTestSize,
    noise,
    classBalance,
    labelFlips,
    outliers,
    ...rest
  } = row;
  return {
    ...rest,
    status: z.enum(CHALLENGE_STATUSES).parse(row.status),
    controls: z.array(z.enum(CHALLENGE_CONTROLS)).parse(row.controls),
    dataset: {
      kind: datasetKind,
      seed: datasetSeed,
      trainSize,
      publicTestSize,
      privateTestSize,
      noise,
      classBalance,
      labelFlips,
      outliers,
    },
  };
}

type Clock = Pick<Challenge, "status" | "lastResumedAt" | "liveMsBeforePause" | "durationSeconds">;

/** Milliseconds the challenge has been live (pauses excluded) at `now`, at most its duration. */
export function challengeLiveMs(challenge: Clock, now: Date = new Date()): number {
  const running =
    challenge.status === "live" && challenge.lastResumedAt
      ? now.getTime() - challenge.lastResumedAt.getTime()
      : 0;
  return Math.min(challenge.durationSeconds * 1000, challenge.liveMsBeforePause + Math.max(0, running));
}

export function challengeRemainingMs(challenge: Clock, now: Date = new Date()): number {
  return Math.max(0, challenge.durationSeconds * 1000 - challengeLiveMs(challenge, now));
}

/** True once a live challenge's deadline has come, whether or not the database says `ended` yet. */
export function challengeIsPastDeadline(
  challenge: { status: string; deadlineAt: Date | null },
  now: Date = new Date(),
): boolean {
  return challenge.status === "live" && challenge.deadlineAt !== null && challenge.deadlineAt <= now;
}

/** The challenge has ended, by the teacher or by its clock. */
export function challengeHasEnded(
  challenge: { status: string; deadlineAt: Date | null },
  now: Date = new Date(),
): boolean {
  return challenge.status === "ended" || challengeIsPastDeadline(challenge, now);
}

/** 256 random bits for the held-out points (see @margin/core's challengeDatasets). */
const newHeldOutSecret = () => randomBytes(32).toString("hex");

/**
 * The challenge's held-out secret, for the two places that score (the realtime service and the web app's
 * pick). Null for a challenge created before secrets existed (it keeps its seed-derived held-out points);
 * undefined for an unknown id. Never log it or send it anywhere.
 */
export async function challengeHeldOutSecret(
  db: Db,
  challengeId: string,
): Promise<string | null | undefined> {
  const row = await db.challenge.findUnique({
    where: { id: parseInput(IdSchema, challengeId) },
    select: { heldOutSecret: true },
  });
  return row ? row.heldOutSecret : undefined;
}

/**
 * Ends every live challenge whose deadline has passed (or only `challengeId`, or those of
 * `classroomId`): status `ended`, endedAt = the deadline itself (also when this runs late, say after a
 * restart), the full duration used. Each end is one conditional UPDATE (still live, deadline passed,
 * duration unchanged by a concurrent "+5 min"), so however many processes run this at once, each
 * challenge ends exactly once; the ids this call ended are returned (the others' callers see them ended).
 */
export async function endChallengesPastDeadline(
  db: Db,
  scope: { challengeId?: string; classroomId?: string } = {},
  now: Date = new Date(),
): Promise<string[]> {
  const due = await db.challenge.findMany({
    where: {
      status: "live",
      deadlineAt: { lte: now },
      ...(scope.challengeId ? { id: parseInput(IdSchema, scope.challengeId) } : {}),
      ...(scope.classroomId ? { classroomId: parseInput(IdSchema, scope.classroomId) } : {}),
    },
    select: { id: true, deadlineAt: true, durationSeconds: true },
  });
  const ended: string[] = [];
  for (const challenge of due) {
    const { count } = await db.challenge.updateMany({
      where: {
        id: challenge.id,
        status: "live",
        deadlineAt: { lte: now },
        durationSeconds: challenge.durationSeconds,
      },
      data: {
        status: "ended",
        endedAt: challenge.deadlineAt,
        liveMsBeforePause: challenge.durationSeconds * 1000,
        deadlineAt: null,
      },
    });
    if (count === 1) ended.push(challenge.id);
  }
  return ended;
}

export async function createChallenge(db: Db, input: CreateChallengeInput): Promise<Challenge> {
  const { actorId, classroomId, title, dataset, controls, durationSeconds } = parseInput(
    CreateChallengeInputSchema,
    input,
  );
  const row = await db.$transaction(async (tx) => {
    const classroom = await requireClassroom(tx, classroomId);
    await assertCanManageClassroom(tx, actorId, classroom);
    if (classroom.archivedAt) throw new DbError("FORBIDDEN", `Classroom ${classroomId} is archived`);
    return tx.challenge.create({
      data: {
        classroomId,
        title,
        controls,
        durationSeconds,
        datasetKind: dataset.kind,
        datasetSeed: dataset.seed,
        trainSize: dataset.trainSize,
        publicTestSize: dataset.publicTestSize,
        privateTestSize: dataset.privateTestSize,
        noise: dataset.noise,
        classBalance: dataset.classBalance,
        labelFlips: dataset.labelFlips,
        outliers: dataset.outliers,
        heldOutSecret: newHeldOutSecret(),
      },
    });
  });
  return toChallenge(row);
}

/**
 * The challenge, or null. A live challenge whose deadline has passed is ended first (by the conditional
 * update of {@link endChallengesPastDeadline}, as the realtime service's sweep does), so no reader ever
 * sees a challenge still running after its time is up.
 */
export async function getChallenge(db: Db, challengeId: string): Promise<Challenge | null> {
  const row = await db.challenge.findUnique({ where: { id: challengeId } });
  if (!row) return null;
  const challenge = toChallenge(row);
  if (!challengeIsPastDeadline(challenge)) return challenge;
  await endChallengesPastDeadline(db, { challengeId });
  return requireChallenge(db, challengeId);
}

/** The class's challenges, oldest first; like {@link getChallenge}, those past their deadline are ended. */
export async function listChallenges(db: Db, classroomId: string): Promise<Challenge[]> {
  const read = async () =>
    (
      await db.challenge.findMany({
        where: { classroomId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    ).map(toChallenge);
  const challenges = await read();
  if (!challenges.some((challenge) => challengeIsPastDeadline(challenge))) return challenges;
  await endChallengesPastDeadline(db, { classroomId });
  return read();
}

async function requireChallenge(tx: Tx | Db, challengeId: string): Promise<Challenge> {
  const row = await tx.challenge.findUnique({ where: { id: challengeId } });
  if (!row) throw new DbError("NOT_FOUND", `Unknown challenge ${challengeId}`);
  return toChallenge(row);
}

export const TransitionChallengeInputSchema = z.object({
  actorId: IdSchema,
  challengeId: IdSchema,
  to: z.enum(CHALLENGE_STATUSES),
});

/** Refuses to touch a challenge its clock has ended (the caller ends it with endChallengesPastDeadline). */
function assertNotPastDeadline(challenge: Challenge, now: Date): void {
  if (challengeIsPastDeadline(challenge, now)) {
    throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challenge.id} has ended: its time is up`);
  }
}

/**
 * Moves the challenge along CHALLENGE_TRANSITIONS and stamps the times; starting or resuming sets the
 * deadline (now + the time left), pausing clears it, so pauses don't eat the duration. The update is
 * conditional on the status it was read with, so of two concurrent transitions from one state only one
 * wins; the other gets ILLEGAL_TRANSITION. A live challenge past its deadline has ended by its clock: it
 * is ended first, and the transition refused. Ending an ended challenge returns it unchanged.
 */
export async function transitionChallenge(
  db: Db,
  input: z.input<typeof TransitionChallengeInputSchema>,
): Promise<Challenge> {
  const { actorId, challengeId, to } = parseInput(TransitionChallengeInputSchema, input);
  const now = new Date();
  const before = await requireChallenge(db, challengeId);
  await assertCanManageClassroom(db, actorId, await requireClassroom(db, before.classroomId));
  if (challengeIsPastDeadline(before, now)) await endChallengesPastDeadline(db, { challengeId }, now);
  if (to === "ended") {
    // Ending is idempotent: "End and reveal" pressed just after the clock (or another tab) ended it.
    const current = await requireChallenge(db, challengeId);
    if (current.status === "ended") return current;
  }
  const row = await db.$transaction(async (tx) => {
    const challenge = await requireChallenge(tx, challengeId);
    const from = challenge.status;
    if (!CHALLENGE_TRANSITIONS[from].includes(to)) {
      throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challengeId} cannot go from ${from} to ${to}`);
    }
    assertNotPastDeadline(challenge, now);
    const liveMs = challengeLiveMs(challenge, now);
    const deadline = new Date(now.getTime() + challenge.durationSeconds * 1000 - liveMs);
    const data =
      to === "live"
        ? from === "draft"
          ? { status: to, startedAt: now, lastResumedAt: now, deadlineAt: deadline }
          : { status: to, lastResumedAt: now, pausedAt: null, deadlineAt: deadline }
        : to === "paused"
          ? { status: to, pausedAt: now, liveMsBeforePause: liveMs, deadlineAt: null }
          : { status: to, endedAt: now, liveMsBeforePause: liveMs, deadlineAt: null };
    const { count } = await tx.challenge.updateMany({ where: { id: challengeId, status: from }, data });
    if (count !== 1) {
      throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challengeId} changed status concurrently`);
    }
    return tx.challenge.findUniqueOrThrow({ where: { id: challengeId } });
  });
  return toChallenge(row);
}

export const ExtendChallengeInputSchema = z.object({
  actorId: IdSchema,
  challengeId: IdSchema,
  /** Added to the duration; the race can be extended any number of times, up to a day in all. */
  seconds: z.number().int().min(10).max(3600),
});

/**
 * Gives a running (or paused, or not yet started) challenge more time, moving a live one's deadline too;
 * an ended one stays ended, also one whose deadline has just passed (it is ended, not revived). The
 * update is conditional on the duration and status it was read with, so a concurrent pause or end wins
 * cleanly (ILLEGAL_TRANSITION) rather than being half-applied.
 */
export async function extendChallenge(
  db: Db,
  input: z.input<typeof ExtendChallengeInputSchema>,
): Promise<Challenge> {
  const { actorId, challengeId, seconds } = parseInput(ExtendChallengeInputSchema, input);
  const now = new Date();
  const challenge = await requireChallenge(db, challengeId);
  await assertCanManageClassroom(db, actorId, await requireClassroom(db, challenge.classroomId));
  if (challengeIsPastDeadline(challenge, now)) await endChallengesPastDeadline(db, { challengeId }, now);
  if (challengeHasEnded(challenge, now)) {
    throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challengeId} has ended and can't be extended`);
  }
  if (challenge.durationSeconds + seconds > 24 * 3600) {
    throw new DbError("INVALID", "A challenge lasts at most 24 hours");
  }
  const { count } = await db.challenge.updateMany({
    where: { id: challengeId, status: challenge.status, durationSeconds: challenge.durationSeconds },
    data: {
      durationSeconds: { increment: seconds },
      ...(challenge.deadlineAt
        ? { deadlineAt: new Date(challenge.deadlineAt.getTime() + seconds * 1000) }
        : {}),
    },
  });
  if (count !== 1) {
    throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challengeId} changed concurrently; try again`);
  }
  return requireChallenge(db, challengeId);
}

export type ChallengeParticipant = Pick<
  ParticipantRow,
  "id" | "challengeId" | "studentId" | "nickname" | "joinedAt" | "updateCount"
>;

/**
 * Adds an enrolled student to a challenge that has not ended (idempotent: joining twice returns the same
 * participant). FORBIDDEN for students of other classes.
 */
export async function joinChallenge(
  db: Db,
  input: { challengeId: string; studentId: string },
): Promise<ChallengeParticipant> {
  const { challengeId, studentId } = parseInput(
    z.object({ challengeId: IdSchema, studentId: IdSchema }),
    input,
  );
  const select = {
    id: true,
    challengeId: true,
    studentId: true,
    nickname: true,
    joinedAt: true,
    updateCount: true,
  };
  const join = () =>
    db.$transaction(async (tx) => {
      const challenge = await requireChallenge(tx, challengeId);
      const enrollment = await requireEnrollment(tx, challenge.classroomId, studentId);
      const existing = await tx.challengeParticipant.findUnique({
        where: { challengeId_studentId: { challengeId, studentId } },
        select,
      });
      if (existing) return existing;
      if (challengeHasEnded(challenge)) throw new DbError("CONFLICT", `Challenge ${challengeId} has ended`);
      return tx.challengeParticipant.create({
        data: { challengeId, studentId, nickname: enrollment.nickname },
        select,
      });
    });
  try {
    return await join();
  } catch (error) {
    if (prismaCode(error) === "P2002") return join(); // a concurrent join of the same student won
    throw error;
  }
}

export const StandardisationSchema = z.object({
  mean: z.array(FiniteSchema).min(1).max(64),
  std: z.array(FiniteSchema.positive()).min(1).max(64),
});
export type Standardisation = z.infer<typeof StandardisationSchema>;

export const ModelSchema = z
  .object({ w: WeightsSchema, b: FiniteSchema, standardisation: StandardisationSchema.nullable() })
  .refine(
    (m) =>
      !m.standardisation ||
      (m.standardisation.mean.length === m.w.length && m.standardisation.std.length === m.w.length),
    "standardisation must have one mean and one std per weight",
  );
export type Model = z.infer<typeof ModelSchema>;

export const RecordModelUpdateInputSchema = z.object({
  challengeId: IdSchema,
  studentId: IdSchema,
  model: ModelSchema,
  /** Computed by the server on the public / private test sets, never taken from the client. */
  publicLogLoss: FiniteSchema.min(0),
  privateLogLoss: FiniteSchema.min(0),
  iteration: z.number().int().min(0).max(100_000_000).optional(),
  /** Also store a replay snapshot (the caller decides the period). */
  snapshot: z.boolean().default(false),
  /**
   * When the server scored the model (default: now). A write-behind buffer flushes a moment later: a
   * model scored before the challenge ended (by the teacher or its clock) still counts when it lands
   * after the end; one scored after the end never does.
   */
  scoredAt: z.date().optional(),
});
export type RecordModelUpdateInput = z.input<typeof RecordModelUpdateInputSchema>;

/**
 * The hot write, one batch transaction (no interactive round trips): the participant's final model becomes
 * this one — only if the model was scored while the challenge was live; the best model is replaced only if this public log loss is
 * strictly lower, by a single conditional UPDATE, so concurrent updates can never replace a better score
 * with a worse one; optionally a replay snapshot. If the first statement matches nothing (not a
 * participant, challenge not live) the batch rolls back and the reason is looked up for the typed error.
 */
export function recordModelUpdate(db: Db, input: RecordModelUpdateInput): Promise<{ improved: boolean }> {
  // A deadlock with a concurrent batch (recordModelUpdates) rolls this back; running it again is safe.
  return retryOnRace(() => recordModelUpdateOnce(db, input), 5);
}

async function recordModelUpdateOnce(db: Db, input: RecordModelUpdateInput): Promise<{ improved: boolean }> {
  const data = parseInput(RecordModelUpdateInputSchema, input);
  const { challengeId, studentId } = data;
  const { w, b, standardisation } = data.model;
  const key = { challengeId_studentId: { challengeId, studentId } };
  const now = data.scoredAt ?? new Date();
  // Prisma.DbNull comes from the shared runtime, so it is the same object for the PostgreSQL client.
  const standardisationJson = standardisation ?? Prisma.DbNull;
  const whileLive = { OR: [{ status: "live" }, { status: "ended", endedAt: { gte: now } }] };
  const writes = [
    db.challengeParticipant.update({
      where: { ...key, challenge: whileLive },
      data: {
        updateCount: { increment: 1 },
        finalW: w,
        finalB: b,
        finalStandardisation: standardisationJson,
        finalPublicLogLoss: data.publicLogLoss,
        finalPrivateLogLoss: data.privateLogLoss,
        finalAt: now,
      },
      select: { id: true },
    }),
    db.challengeParticipant.updateMany({
      where: {
        challengeId,
        studentId,
        challenge: whileLive,
        OR: [{ bestPublicLogLoss: null }, { bestPublicLogLoss: { gt: data.publicLogLoss } }],
      },
      data: {
        bestW: w,
        bestB: b,
        bestStandardisation: standardisationJson,
        bestPublicLogLoss: data.publicLogLoss,
        bestPrivateLogLoss: data.privateLogLoss,
        bestAt: now,
      },
    }),
  ] as const;
  try {
    if (data.snapshot) {
      const [, best] = await db.$transaction([
        ...writes,
        db.challengeSnapshot.create({
          data: {
            challenge: { connect: { id: challengeId } },
            participant: { connect: key },
            takenAt: now,
            w,
            b,
            publicLogLoss: data.publicLogLoss,
            iteration: data.iteration ?? null,
          },
          select: { id: true },
        }),
      ]);
      return { improved: best.count === 1 };
    }
    const [, best] = await db.$transaction([...writes]);
    return { improved: best.count === 1 };
  } catch (error) {
    if (prismaCode(error) !== "P2025") throw error;
    const participant = await db.challengeParticipant.findUnique({
      where: key,
      select: { challenge: { select: { status: true } } },
    });
    if (!participant) {
      throw new DbError("NOT_FOUND", `Student ${studentId} is not in challenge ${challengeId}`, {
        cause: error,
      });
    }
    throw new DbError("CONFLICT", `Challenge ${challengeId} is ${participant.challenge.status}, not live`, {
      cause: error,
    });
  }
}

/** What recordModelUpdates reports for each input, in order. */
export type RecordModelUpdatesResult =
  | { ok: true; improved: boolean }
  | { ok: false; code: "INVALID" | "NOT_FOUND" | "CONFLICT" };

/** Participants per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH_CHUNK = 200;

let snapshotSequence = 0;
/** Snapshot ids that sort in creation order within a process (a batch shares one takenAt). */
function snapshotId(): string {
  snapshotSequence = (snapshotSequence + 1) % 1_679_616;
  return `s${Date.now().toString(36)}${snapshotSequence.toString(36).padStart(4, "0")}${Math.random().toString(36).slice(2, 8)}`;
}

type ParsedUpdate = z.output<typeof RecordModelUpdateInputSchema>;

/**
 * recordModelUpdate for many updates at once, as a handful of set-based statements in one transaction
 * (a few raw queries per 200 participants instead of two or three ORM queries each), for write-behind
 * buffers. The effect is that of applying the inputs in order with recordModelUpdate: per participant the
 * last input becomes the final model, `updateCount` grows by the number of inputs, the lowest public log
 * loss among them replaces the stored best only if strictly lower (a conditional UPDATE, so concurrent
 * writers can never replace a better best with a worse one), and each `snapshot: true` input stores a
 * snapshot. Nothing is written for a model scored while the challenge wasn't live (CONFLICT) or for a
 * student who isn't in it (NOT_FOUND); an invalid input (INVALID) is skipped. None of these fail the rest
 * of the batch.
 */
export async function recordModelUpdates(
  db: Db,
  inputs: readonly RecordModelUpdateInput[],
): Promise<RecordModelUpdatesResult[]> {
  const results: RecordModelUpdatesResult[] = new Array(inputs.length);
  const valid: { index: number; data: ParsedUpdate }[] = [];
  for (const [index, input] of inputs.entries()) {
    const parsed = RecordModelUpdateInputSchema.safeParse(input);
    if (parsed.success) valid.push({ index, data: parsed.data });
    else results[index] = { ok: false, code: "INVALID" };
  }
  for (let start = 0; start < valid.length; ) {
    // Whole participants per chunk, so that one participant's inputs are merged in one transaction.
    const keys = new Set<string>();
    let end = start;
    while (end < valid.length) {
      const { challengeId, studentId } = (valid[end] as { data: ParsedUpdate }).data;
      const k = `${challengeId}\u0000${studentId}`;
      if (!keys.has(k) && keys.size >= BATCH_CHUNK) break;
      keys.add(k);
      end++;
    }
    const chunk = valid.slice(start, end);
    // Concurrent writers (several realtime processes) can lock the same rows in different orders;
    // PostgreSQL then aborts one transaction as a deadlock, which is safe to run again.
    await retryOnRace(() => recordChunk(db, chunk, results), 5);
    start = end;
  }
  return results;
}

interface Merged {
  challengeId: string;
  studentId: string;
  count: number;
  final: ParsedUpdate;
  best: { index: number; data: ParsedUpdate };
  indexes: number[];
}

async function recordChunk(
  db: Db,
  chunk: { index: number; data: ParsedUpdate }[],
  results: RecordModelUpdatesResult[],
): Promise<void> {
  const byKey = new Map<string, Merged>();
  for (const item of chunk) {
    const { challengeId, studentId, publicLogLoss } = item.data;
    const k = `${challengeId}\u0000${studentId}`;
    const merged = byKey.get(k);
    if (!merged) {
      byKey.set(k, { challengeId, studentId, count: 1, final: item.data, best: item, indexes: [item.index] });
      continue;
    }
    merged.count += 1;
    merged.final = item.data;
    merged.indexes.push(item.index);
    if (publicLogLoss < merged.best.data.publicLogLoss) merged.best = item;
  }
  const participants = [...byKey.values()];
  const postgres = (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
  const now = new Date();
  const scoredAt = (data: ParsedUpdate) => data.scoredAt ?? now;
  // Raw parameters: PostgreSQL types untyped VALUES as text, so numbers, JSON and times are cast; SQLite
  // stores Prisma's JSON as text and DateTime as the ISO text a Date parameter becomes, like the ORM does.
  const json = (value: unknown) => {
    const text = value === null ? null : JSON.stringify(value);
    return postgres ? Prisma.sql`CAST(${text} AS JSONB)` : Prisma.sql`${text}`;
  };
  const float = (value: number) => Prisma.sql`CAST(${value} AS DOUBLE PRECISION)`;
  const int = (value: number | null) => Prisma.sql`CAST(${value} AS INTEGER)`;
  const time = (value: Date) =>
    postgres ? Prisma.sql`CAST(${value.toISOString()} AS TIMESTAMP(3))` : Prisma.sql`${value}`;
  /** The model in VALUES column `column` was scored while the challenge was live (see RecordModelUpdateInput). */
  const whileLive = (column: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "Challenge" c WHERE c."id" = p."challengeId" AND (c."status" = 'live' OR (c."status" = 'ended' AND c."endedAt" >= ${column})))`;
  const model = (data: ParsedUpdate) =>
    Prisma.sql`${json(data.model.w)}, ${float(data.model.b)}, ${json(data.model.standardisation)}, ${float(data.publicLogLoss)}, ${float(data.privateLogLoss)}, ${time(scoredAt(data))}`;

  type Found = {
    challengeId: string;
    studentId: string;
    status: string;
    endedAt: Date | string | null;
    best: number | null;
  };
  const statements = [];
  statements.push(
    db.$queryRaw<Found[]>`
      SELECT p."challengeId" AS "challengeId", p."studentId" AS "studentId", c."status" AS "status",
        c."endedAt" AS "endedAt", p."bestPublicLogLoss" AS "best"
      FROM "ChallengeParticipant" p JOIN "Challenge" c ON c."id" = p."challengeId"
      WHERE p."challengeId" IN (${Prisma.join([...new Set(participants.map((m) => m.challengeId))])})
        AND p."studentId" IN (${Prisma.join(participants.map((m) => m.studentId))})`,
  );
  statements.push(
    db.$executeRaw`
      UPDATE "ChallengeParticipant" AS p SET "updateCount" = p."updateCount" + v.column3, "finalW" = v.column4,
        "finalB" = v.column5, "finalStandardisation" = v.column6, "finalPublicLogLoss" = v.column7,
        "finalPrivateLogLoss" = v.column8, "finalAt" = v.column9
      FROM (VALUES ${Prisma.join(
        participants.map(
          (m) => Prisma.sql`(${m.challengeId}, ${m.studentId}, ${int(m.count)}, ${model(m.final)})`,
        ),
      )}) AS v
      WHERE p."challengeId" = v.column1 AND p."studentId" = v.column2 AND ${whileLive(Prisma.sql`v.column9`)}`,
  );
  statements.push(
    db.$executeRaw`
      UPDATE "ChallengeParticipant" AS p SET "bestW" = v.column3, "bestB" = v.column4,
        "bestStandardisation" = v.column5, "bestPublicLogLoss" = v.column6, "bestPrivateLogLoss" = v.column7,
        "bestAt" = v.column8
      FROM (VALUES ${Prisma.join(
        participants.map((m) => Prisma.sql`(${m.challengeId}, ${m.studentId}, ${model(m.best.data)})`),
      )}) AS v
      WHERE p."challengeId" = v.column1 AND p."studentId" = v.column2
        AND (p."bestPublicLogLoss" IS NULL OR p."bestPublicLogLoss" > v.column6)
        AND ${whileLive(Prisma.sql`v.column8`)}`,
  );
  const snapshots = chunk.filter((item) => item.data.snapshot);
  if (snapshots.length > 0) {
    statements.push(
      db.$executeRaw`
        INSERT INTO "ChallengeSnapshot" ("id", "challengeId", "participantId", "takenAt", "w", "b", "publicLogLoss", "iteration")
        SELECT v.column1, p."challengeId", p."id", v.column8, v.column4, v.column5, v.column6, v.column7
        FROM (VALUES ${Prisma.join(
          snapshots.map(
            ({ data }) =>
              Prisma.sql`(${snapshotId()}, ${data.challengeId}, ${data.studentId}, ${json(data.model.w)}, ${float(data.model.b)}, ${float(data.publicLogLoss)}, ${int(data.iteration ?? null)}, ${time(scoredAt(data))})`,
          ),
        )}) AS v
        JOIN "ChallengeParticipant" p ON p."challengeId" = v.column2 AND p."studentId" = v.column3
        WHERE ${whileLive(Prisma.sql`v.column8`)}`,
    );
  }
  const [found] = (await db.$transaction(statements)) as [Found[]];
  const state = new Map(found.map((row) => [`${row.challengeId}\u0000${row.studentId}`, row]));
  const counted = (row: Found, data: ParsedUpdate) =>
    row.status === "live" ||
    (row.status === "ended" && row.endedAt !== null && new Date(row.endedAt) >= scoredAt(data));
  for (const [k, merged] of byKey) {
    const row = state.get(k);
    for (const index of merged.indexes) {
      if (!row) results[index] = { ok: false, code: "NOT_FOUND" };
      else if (!counted(row, index === merged.best.index ? merged.best.data : merged.final))
        results[index] = { ok: false, code: "CONFLICT" };
      else
        results[index] = {
          ok: true,
          improved:
            index === merged.best.index &&
            (row.best === null || Number(row.best) > merged.best.data.publicLogLoss),
        };
    }
  }
}

export type StoredModel = Model & { publicLogLoss: number; privateLogLoss: number; at: Date };

export type LeaderboardEntry = ChallengeParticipant & { best: StoredModel | null; final: StoredModel | null };

const JsonWeights = z.array(z.number());
const JsonStandardisation = StandardisationSchema.nullable();

function storedModel(
  w: unknown,
  b: number | null,
  standardisation: unknown,
  publicLogLoss: number | null,
  privateLogLoss: number | null,
  at: Date | null,
): StoredModel | null {
  if (w === null || b === null || publicLogLoss === null || privateLogLoss === null || at === null)
    return null;
  return {
    w: JsonWeights.parse(w),
    b,
    standardisation: JsonStandardisation.parse(standardisation ?? null),
    publicLogLoss,
    privateLogLoss,
    at,
  };
}

export function toLeaderboardEntry(row: ParticipantRow): LeaderboardEntry {
  return {
    id: row.id,
    challengeId: row.challengeId,
    studentId: row.studentId,
    nickname: row.nickname,
    joinedAt: row.joinedAt,
    updateCount: row.updateCount,
    best: storedModel(
      row.bestW,
      row.bestB,
      row.bestStandardisation,
      row.bestPublicLogLoss,
      row.bestPrivateLogLoss,
      row.bestAt,
    ),
    final: storedModel(
      row.finalW,
      row.finalB,
      row.finalStandardisation,
      row.finalPublicLogLoss,
      row.finalPrivateLogLoss,
      row.finalAt,
    ),
  };
}

/**
 * The live (public) board: participants by best public log loss, lowest first; those without a model last,
 * then by join time. The final board after the end is ./challenge-ranking.ts's finalStandings.
 */
export async function challengeLeaderboard(db: Db, challengeId: string): Promise<LeaderboardEntry[]> {
  const rows = await db.challengeParticipant.findMany({
    where: { challengeId },
    orderBy: [{ bestPublicLogLoss: { sort: "asc", nulls: "last" } }, { joinedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toLeaderboardEntry);
}

export type ChallengeSnapshot = Omit<SnapshotRow, "w"> & { w: number[]; nickname: string; studentId: string };

/** Every snapshot of the race in time order, for the replay. */
export async function listChallengeSnapshots(db: Db, challengeId: string): Promise<ChallengeSnapshot[]> {
  const rows = await db.challengeSnapshot.findMany({
    where: { challengeId },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    include: { participant: { select: { nickname: true, studentId: true } } },
  });
  return rows.map(({ participant, w, ...row }) => ({
    ...row,
    w: JsonWeights.parse(w),
    nickname: participant.nickname,
    studentId: participant.studentId,
  }));
}
