import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db, migrateDatabase } from "./client";
import { createSchool } from "./users";

// The web app and the realtime service are separate processes writing one SQLite file. Two clients on
// one file have separate connections and SQLite file locks between them, exactly like two processes.
describe("two writers on one SQLite file", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "margin-sqlite-locks-"));
  const url = `file:${path.join(dir, "shared.db")}`;
  let first: Db;
  let second: Db;

  beforeAll(async () => {
    await migrateDatabase(url);
    first = createDb(url);
    second = createDb(url);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.$disconnect(), second?.$disconnect()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("waits for the other writer's transaction instead of failing", async () => {
    const slowTransaction = first.$transaction(
      async (tx) => {
        await tx.school.create({ data: { name: "Held" } });
        await new Promise((resolve) => setTimeout(resolve, 400));
      },
      { timeout: 10_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [school] = await Promise.all([
      createSchool(second, { name: "Waited" }),
      second.$transaction(async (tx) => tx.school.create({ data: { name: "Also waited" } })),
      slowTransaction,
    ]);
    expect(school.name).toBe("Waited");
    expect((await first.school.findMany()).map((row) => row.name).sort()).toEqual([
      "Also waited",
      "Held",
      "Waited",
    ]);
  });

  it("serves many interleaved read-then-write transactions from both writers", async () => {
    const bump = (db: Db, name: string) =>
      db.$transaction(async (tx) => {
        const count = await tx.school.count();
        return tx.school.create({ data: { name: `${name}-${count}` } });
      });
    const before = await first.school.count();
    await Promise.all(Array.from({ length: 40 }, (_, i) => bump(i % 2 ? first : second, `w${i}`)));
    expect(await second.school.count()).toBe(before + 40);
  });
});
