import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// Overridable so two checkouts on one machine can run their suites side by side.
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);
const REALTIME_PORT = Number(process.env.E2E_REALTIME_PORT ?? 4100);
// Debian's Chromium where it exists (CI, offline machines); Playwright's own browser elsewhere.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// A fresh SQLite database per run (the config is also loaded by workers, hence the env guard).
process.env.MARGIN_E2E_DB ??= join(mkdtempSync(join(tmpdir(), "margin-e2e-")), "e2e.db");

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "node ../scripts/start.mjs",
    url: `http://127.0.0.1:${WEB_PORT}`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      WEB_PORT: String(WEB_PORT),
      REALTIME_PORT: String(REALTIME_PORT),
      REALTIME_PUBLIC_URL: `http://127.0.0.1:${REALTIME_PORT}`,
      DATABASE_URL: `file:${process.env.MARGIN_E2E_DB}`,
    },
  },
});
