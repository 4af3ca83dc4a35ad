#!/usr/bin/env node
// Runs the whole platform on one machine: migrates and seeds the database, then starts the realtime
// service and the web app side by side. `--dev` runs both in watch mode.
// Every setting has a default so a newcomer needs nothing but Node; override any of them with env vars.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
const bin = (pkg, name) => join(root, pkg, "node_modules", ".bin", name);

const webPort = process.env.WEB_PORT ?? "3000";
const realtimePort = process.env.REALTIME_PORT ?? "4000";
mkdirSync(join(root, ".data"), { recursive: true });

// The realtime secret for a single machine: generated once and kept in .data/ (gitignored), so a restart
// keeps live tokens valid (sessions live in the database). Deployments set REALTIME_SECRET themselves.
const secretsFile = join(root, ".data", "secrets.json");
const secrets = existsSync(secretsFile)
  ? JSON.parse(readFileSync(secretsFile, "utf8"))
  : { realtime: randomBytes(32).toString("hex") };
writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: process.env.DATABASE_URL ?? `file:${join(root, ".data", "margin.db")}`,
  REALTIME_SECRET: process.env.REALTIME_SECRET ?? secrets.realtime,
  REALTIME_PORT: realtimePort,
  REALTIME_PUBLIC_URL: process.env.REALTIME_PUBLIC_URL ?? `http://localhost:${realtimePort}`,
  WEB_ORIGIN: process.env.WEB_ORIGIN ?? `http://localhost:${webPort},http://127.0.0.1:${webPort}`,
};

const seeded = spawnSync(bin("packages/db", "tsx"), ["src/seed.ts"], {
  cwd: join(root, "packages/db"),
  env,
  stdio: "inherit",
});
if (seeded.status !== 0) {
  console.error("Could not migrate and seed the database; see the message above.");
  process.exit(seeded.status ?? 1);
}

const children = [
  spawn(bin("apps/realtime", "tsx"), dev ? ["watch", "src/index.ts"] : ["src/index.ts"], {
    cwd: join(root, "apps/realtime"),
    env,
    stdio: "inherit",
  }),
  spawn(bin("apps/web", "tsx"), ["server/index.ts", ...(dev ? ["--dev"] : [])], {
    cwd: join(root, "apps/web"),
    env: { ...env, WEB_PORT: webPort },
    stdio: "inherit",
  }),
];

console.log(`\nMargin Lab: http://localhost:${webPort}  (realtime on :${realtimePort})\n`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 3000).unref();
}
for (const child of children) child.on("exit", (code) => stop(code ?? 1));
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
