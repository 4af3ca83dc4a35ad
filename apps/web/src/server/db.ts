import "server-only";
import { createDb, type Db, defaultDatabaseUrl } from "@margin/db";
import { env } from "~/env";

// One client per server process; `globalThis` keeps it across Next's dev-mode module reloads.
const holder = globalThis as typeof globalThis & { __marginDb?: Db };

export function getDb(): Db {
  holder.__marginDb ??= createDb(env().DATABASE_URL ?? defaultDatabaseUrl());
  return holder.__marginDb;
}
