/**
 * Main-thread responsiveness while the lesson trains (a benchmark, not a test): opens the lesson in
 * Chromium, trains the notebook's model in the "Train from scratch" widget and reports the longest
 * main-thread task seen by the Long Tasks API (which only reports tasks ≥ 50 ms) plus the longest gap
 * between animation frames. Needs a built web app: `pnpm --filter @margin/web build` first.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium, startPlatform, stopPlatform, waitFor } from "../support/platform";

const WEB_PORT = 3300;
const REALTIME_PORT = 4300;
const RUNS = 10;

const platform = await startPlatform({
  WEB_PORT: String(WEB_PORT),
  REALTIME_PORT: String(REALTIME_PORT),
  DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "margin-bench-")), "bench.db")}`,
});
try {
  await waitFor(`http://127.0.0.1:${WEB_PORT}/lesson/cats-or-dogs`, 120_000);
  const browser = await launchChromium();
  const page = await browser.newPage();
  type Result = {
    longestTaskMs: number;
    longTasks: number;
    longestFrameGapMs: number;
    loadLongestTaskMs: number;
  };
  const results: Result[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    await page.goto(`http://127.0.0.1:${WEB_PORT}/lesson/cats-or-dogs?run=${run}#widget-train-from-scratch`, {
      waitUntil: "networkidle",
    });
    // A string, not a function: tsx would wrap named functions in a helper the page doesn't have.
    // Long tasks are kept from the navigation on, so hydration is reported apart from training.
    await page.evaluate(`(() => {
      const state = { tasks: [], lastFrame: performance.now(), longestGap: 0, measuring: false, running: true };
      window.__bench = state;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
      const frame = (now) => {
        if (state.measuring) state.longestGap = Math.max(state.longestGap, now - state.lastFrame);
        state.lastFrame = now;
        if (state.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })()`);
    // The page has settled once a full second passes without a long task; training starts then, so the
    // figures below are the training run's own and not the tail of hydration.
    await page.waitForFunction(
      `(() => { const t = window.__bench.tasks.at(-1); return performance.now() - (t ? t.start + t.duration : 0) > 1000; })()`,
      undefined,
      { polling: 200, timeout: 60_000 },
    );
    const trainButton = page.locator("#widget-train-from-scratch button", { hasText: /^Train$/ });
    await page.evaluate(`(() => {
      const state = window.__bench;
      state.loadTasks = state.tasks.splice(0);
      state.measuring = true;
      state.lastFrame = performance.now();
    })()`);
    await trainButton.click();
    // Polls one element's text 4×/s: a locator scanning the whole lesson would itself cost main-thread time.
    await page.waitForFunction(
      `document.querySelector("#widget-train-from-scratch [aria-live]")?.textContent?.includes("log loss 0.0073")`,
      undefined,
      { polling: 250, timeout: 60_000 },
    );
    results.push(
      (await page.evaluate(`(() => {
        const state = window.__bench;
        state.running = false;
        const longest = (tasks) => tasks.reduce((max, task) => Math.max(max, task.duration), 0);
        return {
          longestTaskMs: longest(state.tasks),
          longTasks: state.tasks.length,
          longestFrameGapMs: state.longestGap,
          loadLongestTaskMs: longest(state.loadTasks),
        };
      })()`)) as Result,
    );
  }
  await browser.close();
  console.log(
    `Training the notebook's model (1000 steps) in the lesson's widget, ${RUNS} runs, Chromium headless:`,
  );
  console.log("run  long tasks (≥50 ms)  longest task   longest frame gap   (page load: longest task)");
  results.forEach((result, index) => {
    console.log(
      `${String(index + 1).padStart(3)}  ${String(result.longTasks).padStart(19)}  ${
        result.longTasks === 0 ? "   none ≥50 ms" : `${result.longestTaskMs.toFixed(0).padStart(10)} ms`
      }   ${result.longestFrameGapMs.toFixed(1).padStart(14)} ms   ${result.loadLongestTaskMs.toFixed(0).padStart(18)} ms`,
    );
  });
} finally {
  stopPlatform(platform);
}
