/**
 * What the browser benchmarks share: the built platform (web + realtime via scripts/start.mjs) on its own
 * ports and database, and Debian's Chromium where it exists.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "@playwright/test";

const root = join(import.meta.dirname, "..", "..");

/**
 * Starts web and realtime in their own process group, so `stopPlatform` ends both. Refuses to start when
 * the web port already answers: the bench would otherwise measure whatever old build is listening there.
 */
export async function startPlatform(env: Record<string, string>): Promise<ChildProcess> {
  const busy = await fetch(`http://127.0.0.1:${env.WEB_PORT}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${env.WEB_PORT} is already in use; stop what runs there first`);
  return spawn("node", [join(root, "scripts/start.mjs")], {
    env: { ...process.env, ...env },
    stdio: "ignore",
    detached: true,
  });
}

export function stopPlatform(platform: ChildProcess): void {
  if (!platform.pid || platform.exitCode !== null) return;
  try {
    process.kill(-platform.pid, "SIGTERM");
  } catch (error) {
    // Already gone (it failed to start, e.g. a port in use): the bench's own error says why.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

/** Polls `url` until it answers 2xx. */
export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
}
