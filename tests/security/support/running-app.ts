/**
 * The platform as an attacker meets it: the built web app and the realtime service started by
 * scripts/start.mjs (exactly what `pnpm start` runs) on free ports, over a fresh SQLite file. Attacks go
 * over real HTTP and real sockets; nothing here reaches into the processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..", "..");

export interface RunningApp {
  webUrl: string;
  realtimeUrl: string;
  /** The SQLite URL both processes use (for assertions on stored data). */
  databaseUrl: string;
  /** Everything both processes printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number, log: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the platform exited (${child.exitCode}):\n${log()}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts web and realtime (built; `pnpm test` builds before this suite runs) in their own process group.
 * `env` adds or overrides variables (e.g. TRUSTED_PROXIES).
 */
export async function startRunningApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const directory = mkdtempSync(join(tmpdir(), "margin-security-"));
  const [webPort, realtimePort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  const realtimeUrl = `http://127.0.0.1:${realtimePort}`;
  const databaseUrl = `file:${join(directory, "app.db")}`;
  let log = "";
  const child = spawn("node", [join(root, "scripts/start.mjs")], {
    env: {
      ...process.env,
      WEB_PORT: String(webPort),
      REALTIME_PORT: String(realtimePort),
      REALTIME_PUBLIC_URL: realtimeUrl,
      WEB_ORIGIN: webUrl,
      DATABASE_URL: databaseUrl,
      // A fresh secret per run: the start script would otherwise reuse the checkout's .data/secrets.json.
      REALTIME_SECRET: randomBytes(32).toString("hex"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  const output = () => log;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    rmSync(directory, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`${realtimeUrl}/health`, child, 120_000, output);
    await waitUntilUp(`${webUrl}/`, child, 120_000, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, realtimeUrl, databaseUrl, output, stop };
}
