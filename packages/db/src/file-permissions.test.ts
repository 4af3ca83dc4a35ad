import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, migrateDatabase } from "./client";
import { secureSqliteFile } from "./file-permissions";

const mode = (file: string) => statSync(file).mode & 0o777;
const temporary: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "margin-db-perms-"));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("SQLite file permissions", () => {
  it("creates the folder 0700 and the database with its WAL files 0600, and the data is usable", async () => {
    const file = path.join(scratch(), "new", "margin.db");
    await migrateDatabase(`file:${file}`);
    const db = createDb(`file:${file}`);
    try {
      await db.school.create({ data: { name: "Owner only" } });
      expect(await db.school.count()).toBe(1);
      const companions = readdirSync(path.dirname(file)).filter((name) => name.startsWith("margin.db"));
      expect(companions).toEqual(expect.arrayContaining(["margin.db", "margin.db-wal", "margin.db-shm"]));
      for (const name of companions)
        expect([name, mode(path.join(path.dirname(file), name))]).toEqual([name, 0o600]);
      expect(mode(path.dirname(file))).toBe(0o700);
    } finally {
      await db.$disconnect();
    }
  });

  it("tightens an existing world-readable database and its WAL files when the app opens it", async () => {
    const dir = scratch();
    const file = path.join(dir, "margin.db");
    await migrateDatabase(`file:${file}`);
    for (const suffix of ["", "-wal", "-shm"]) {
      writeFileSync(file + suffix, "", { flag: "a" });
      chmodSync(file + suffix, 0o644);
    }
    const db = createDb(`file:${file}`);
    try {
      expect(await db.school.count()).toBe(0);
      for (const suffix of ["", "-wal", "-shm"]) expect(mode(file + suffix)).toBe(0o600);
    } finally {
      await db.$disconnect();
    }
  });

  it("tightens an existing folder only when it is the database's own", () => {
    const shared = scratch();
    chmodSync(shared, 0o755);
    secureSqliteFile(path.join(shared, "a.db"), { ownDirectory: false });
    expect(mode(shared)).toBe(0o755);
    const own = path.join(scratch(), ".data");
    mkdirSync(own, { mode: 0o755 });
    chmodSync(own, 0o755);
    secureSqliteFile(path.join(own, "margin.db"), { ownDirectory: true });
    expect(mode(own)).toBe(0o700);
    expect(mode(path.join(own, "margin.db"))).toBe(0o600);
  });
});
