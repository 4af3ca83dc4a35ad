/**
 * Teacher dashboard smoothness with many live boundaries (a benchmark, not a test). Starts the platform
 * on a fresh SQLite file, seeds a live challenge with N students, signs the teacher in with Chromium and
 * opens the projector dashboard, then runs N simulated students (Socket.IO clients in another process,
 * apps/realtime/bench/clients.ts) each sending 5 boundary updates/s. While they run, the page records its
 * animation frames and long tasks. Prints, per N: frames/s, frame-gap p50/p95/max, long tasks (≥ 50 ms)
 * and the boundaries on screen. Needs a built web app: `pnpm --filter @margin/web build` first.
 * Usage: pnpm --filter @margin/e2e bench:dashboard [N …] (default 1 30 60), BENCH_SECONDS (default 15).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signRealtimeToken } from "@margin/core/protocol";
import {
  createChallenge,
  createClassroom,
  createDb,
  createSchool,
  createStaffUser,
  hashSecret,
  joinClassroom,
  migrateDatabase,
  transitionChallenge,
} from "@margin/db";
import { launchChromium, startPlatform, stopPlatform, waitFor } from "../support/platform";

const WEB_PORT = 3302;
const REALTIME_PORT = 4302;
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 15), 60);
const WARM_UP_MS = 4000;
const PASSWORD = "dashboard-bench-password";
const root = join(import.meta.dirname, "..", "..");
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0 && n <= 200);
const STUDENT_COUNTS = counts.length > 0 ? counts : [1, 30, 60];

/** One class with `students` joined and a live cats-vs-dogs challenge; the teacher has a real password. */
async function seed(databaseUrl: string, students: number, run: number) {
  const db = createDb(databaseUrl);
  const school = await createSchool(db, { name: `Dashboard bench ${run}` });
  const email = `dashboard-${run}@bench.test`;
  const teacher = await createStaffUser(db, {
    schoolId: school.id,
    role: "teacher",
    email,
    displayName: "Bench teacher",
    passwordHash: await hashSecret(PASSWORD),
  });
  const classroom = await createClassroom(db, { name: `Projector ${students}`, teacherId: teacher.id });
  const challenge = await createChallenge(db, {
    actorId: teacher.id,
    classroomId: classroom.id,
    title: `${students} students`,
    dataset: {
      kind: "cats-vs-dogs",
      seed: 7,
      trainSize: 200,
      publicTestSize: 200,
      privateTestSize: 200,
      noise: 0.4,
    },
    controls: ["learningRate", "iterations"],
    durationSeconds: 3600,
  });
  const players: { id: string; nickname: string }[] = [];
  for (let i = 0; i < students; i++) {
    const nickname = `Student ${String(i + 1).padStart(2, "0")}`;
    const { student } = await joinClassroom(db, { joinCode: classroom.joinCode, nickname, pinHash: "x" });
    players.push({ id: student.id, nickname });
  }
  await transitionChallenge(db, { actorId: teacher.id, challengeId: challenge.id, to: "live" });
  await db.$disconnect();
  return { email, code: classroom.joinCode, classroomId: classroom.id, challengeId: challenge.id, players };
}

