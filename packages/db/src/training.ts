import { z } from "zod";
import type { Db } from "./client";
import { DbError, prismaCode } from "./errors";
import type { TrainingResult as TrainingResultRow } from "./generated/sqlite/client";
import { parseInput } from "./validation";

/** z.number() already rejects NaN and ±Infinity (zod 4). */
const finite = z.number();

export const RecordTrainingResultInputSchema = z.object({
  classroomId: z.string().min(1).max(64),
  nickname: z.string().trim().min(1).max(40),
  w: z.array(finite).min(1).max(64),
  b: finite,
  logLoss: finite.min(0),
  iterations: z.number().int().min(0).max(10_000_000),
  learningRate: finite.positive(),
});
export type RecordTrainingResultInput = z.input<typeof RecordTrainingResultInputSchema>;

export type TrainingResult = Omit<TrainingResultRow, "w"> & { w: number[] };

function toTrainingResult(row: TrainingResultRow): TrainingResult {
  return { ...row, w: z.array(z.number()).parse(row.w) };
}

export async function recordTrainingResult(
  db: Db,
  input: RecordTrainingResultInput,
): Promise<TrainingResult> {
  const data = parseInput(RecordTrainingResultInputSchema, input);
  try {
    const row = await db.$transaction(async (tx) => {
      const classroom = await tx.classroom.findUnique({
        where: { id: data.classroomId },
        select: { id: true },
      });
      if (!classroom) throw new DbError("NOT_FOUND", `Unknown classroom ${data.classroomId}`);
      return tx.trainingResult.create({ data });
    });
    return toTrainingResult(row);
  } catch (error) {
    if (prismaCode(error) === "P2003") {
      throw new DbError("NOT_FOUND", `Unknown classroom ${data.classroomId}`, { cause: error });
    }
    throw error;
  }
}

/** Best (lowest log loss) first; ties by time. */
export async function listTrainingResults(db: Db, classroomId: string): Promise<TrainingResult[]> {
  const rows = await db.trainingResult.findMany({
    where: { classroomId },
    orderBy: [{ logLoss: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toTrainingResult);
}
