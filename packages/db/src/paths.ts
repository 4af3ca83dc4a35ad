import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function isDbPackage(dir: string): boolean {
  return (
    existsSync(path.join(dir, "prisma", "schema.prisma")) && existsSync(path.join(dir, "prisma.config.ts"))
  );
}

function findUp(start: string, marker: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, marker))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

let cached: string | undefined;

/**
 * The folder of this package (prisma/, prisma.config.ts, node_modules/prisma).
 * Bundlers (Next) may move this module, so when the file's own location does not look like the package,
 * fall back to `<workspace root>/packages/db`, found from the working directory.
 */
export function packageDir(): string {
  if (cached) return cached;
  const candidates: string[] = [];
  try {
    candidates.push(path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."));
  } catch {
    // import.meta.url is not a file: URL once bundled
  }
  const root = findUp(process.cwd(), "pnpm-workspace.yaml");
  if (root) candidates.push(path.join(root, "packages", "db"));
  const found = candidates.find(isDbPackage);
  if (!found) throw new Error(`@margin/db: package folder not found (looked in ${candidates.join(", ")})`);
  cached = found;
  return found;
}

/** The monorepo root (two levels above this package). */
export function repoRoot(): string {
  return path.resolve(packageDir(), "..", "..");
}
