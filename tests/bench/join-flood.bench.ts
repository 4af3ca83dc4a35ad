/**
 * A teacher's sign-in latency while one address floods `student.join` (issue 12, row 6) — a benchmark,
 * not a test. Starts the built platform (scripts/start.mjs, fresh SQLite file, free ports), signs a
 * teacher up, then measures sequential sign-ins: first on a quiet server, then while 1 000 joins arrive
 * (FLOOD_CONCURRENCY in flight at once), once with a wrong join code (the attack) and once with
 * the class's real code and fresh nicknames (every accepted one hashes a PIN), each flood from its own
 * address (the platform trusts X-Forwarded-For from loopback here) and the teacher from a third. Prints
 * sign-in p50 / p95 / max per phase, how the joins were answered, and how long the flood took.
 * Needs a built web app. Usage: pnpm --filter @margin/e2e bench:join-flood
 */
import { HttpBrowser, type TrpcResult } from "../security/support/http-client";
import { startRunningApp } from "../security/support/running-app";

const FLOOD_SIZE = Number(process.env.FLOOD_SIZE ?? 1000);
const FLOOD_CONCURRENCY = Number(process.env.FLOOD_CONCURRENCY ?? 100);
const QUIET_SIGN_INS = 10;
const PASSWORD = "join-flood-bench-password";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${Math.round(value)} ms`;
  return `n=${sorted.length} p50 ${ms(percentile(sorted, 50))} · p95 ${ms(percentile(sorted, 95))} · max ${ms(sorted.at(-1) ?? Number.NaN)}`;
}

const TEACHER_ADDRESS = { "x-forwarded-for": "198.51.100.1" };

async function timedSignIn(webUrl: string, email: string): Promise<number> {
  const started = performance.now();
  const result = await new HttpBrowser(webUrl, TEACHER_ADDRESS).mutate("auth.signIn", {
    email,
    password: PASSWORD,
  });
  if (!result.ok) throw new Error(`the teacher's sign-in failed: ${JSON.stringify(result.error)}`);
  return performance.now() - started;
}

/** Sends FLOOD_SIZE joins from one address, FLOOD_CONCURRENCY at a time; counts the answers by code. */
async function flood(webUrl: string, address: string, input: (index: number) => unknown) {
  const outcomes = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < FLOOD_SIZE) {
      const index = next++;
      const browser = new HttpBrowser(webUrl, { "x-forwarded-for": address });
      const result: TrpcResult = await browser.mutate("student.join", input(index));
      const key = result.ok ? "joined" : result.error.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: FLOOD_CONCURRENCY }, worker));
  return { outcomes, seconds: (performance.now() - started) / 1000 };
}

/** Sequential sign-ins for as long as `running` is pending. */
async function signInsDuring(webUrl: string, email: string, running: Promise<unknown>): Promise<number[]> {
  let done = false;
  void running.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) latencies.push(await timedSignIn(webUrl, email));
  return latencies;
}

const app = await startRunningApp({ TRUSTED_PROXIES: "loopback" });
try {
  const teacher = new HttpBrowser(app.webUrl, TEACHER_ADDRESS);
  const email = `flood-${Date.now()}@bench.test`;
  const signedUp = await teacher.mutate("auth.signUp", {
    displayName: "Bench teacher",
    schoolName: "Bench school",
    email,
    password: PASSWORD,
  });
  if (!signedUp.ok) throw new Error(`sign-up failed: ${JSON.stringify(signedUp.error)}`);
  const created = await teacher.mutate<{ joinCode: string }>("classroom.create", { name: "Flooded" });
  if (!created.ok) throw new Error(`class creation failed: ${JSON.stringify(created.error)}`);
  const code = created.data.joinCode;

  const quiet: number[] = [];
  for (let i = 0; i < QUIET_SIGN_INS; i++) quiet.push(await timedSignIn(app.webUrl, email));
  console.log(`quiet server:               sign-in ${summary(quiet)}`);

  for (const [label, address, input] of [
    ["wrong join code", "203.0.113.1", () => ({ code: "ZZZZZZ", nickname: "Flood" })],
    ["real join code ", "203.0.113.2", (index: number) => ({ code, nickname: `Flood${index}` })],
  ] as const) {
    const running = flood(app.webUrl, address, input);
    const during = await signInsDuring(app.webUrl, email, running);
    const { outcomes, seconds } = await running;
    const answers = [...outcomes].map(([key, count]) => `${key} ${count}`).join(", ");
    console.log(`${FLOOD_SIZE} joins, ${label}: sign-in ${summary(during)}`);
    console.log(`  joins answered in ${seconds.toFixed(1)} s: ${answers}`);
  }
} finally {
  await app.stop();
}
