import { FEATURE_CROSSES_CONTROL, type FeatureName } from "@margin/core";
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
import {
  FiniteSchema,
  IdSchema,
  JsonWeights,
  ModelFeaturesSchema,
  parseInput,
  storedFeatures,
  type Tx,
  WeightsSchema,
} from "./validation";

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
  FEATURE_CROSSES_CONTROL,
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

export type Challenge = Omit<
  ChallengeRow,
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

/** Milliseconds the challenge has been live (pauses excluded) at `now`. */
export function challengeLiveMs(challenge: Challenge, now: Date = new Date()): number {
  const running =
    challenge.status === "live" && challenge.lastResumedAt
      ? now.getTime() - challenge.lastResumedAt.getTime()
      : 0;
  return challenge.liveMsBeforePause + Math.max(0, running);
}

export function challengeRemainingMs(challenge: Challenge, now: Date = new Date()): number {
  return Math.max(0, challenge.durationSeconds * 1000 - challengeLiveMs(challenge, now));
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
      },
    });
  });
  return toChallenge(row);
}

export async function getChallenge(db: Db, challengeId: string): Promise<Challenge | null> {
  const row = await db.challenge.findUnique({ where: { id: challengeId } });
  return row ? toChallenge(row) : null;
}

export async function listChallenges(db: Db, classroomId: string): Promise<Challenge[]> {
  const rows = await db.challenge.findMany({
    where: { classroomId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toChallenge);
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

/**
 * Moves the challenge along CHALLENGE_TRANSITIONS and stamps the times. The update is conditional on the
 * status it was read with, so of two concurrent transitions from one state only one wins; the other gets
 * ILLEGAL_TRANSITION.
 */
export async function transitionChallenge(
  db: Db,
  input: z.input<typeof TransitionChallengeInputSchema>,
): Promise<Challenge> {
  const { actorId, challengeId, to } = parseInput(TransitionChallengeInputSchema, input);
  const row = await db.$transaction(async (tx) => {
    const challenge = await requireChallenge(tx, challengeId);
    await assertCanManageClassroom(tx, actorId, await requireClassroom(tx, challenge.classroomId));
    const from = challenge.status;
    if (!CHALLENGE_TRANSITIONS[from].includes(to)) {
      throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challengeId} cannot go from ${from} to ${to}`);
    }
    const now = new Date();
    const liveMs = challengeLiveMs(challenge, now);
    const data =
      to === "live"
        ? from === "draft"
          ? { status: to, startedAt: now, lastResumedAt: now }
          : { status: to, lastResumedAt: now, pausedAt: null }
        : to === "paused"
          ? { status: to, pausedAt: now, liveMsBeforePause: liveMs }
          : { status: to, endedAt: now, liveMsBeforePause: liveMs };
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

/** Gives a running (or paused, or not yet started) challenge more time; an ended one stays ended. */
export async function extendChallenge(
  db: Db,
  input: z.input<typeof ExtendChallengeInputSchema>,
): Promise<Challenge> {
  const { actorId, challengeId, seconds } = parseInput(ExtendChallengeInputSchema, input);
  const row = await db.$transaction(async (tx) => {
    const challenge = await requireChallenge(tx, challengeId);
    await assertCanManageClassroom(tx, actorId, await requireClassroom(tx, challenge.classroomId));
    if (challenge.status === "ended") {
      throw new DbError("ILLEGAL_TRANSITION", `Challenge ${challengeId} has ended and can't be extended`);
    }
    if (challenge.durationSeconds + seconds > 24 * 3600) {
      throw new DbError("INVALID", "A challenge lasts at most 24 hours");
    }
    return tx.challenge.update({
      where: { id: challengeId },
      data: { durationSeconds: { increment: seconds } },
    });
  });
  return toChallenge(row);
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
      if (challenge.status === "ended") throw new DbError("CONFLICT", `Challenge ${challengeId} has ended`);
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
  .object({
    w: WeightsSchema,
    b: FiniteSchema,
    standardisation: StandardisationSchema.nullable(),
    /** The features w belongs to (one weight each); absent: x1, x2. */
    features: ModelFeaturesSchema,
  })
  .refine((m) => m.w.length === m.features.length, "the model must have one weight per feature")
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
});
export type RecordModelUpdateInput = z.input<typeof RecordModelUpdateInputSchema>;

/**
 * The hot write, one batch transaction (no interactive round trips): the participant's final model becomes
 * this one — only while the challenge is live; the best model is replaced only if this public log loss is
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
  const { w, b, standardisation, features } = data.model;
  const key = { challengeId_studentId: { challengeId, studentId } };
  const now = new Date();
  // Prisma.DbNull comes from the shared runtime, so it is the same object for the PostgreSQL client.
  const standardisationJson = standardisation ?? Prisma.DbNull;
  const writes = [
    db.challengeParticipant.update({
      where: { ...key, challenge: { status: "live" } },
      data: {
        updateCount: { increment: 1 },
        finalW: w,
        finalB: b,
        finalStandardisation: standardisationJson,
        finalFeatures: features,
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
        OR: [{ bestPublicLogLoss: null }, { bestPublicLogLoss: { gt: data.publicLogLoss } }],
      },
      data: {
        bestW: w,
        bestB: b,
        bestStandardisation: standardisationJson,
        bestFeatures: features,
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
            features,
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
 * snapshot. Nothing is written for a participant whose challenge isn't live (CONFLICT) or who isn't in it
 * (NOT_FOUND); an invalid input (INVALID) is skipped. None of these fail the rest of the batch.
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
  // Raw parameters: PostgreSQL types untyped VALUES as text, so numbers and JSON are cast; SQLite stores
  // Prisma's JSON as text and DateTime as the ISO text a Date parameter becomes, like the ORM does.
  const json = (value: unknown) => {
    const text = value === null ? null : JSON.stringify(value);
    return postgres ? Prisma.sql`CAST(${text} AS JSONB)` : Prisma.sql`${text}`;
  };
  const float = (value: number) => Prisma.sql`CAST(${value} AS DOUBLE PRECISION)`;
  const int = (value: number | null) => Prisma.sql`CAST(${value} AS INTEGER)`;
  const at = postgres ? Prisma.sql`CAST(${now.toISOString()} AS TIMESTAMP(3))` : Prisma.sql`${now}`;
  const live = Prisma.sql`EXISTS (SELECT 1 FROM "Challenge" c WHERE c."id" = p."challengeId" AND c."status" = 'live')`;
  const model = (data: ParsedUpdate) =>
    Prisma.sql`${json(data.model.w)}, ${float(data.model.b)}, ${json(data.model.standardisation)}, ${json(data.model.features)}, ${float(data.publicLogLoss)}, ${float(data.privateLogLoss)}`;

  const statements = [];
  statements.push(
    db.$queryRaw<{ challengeId: string; studentId: string; status: string; best: number | null }[]>`
      SELECT p."challengeId" AS "challengeId", p."studentId" AS "studentId", c."status" AS "status",
        p."bestPublicLogLoss" AS "best"
      FROM "ChallengeParticipant" p JOIN "Challenge" c ON c."id" = p."challengeId"
      WHERE p."challengeId" IN (${Prisma.join([...new Set(participants.map((m) => m.challengeId))])})
        AND p."studentId" IN (${Prisma.join(participants.map((m) => m.studentId))})`,
  );
  statements.push(
    db.$executeRaw`
      UPDATE "ChallengeParticipant" AS p SET "updateCount" = p."updateCount" + v.column3, "finalW" = v.column4,
        "finalB" = v.column5, "finalStandardisation" = v.column6, "finalFeatures" = v.column7,
        "finalPublicLogLoss" = v.column8, "finalPrivateLogLoss" = v.column9, "finalAt" = ${at}
      FROM (VALUES ${Prisma.join(
        participants.map(
          (m) => Prisma.sql`(${m.challengeId}, ${m.studentId}, ${int(m.count)}, ${model(m.final)})`,
        ),
      )}) AS v
      WHERE p."challengeId" = v.column1 AND p."studentId" = v.column2 AND ${live}`,
  );
  statements.push(
    db.$executeRaw`
      UPDATE "ChallengeParticipant" AS p SET "bestW" = v.column3, "bestB" = v.column4,
        "bestStandardisation" = v.column5, "bestFeatures" = v.column6, "bestPublicLogLoss" = v.column7,
        "bestPrivateLogLoss" = v.column8, "bestAt" = ${at}
      FROM (VALUES ${Prisma.join(
        participants.map((m) => Prisma.sql`(${m.challengeId}, ${m.studentId}, ${model(m.best.data)})`),
      )}) AS v
      WHERE p."challengeId" = v.column1 AND p."studentId" = v.column2
        AND (p."bestPublicLogLoss" IS NULL OR p."bestPublicLogLoss" > v.column7) AND ${live}`,
  );
  const snapshots = chunk.filter((item) => item.data.snapshot);
  if (snapshots.length > 0) {
    statements.push(
      db.$executeRaw`
        INSERT INTO "ChallengeSnapshot" ("id", "challengeId", "participantId", "takenAt", "w", "b", "features", "publicLogLoss", "iteration")
        SELECT v.column1, p."challengeId", p."id", ${at}, v.column4, v.column5, v.column6, v.column7, v.column8
        FROM (VALUES ${Prisma.join(
          snapshots.map(
            ({ data }) =>
              Prisma.sql`(${snapshotId()}, ${data.challengeId}, ${data.studentId}, ${json(data.model.w)}, ${float(data.model.b)}, ${json(data.model.features)}, ${float(data.publicLogLoss)}, ${int(data.iteration ?? null)})`,
          ),
        )}) AS v
        JOIN "ChallengeParticipant" p ON p."challengeId" = v.column2 AND p."studentId" = v.column3
        WHERE ${live}`,
    );
  }
  const [found] = (await db.$transaction(statements)) as [
    { challengeId: string; studentId: string; status: string; best: number | null }[],
  ];
  const state = new Map(found.map((row) => [`${row.challengeId}\u0000${row.studentId}`, row]));
  for (const [k, merged] of byKey) {
    const row = state.get(k);
    for (const index of merged.indexes) {
      if (!row) results[index] = { ok: false, code: "NOT_FOUND" };
      else if (row.status !== "live") results[index] = { ok: false, code: "CONFLICT" };
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

const JsonStandardisation = StandardisationSchema.nullable();

function storedModel(
  w: unknown,
  b: number | null,
  standardisation: unknown,
  features: unknown,
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
    features: storedFeatures(features),
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
      row.bestFeatures,
      row.bestPublicLogLoss,
      row.bestPrivateLogLoss,
      row.bestAt,
    ),
    final: storedModel(
      row.finalW,
      row.finalB,
      row.finalStandardisation,
      row.finalFeatures,
      row.finalPublicLogLoss,
      row.finalPrivateLogLoss,
      row.finalAt,
    ),
  };
}

export const LEADERBOARD_ORDERS = ["bestPublicLogLoss", "bestPrivateLogLoss", "finalPrivateLogLoss"] as const;
export type LeaderboardOrder = (typeof LEADERBOARD_ORDERS)[number];

/**
 * Participants ranked by `orderBy` (lowest first; those without a model last, then by join time).
 * During the race use bestPublicLogLoss; the private columns are for the reveal after it ends.
 */
export async function challengeLeaderboard(
  db: Db,
  challengeId: string,
  orderBy: LeaderboardOrder = "bestPublicLogLoss",
): Promise<LeaderboardEntry[]> {
  const rows = await db.challengeParticipant.findMany({
    where: { challengeId },
    orderBy: [{ [orderBy]: { sort: "asc", nulls: "last" } }, { joinedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toLeaderboardEntry);
}

export type ChallengeSnapshot = Omit<SnapshotRow, "w" | "features"> & {
  w: number[];
  features: FeatureName[];
  nickname: string;
};

/** Every snapshot of the race in time order, for the replay. */
export async function listChallengeSnapshots(db: Db, challengeId: string): Promise<ChallengeSnapshot[]> {
  const rows = await db.challengeSnapshot.findMany({
    where: { challengeId },
    orderBy: [{ takenAt: "asc" }, { id: "asc" }],
    include: { participant: { select: { nickname: true } } },
  });
  return rows.map(({ participant, w, features, ...row }) => ({
    ...row,
    w: JsonWeights.parse(w),
    features: storedFeatures(features),
    nickname: participant.nickname,
  }));
}
