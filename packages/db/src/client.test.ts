import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, defaultDatabaseUrl, migrateDatabase, providerOf } from "./client";
import { sqliteTarget } from "./testing/targets";

describe("database urls", () => {
  it("defaults to .data/margin.db at the repository root", () => {
    expect(defaultDatabaseUrl()).toBe(
      `file:${path.resolve(import.meta.dirname, "../../../.data/margin.db")}`,
    );
  });

  it("picks the provider by scheme", () => {
    expect(providerOf("file:/tmp/x.db")).toBe("sqlite");
    expect(providerOf("postgres://u@h/db")).toBe("postgresql");
    expect(providerOf("postgresql://u@h/db")).toBe("postgresql");
    expect(() => providerOf("mysql://u@h/db")).toThrow(/unsupported/);
  });
});

describe("migrateDatabase", () => {
  it("creates the SQLite folder, applies every migration and is idempotent", async () => {
    const { url, drop } = await sqliteTarget.create();
    try {
      await migrateDatabase(url);
      await migrateDatabase(url);
      const db = createDb(url);
      try {
        const rows = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
          'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
        );
        // Every committed migration, in order: a new one needs no edit here.
        const committed = readdirSync(path.join(import.meta.dirname, "..", "prisma", "migrations"))
          .filter((name) => /^\d{14}_/.test(name))
          .sort();
        expect(committed.length).toBeGreaterThanOrEqual(3);
        expect(rows.map((r) => r.migration_name)).toEqual(committed);
        expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await drop();
    }
  });

  it("survives concurrent first starts on one new SQLite file", async () => {
    const { url, drop } = await sqliteTarget.create();
    try {
      await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);
      const db = createDb(url);
      try {
        expect(await db.classroom.count()).toBe(0);
      } finally {
        await db.$disconnect();
      }
    } finally {
      await drop();
    }
  });

  it("reports an unreachable PostgreSQL as an error", async () => {
    await expect(migrateDatabase("postgres://postgres@127.0.0.1:1/none")).rejects.toThrow(
      /migrate deploy failed/,
    );
  });
});
