import type { Db } from "./client";
import { IdSchema, parseInput } from "./validation";

/** How a participant appears when the teacher hides names: "Student 3", keyed "student-3". */
export interface ParticipantAlias {
  /** Stands in for the student id in anonymised payloads (replay, leaderboard, live boundaries). */
  key: string;
  name: string;
}

/**
 * Every participant's alias, by student id: numbered in the order they joined the challenge, so the alias
 * is stable for the whole race, the same on every server process and in every payload, and says nothing
 * about who the student is (neither the id nor the nickname can be worked out from it).
 */
export async function challengeAliases(db: Db, challengeId: string): Promise<Map<string, ParticipantAlias>> {
  const rows = await db.challengeParticipant.findMany({
    where: { challengeId: parseInput(IdSchema, challengeId) },
    orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
    select: { studentId: true },
  });
  return new Map(
    rows.map((row, index) => [row.studentId, { key: `student-${index + 1}`, name: `Student ${index + 1}` }]),
  );
}
