import { z } from "zod";
import { challengeHasEnded } from "./challenges";
import type { Db } from "./client";
import { DbError } from "./errors";
import { FiniteSchema, IdSchema, parseInput, WeightsSchema } from "./validation";

/** Kaggle's limit: each participant chooses at most this many models for the private board. */
export const MAX_PICKS = 2;

export const PickModelInputSchema = z.object({
  challengeId: IdSchema,
  studentId: IdSchema,
  w: WeightsSchema,
  b: FiniteSchema,
  /** Computed by the server on the held-out splits, never taken from the client. */
  publicLogLoss: FiniteSchema.min(0),
  privateLogLoss: FiniteSchema.min(0),
});

export interface ChallengePick {
  id: string;
  w: number[];
  b: number;
  publicLogLoss: number;
  privateLogLoss: number;
  pickedAt: Date;
}

const JsonWeights = z.array(z.number());

async function participantOf(db: Db, challengeId: string, studentId: string) {
  const participant = await db.challengeParticipant.findUnique({
    where: { challengeId_studentId: { challengeId, studentId } },
    select: { id: true, challenge: { select: { status: true, deadlineAt: true } } },
  });
  if (!participant) throw new DbError("NOT_FOUND", `Student ${studentId} is not in challenge ${challengeId}`);
  return participant;
}

const PICKS_CLOSED = "The challenge has ended: picks are closed";

/**
 * Adds a model to the participant's picks while the challenge runs (live or paused, and before its
 * deadline, even if the database doesn't say `ended` yet); at most MAX_PICKS, even concurrently.
 */
export async function pickModel(db: Db, input: z.input<typeof PickModelInputSchema>): Promise<ChallengePick> {
  const data = parseInput(PickModelInputSchema, input);
  const participant = await participantOf(db, data.challengeId, data.studentId);
  if (challengeHasEnded(participant.challenge)) throw new DbError("CONFLICT", PICKS_CLOSED);
  if (participant.challenge.status === "draft") {
    throw new DbError("CONFLICT", "Models can only be picked once the challenge has started");
  }
  const row = await db.$transaction(async (tx) => {
    // A no-op UPDATE locks the participant's row (PostgreSQL), so concurrent picks by one student queue up
    // and each sees the others' inserts when it counts; SQLite serialises write transactions anyway.
    await tx.challengeParticipant.update({
      where: { id: participant.id },
      data: { updateCount: { increment: 0 } },
      select: { id: true },
    });
    const count = await tx.challengePick.count({ where: { participantId: participant.id } });
    if (count >= MAX_PICKS) {
      throw new DbError("CONFLICT", `You can pick at most ${MAX_PICKS} models; remove one first`);
    }
    return tx.challengePick.create({
      data: {
        participantId: participant.id,
        w: data.w,
        b: data.b,
        publicLogLoss: data.publicLogLoss,
        privateLogLoss: data.privateLogLoss,
      },
    });
  });
  return toPick(row);
}

export async function unpickModel(
  db: Db,
  input: { challengeId: string; studentId: string; pickId: string },
): Promise<void> {
  const { challengeId, studentId, pickId } = parseInput(
    z.object({ challengeId: IdSchema, studentId: IdSchema, pickId: IdSchema }),
    input,
  );
  const participant = await participantOf(db, challengeId, studentId);
  if (challengeHasEnded(participant.challenge)) throw new DbError("CONFLICT", PICKS_CLOSED);
  // Scoped to the participant: another student's pick id deletes nothing.
  const { count } = await db.challengePick.deleteMany({
    where: { id: pickId, participantId: participant.id },
  });
  if (count === 0) throw new DbError("NOT_FOUND", `No pick ${pickId} of yours`);
}

export async function listPicks(
  db: Db,
  input: { challengeId: string; studentId: string },
): Promise<ChallengePick[]> {
  const participant = await participantOf(db, input.challengeId, input.studentId);
  const rows = await db.challengePick.findMany({
    where: { participantId: participant.id },
    orderBy: [{ pickedAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toPick);
}

function toPick(row: {
  id: string;
  w: unknown;
  b: number;
  publicLogLoss: number;
  privateLogLoss: number;
  pickedAt: Date;
}): ChallengePick {
  return { ...row, w: JsonWeights.parse(row.w) };
}
