import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { challengeHeldOutSecret, createChallenge, getChallenge, transitionChallenge } from "./index";
import { targets, useTestDatabase } from "./testing/databases";
import { schoolWithClass } from "./testing/fixtures";

const dataset = { kind: "blobs", seed: 9, trainSize: 40, publicTestSize: 40, privateTestSize: 40, noise: 1 };

/** The hand-written backfill statements of the migration that added held-out secrets and deadlines. */
function backfill(provider: "sqlite" | "postgresql"): string[] {
  const root = path.join(
    import.meta.dirname,
    "..",
    "prisma",
    provider === "sqlite" ? "" : "postgres",
    "migrations",
  );
  const folder = readdirSync(root).find((name) => name.endsWith("_challenge_secret_deadline"));
  if (!folder) throw new Error("the migration is missing");
  const sql = readFileSync(path.join(root, folder, "migration.sql"), "utf8");
  return sql
    .slice(sql.indexOf("-- Backfill"))
    .split(";\n")
    .map((statement) => statement.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);
}

describe.each(targets)("upgrading a database on $name", (target) => {
  const t = useTestDatabase(target);

  it("gives drafts a held-out secret and live challenges their deadline, and leaves the rest as they were", async () => {
    const { teacher, classroom } = await schoolWithClass(t.db);
    const make = async (to: ("live" | "paused" | "ended")[]) => {
      const challenge = await createChallenge(t.db, {
        actorId: teacher.id,
        classroomId: classroom.id,
        title: "Old",
        dataset,
        controls: [],
        durationSeconds: 600,
      });
      for (const step of to)
        await transitionChallenge(t.db, { actorId: teacher.id, challengeId: challenge.id, to: step });
      return challenge.id;
    };
    const ids = {
      draft: await make([]),
      live: await make(["live"]),
      resumed: await make(["live", "paused", "live"]),
      paused: await make(["live", "paused"]),
      ended: await make(["live", "ended"]),
    };
    // As these rows were before the migration: no secret, no deadline.
    await t.db.challenge.updateMany({ data: { heldOutSecret: null, deadlineAt: null } });
    const resumedBefore = await t.db.challenge.findUniqueOrThrow({ where: { id: ids.resumed } });
    for (const statement of backfill(target.name)) await t.db.$executeRawUnsafe(statement);

    expect(await challengeHeldOutSecret(t.db, ids.draft)).toMatch(/^[0-9a-f]{64}$/);
    for (const id of [ids.live, ids.paused, ids.ended])
      expect(await challengeHeldOutSecret(t.db, id)).toBeNull();
    const resumed = await getChallenge(t.db, ids.resumed);
    expect(resumed?.deadlineAt?.getTime()).toBe(
      (resumedBefore.lastResumedAt as Date).getTime() + 600_000 - resumedBefore.liveMsBeforePause,
    );
    const live = await t.db.challenge.findUniqueOrThrow({ where: { id: ids.live } });
    expect(live.deadlineAt?.getTime()).toBe((live.lastResumedAt as Date).getTime() + 600_000);
    expect((await getChallenge(t.db, ids.paused))?.deadlineAt).toBeNull();
    expect((await getChallenge(t.db, ids.ended))?.deadlineAt).toBeNull();
    // And the migration itself runs on a real database (useTestDatabase applied every migration).
  });
});
