import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { secureSqliteFile } from "./file-permissions";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { packageDir, repoRoot } from "./paths";

/**
 * The client type every app uses. Both generated clients come from one datamodel (only the provider
 * differs, no Prisma enums), so the PostgreSQL client has exactly this shape.
 */
export type Db = SqliteClient;

export type DatabaseProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DatabaseProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgresql";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`@margin/db: unsupported database url (expected file: or postgres://): ${redact(url)}`);
}

/** `file:<repo root>/.data/margin.db` — gitignored, created and migrated on first start. */
export function defaultDatabaseUrl(): string {
  return `file:${path.join(repoRoot(), ".data", "margin.db")}`;
}

/** Opens a client for `url` (default: the SQLite file), choosing the driver adapter by its scheme. */
export function createDb(url: string = defaultDatabaseUrl()): Db {
  if (providerOf(url) === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as Db;
  }
  secureSqlite(url);
  return new SqliteClient({ adapter: new PrismaLibSQL({ url }) });
}

/** Before anything opens the SQLite file: owner-only permissions (see secureSqliteFile). */
function secureSqlite(url: string): void {
  const file = sqliteFilePath(url);
  secureSqliteFile(file, { ownDirectory: file === sqliteFilePath(defaultDatabaseUrl()) });
}

/** The file behind a `file:` url (absolute, or relative to the working directory). */
export function sqliteFilePath(url: string): string {
  const withoutQuery = url.replace(/\?.*$/, "");
  if (withoutQuery.startsWith("file://")) return fileURLToPath(withoutQuery);
  return path.resolve(withoutQuery.slice("file:".length));
}

const execFileAsync = promisify(execFile);

function runPrismaCli(args: string[], url: string) {
  const dir = packageDir();
  return execFileAsync(
    process.execPath,
    [path.join(dir, "node_modules", "prisma", "build", "index.js"), ...args],
    {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

/**
 * Applies the committed migrations with the real `prisma migrate deploy` (a child process of this package's
 * Prisma CLI; prisma.config.ts picks schema, migrations folder and adapter from DATABASE_URL).
 * Creates the SQLite folder if it is missing. Never `db push`.
 */
export function migrateDatabase(url: string): Promise<void> {
  // Several callers in one process (web and realtime may share one) wait for the same run.
  let running = migrations.get(url);
  if (!running) {
    running = migrateOnce(url).finally(() => migrations.delete(url));
    migrations.set(url, running);
  }
  return running;
}

const migrations = new Map<string, Promise<void>>();

async function migrateOnce(url: string): Promise<void> {
  if (providerOf(url) === "postgresql") return applyMigrations(url); // deploy takes an advisory lock
  // SQLite has no migration lock: two concurrent `migrate deploy` runs on a new file both apply the first
  // migration and leave it marked failed (P3009). Processes sharing the file take turns with a lock folder.
  const file = sqliteFilePath(url);
  secureSqlite(url);
  const release = await acquireLock(`${file}.migrate-lock`);
  try {
    await applyMigrations(url);
    await useWriteAheadLog(url);
  } finally {
    release();
  }
}

const LOCK_TIMEOUT_MS = 120_000;
const STALE_LOCK_MS = 300_000;

/** mkdir is atomic: whoever creates the folder holds the lock. A dead holder's lock is taken over. */
async function acquireLock(dir: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(path.join(dir, "pid"), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (isStaleLock(dir)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`@margin/db: timed out waiting for migration lock ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function isStaleLock(dir: string): boolean {
  try {
    if (Date.now() - statSync(dir).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(path.join(dir, "pid"), "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    process.kill(pid, 0);
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ESRCH"; // holder is gone; ENOENT: released or being written, retry
  }
}

async function applyMigrations(url: string): Promise<void> {
  // On PostgreSQL, `migrate deploy` (6.19, Wasm schema engine) only exits ~10 s after finishing: its
  // advisory-lock timeout timer is never cleared. `migrate status` takes no lock, exits at once and
  // returns 0 when nothing is pending, so an up-to-date database (every start but the first) is fast.
  // A deploy that timed out on another process's advisory lock (P1002) checks again: the other one has
  // usually applied everything by then.
  for (let attempt = 1; ; attempt++) {
    try {
      await runPrismaCli(["migrate", "status"], url);
      return;
    } catch {
      // pending migrations (exit code 1) or an error that deploy will report properly
    }
    try {
      await runPrismaCli(["migrate", "deploy"], url);
      return;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      const output = `${stderr ?? ""}${stdout ?? ""}`;
      if (attempt < 3 && output.includes("P1002")) continue;
      throw new Error(`@margin/db: prisma migrate deploy failed for ${redact(url)}\n${output}`.trim(), {
        cause: error,
      });
    }
  }
}

/**
 * WAL is a property of the file (set once, kept): commits append to the log instead of rewriting and
 * syncing the rollback journal, and readers no longer block the writer.
 */
async function useWriteAheadLog(url: string): Promise<void> {
  const db = createDb(url);
  try {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  } finally {
    await db.$disconnect();
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
