import { afterAll, beforeAll, beforeEach } from "vitest";
import { createDb, type Db, migrateDatabase } from "../client";
import type { Target } from "./targets";

export { targets } from "./targets";

export type TestDatabase = { db: Db; url: string };

/**
 * Registers hooks that give the enclosing describe a fresh, migrated database of `target`'s kind
 * (migrated by the real `prisma migrate deploy`) and removes it afterwards.
 */
export function useTestDatabase(target: Target): TestDatabase {
  const handle = {} as TestDatabase;
  let drop: (() => Promise<void>) | undefined;
  let setupError: unknown;
  beforeAll(async () => {
    try {
      const created = await target.create();
      drop = created.drop;
      await migrateDatabase(created.url);
      handle.url = created.url;
      handle.db = createDb(created.url);
    } catch (error) {
      setupError = error;
    }
  });
  // A database that cannot be set up (e.g. PostgreSQL unreachable) fails every test instead of skipping them.
  beforeEach(() => {
    if (setupError) throw setupError;
  });
  afterAll(async () => {
    await handle.db?.$disconnect();
    await drop?.();
  });
  return handle;
}