/** The simulated class: the realtime load bench's client process, pointed at this platform. */
function startStudents(
  tokensFile: string,
  seconds: number,
): { child: ChildProcess; connected: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/clients.ts"], {
    cwd: join(root, "apps", "realtime"),
    env: {
      ...process.env,
      BENCH_URL: `http://127.0.0.1:${REALTIME_PORT}`,
      BENCH_TOKENS: tokensFile,
      BENCH_EPOCH: String(Date.now()),
      BENCH_SECONDS: String(seconds),
      BENCH_RATE: "5",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const connected = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("students did not connect within 60 s")), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes('"event":"connected"')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the student process exited early (code ${code})`));
    });
  });
  return { child, connected };
}

interface Result {
  students: number;
  framesPerSecond: number;
  gapP50: number;
  gapP95: number;
  gapMax: number;
  longTasks: number;
  longestTask: number;
  boundariesShown: number;
}

const directory = mkdtempSync(join(tmpdir(), "margin-dashboard-bench-"));
const databaseUrl = `file:${join(directory, "bench.db")}`;
const realtimeSecret = randomBytes(32).toString("hex");
await migrateDatabase(databaseUrl);

const platform = await startPlatform({
  WEB_PORT: String(WEB_PORT),
  REALTIME_PORT: String(REALTIME_PORT),
  REALTIME_PUBLIC_URL: `http://127.0.0.1:${REALTIME_PORT}`,
  DATABASE_URL: databaseUrl,
  REALTIME_SECRET: realtimeSecret,
});
const results: Result[] = [];
try {
  await waitFor(`http://127.0.0.1:${WEB_PORT}/signin`, 120_000);
  const browser = await launchChromium();
  for (const [run, students] of STUDENT_COUNTS.entries()) {
    const setup = await seed(databaseUrl, students, run);
    const tokensFile = join(directory, `tokens-${run}.json`);
    const tokens = await Promise.all(
      setup.players.map((player) =>
        signRealtimeToken(
          {
            role: "student",
            classroomId: setup.classroomId,
            challengeId: setup.challengeId,
            studentId: player.id,
            nickname: player.nickname,
          },
          realtimeSecret,
          600,
        ),
      ),
    );
    writeFileSync(tokensFile, JSON.stringify(tokens));

    // A projector-sized window: 1920 × 1080.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${WEB_PORT}/signin`);
    await page.getByLabel("Email").fill(setup.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/teach/);
    await page.goto(`http://127.0.0.1:${WEB_PORT}/teach/${setup.code}/challenge/${setup.challengeId}`);
    await page.getByText("live link: connected").waitFor({ timeout: 30_000 });

    const { child, connected } = startStudents(tokensFile, SECONDS + WARM_UP_MS / 1000 + 5);
    await connected;
    await page.waitForTimeout(WARM_UP_MS);
    // A string, not a function: tsx would wrap named functions in a helper the page doesn't have.
    await page.evaluate(`(() => {
      const state = { gaps: [], tasks: [], last: performance.now(), start: performance.now(), running: true };
      window.__bench = state;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.tasks.push(entry.duration);
      }).observe({ type: "longtask" });
      const frame = (now) => {
        state.gaps.push(now - state.last);
        state.last = now;
        if (state.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })()`);
    await page.waitForTimeout(SECONDS * 1000);
    const measured = (await page.evaluate(`(() => {
      const state = window.__bench;
      state.running = false;
      const label = document.querySelector('[aria-label^="Training data with every student"][role="img"]')?.getAttribute("aria-label") ?? "";
      return {
        gaps: state.gaps,
        tasks: state.tasks,
        elapsed: performance.now() - state.start,
        shown: Number((label.match(/(\\d+) decision boundar/) ?? [])[1] ?? 0),
      };
    })()`)) as { gaps: number[]; tasks: number[]; elapsed: number; shown: number };
    child.kill("SIGTERM");
    await context.close();

    const gaps = [...measured.gaps].sort((a, b) => a - b);
    const pct = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? Number.NaN;
    results.push({
      students,
      framesPerSecond: (measured.gaps.length / measured.elapsed) * 1000,
      gapP50: pct(0.5),
      gapP95: pct(0.95),
      gapMax: gaps[gaps.length - 1] ?? Number.NaN,
      longTasks: measured.tasks.length,
      longestTask: Math.max(0, ...measured.tasks),
      boundariesShown: measured.shown,
    });
  }
  await browser.close();
} finally {
  stopPlatform(platform);
}

console.log(
  `Teacher dashboard (1920×1080, Chromium headless, software rendering), each student 5 updates/s, ${SECONDS} s measured after ${WARM_UP_MS / 1000} s warm-up:`,
);
console.log(
  "| students | boundaries shown | frames/s | frame gap p50 | p95 | max | long tasks (≥ 50 ms) | longest |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const r of results) {
  console.log(
    `| ${r.students} | ${r.boundariesShown} | ${r.framesPerSecond.toFixed(1)} | ${r.gapP50.toFixed(1)} ms | ${r.gapP95.toFixed(1)} ms | ${r.gapMax.toFixed(1)} ms | ${r.longTasks} | ${r.longTasks ? `${r.longestTask.toFixed(0)} ms` : "—"} |`,
  );
}
