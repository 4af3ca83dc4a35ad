/**
 * Issue 12 row 14: the SQLite database (password and PIN hashes) is readable by its owner only — on a
 * fresh start and when an older, world-readable file is already there.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, migrateDatabase } from "@margin/db";
import { afterAll, describe, expect, it } from "vitest";
import { ok, PASSWORD, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { startRunningApp } from "./support/running-app";

const mode = (path: string) => statSync(path).mode & 0o777;
const scratch = mkdtempSync(join(tmpdir(), "margin-security-db-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The database file and the WAL files beside it, with their permissions. */
function databaseFiles(directory: string): Record<string, number> {
  return Object.fromEntries(
    readdirSync(directory)
      .filter((name) => /^app\.db(-wal|-shm|-journal)?$/.test(name))
      .map((name) => [name, mode(join(directory, name))]),
  );
}

describe("row 14: database file permissions", () => {
  it("creates the folder 0700 and the database and its WAL files 0600; the platform works on them", async () => {
    const directory = join(scratch, "fresh", "data");
    const app = await startRunningApp({ DATABASE_URL: `file:${join(directory, "app.db")}` });
    try {
      const { email } = await teacherWithClass(new HttpBrowser(app.webUrl));
      ok(await new HttpBrowser(app.webUrl).mutate("auth.signIn", { email, password: PASSWORD }));
      expect(mode(directory)).toBe(0o700);
      expect(databaseFiles(directory)).toEqual({ "app.db": 0o600, "app.db-wal": 0o600, "app.db-shm": 0o600 });
    } finally {
      await app.stop();
    }
  });

  it("tightens a world-readable database left by an older version at start", async () => {
    const directory = join(scratch, "old");
    mkdirSync(directory);
    const url = `file:${join(directory, "app.db")}`;
    await migrateDatabase(url);
    const db = createDb(url);
    await db.school.create({ data: { name: "Kept" } });
    await db.$disconnect();
    for (const name of Object.keys(databaseFiles(directory))) chmodSync(join(directory, name), 0o644);

    const app = await startRunningApp({ DATABASE_URL: url });
    try {
      await teacherWithClass(new HttpBrowser(app.webUrl));
      for (const [name, permissions] of Object.entries(databaseFiles(directory))) {
        expect([name, permissions]).toEqual([name, 0o600]);
      }
      const reopened = createDb(url);
      expect(await reopened.school.findFirst({ where: { name: "Kept" } })).not.toBeNull();
      await reopened.$disconnect();
    } finally {
      await app.stop();
    }
  });
});
