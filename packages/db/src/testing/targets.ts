import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** A throw-away database: a SQLite file in a temp dir or a `margin_test_<random>` PostgreSQL database. */
export type Target = {
  name: "sqlite" | "postgresql";
  create(): Promise<{ url: string; drop(): Promise<void> }>;
};

export const sqliteTarget: Target = {
  name: "sqlite",
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), "margin-db-test-"));
    return {
      url: `file:${path.join(dir, "nested", "test.db")}`,
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresTarget: Target = {
  name: "postgresql",
  async create() {
    // Unreachable PostgreSQL must fail the run, never skip it.
    const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `margin_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  },
};

export const targets: Target[] = [sqliteTarget, postgresTarget];
