import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

/** The database file and the files SQLite keeps beside it (WAL mode uses -wal and -shm). */
const SQLITE_SUFFIXES = ["", "-wal", "-shm", "-journal"];

/**
 * Owner-only permissions for an SQLite database, which holds password and PIN hashes: the file (created
 * empty here, before SQLite first opens it, because SQLite gives its -wal, -shm and journal files the
 * database file's permissions) and any companion files already there become 0600, looser ones included;
 * a missing directory is created 0700. An existing directory is only tightened when `ownDirectory` says
 * it is ours alone (the default `.data/`): a database in a shared folder must not chmod that folder.
 */
export function secureSqliteFile(file: string, options: { ownDirectory: boolean }): void {
  const directory = path.dirname(file);
  if (!existsSync(directory)) mkdirSync(directory, { recursive: true, mode: 0o700 });
  else if (options.ownDirectory) chmodSync(directory, 0o700);
  closeSync(openSync(file, "a", 0o600));
  for (const suffix of SQLITE_SUFFIXES) {
    if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
  }
}
