/**
 * What the browser benchmarks share: the built platform (web + realtime via scripts/start.mjs) on its own
 * ports and database, and Debian's Chromium where it exists.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium } from "@playwright/test";

const root = join(import.meta.dirname, "..", "..");

/** Starts web and realtime in their own process group, so `stopPlatform` ends both. */
export function startPlatform(env: Record<string, string>): ChildProcess {
  return spawn("node", [join(root, "scripts/start.mjs")], {
    env: { ...process.env, ...env },
    stdio: "ignore",
    detached: true,
  });
}

export function stopPlatform(platform: ChildProcess): void {
  if (platform.pid) process.kill(-platform.pid, "SIGTERM");
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
