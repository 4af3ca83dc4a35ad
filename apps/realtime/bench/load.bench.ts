// Load benchmark (a script, not a test): one realtime process on loopback scoring a 1 000-point held-out
// set (500 public + 500 private) with a fresh SQLite database, N students in another process each sending
// 5 updates/s, and one teacher here. Prints accepted updates/s, student-emit → teacher-receive latency,
// server CPU and RSS. Usage: pnpm --filter @margin/realtime bench [N …] (default 100 500 1000; ≤ 2000),
// BENCH_SECONDS (default 20, ≤ 60). Everything runs on one machine, so one clock serves both ends.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ClientToServerEvents, ServerToClientEvents } from "@margin/core/protocol";
import { signRealtimeToken } from "@margin/core/protocol";
import {
  challengeLeaderboard,
  createChallenge,
  createClassroom,
  createDb,
  createSchool,
  createStaffUser,
  type Db,
  joinClassroom,
  migrateDatabase,
  transitionChallenge,
} from "@margin/db";
import { io, type Socket } from "socket.io-client";

const appDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const STUDENT_COUNTS = (counts.length > 0 ? counts : [100, 500, 1000]).map((n) => Math.min(n, 2000));
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 20), 60);
const RATE = 5;
const WARM_UP_MS = 2000;
const CLK_TCK = 100; // Linux USER_HZ

async function seed(db: Db, students: number) {
  const school = await createSchool(db, { name: "Bench school" });
  const teacher = await createStaffUser(db, {
    schoolId: school.id,
    role: "teacher",
    email: "bench@example.test",
    displayName: "Bench",
    passwordHash: "hash",
  });
  const classroom = await createClassroom(db, { name: "Bench class", teacherId: teacher.id });
  const challenge = await createChallenge(db, {
    actorId: teacher.id,
    classroomId: classroom.id,
    title: "Bench",
    dataset: {
      kind: "cats-vs-dogs",
      seed: 1,
      trainSize: 200,
      publicTestSize: 500,
      privateTestSize: 500,
      noise: 0.3,
    },
    controls: ["learningRate", "iterations"],
    durationSeconds: 3600,
  });
  const players: { id: string; nickname: string }[] = [];
  for (let i = 0; i < students; i++) {
    const nickname = `student ${i}`;
    const { student } = await joinClassroom(db, { joinCode: classroom.joinCode, nickname, pinHash: "hash" });
    players.push({ id: student.id, nickname });
  }
  await transitionChallenge(db, { actorId: teacher.id, challengeId: challenge.id, to: "live" });
  return { classroomId: classroom.id, challengeId: challenge.id, players };
}

/** Spawns `node --import tsx script` and resolves each JSON line it prints to `onLine`. */
function run(
  script: string,
  env: NodeJS.ProcessEnv,
  onLine: (line: Record<string, unknown>) => void,
): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: appDir,
    env: Object.fromEntries(
      Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined),
    ),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let newline = buffer.indexOf("\n"); newline >= 0; newline = buffer.indexOf("\n")) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      try {
        onLine(JSON.parse(line));
      } catch {
        // not a JSON line
      }
    }
  });
  return child;
}

function waitFor<T>(
  register: (resolve: (value: T) => void) => void,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
    register((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14, 15 of the full line)
}

/** Busy ticks of the whole machine (all cores): what else ran during a measurement distorts it. */
function machineBusyTicks(): number {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "")
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait.
  return fields.reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + value), 0);
}

function memoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function benchmark(students: number) {
  const dir = mkdtempSync(path.join(tmpdir(), "margin-load-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  const secret = randomBytes(32).toString("hex");
  await migrateDatabase(url);
  const db = createDb(url);
  const { classroomId, challengeId, players } = await seed(db, students);
  const tokensFile = path.join(dir, "tokens.json");
  const tokens = await Promise.all(
    players.map((p) =>
      signRealtimeToken(
        { role: "student", classroomId, challengeId, studentId: p.id, nickname: p.nickname },
        secret,
        600,
      ),
    ),
  );
  writeFileSync(tokensFile, JSON.stringify(tokens));

  let onServerLine: (line: Record<string, unknown>) => void = () => {};
  const server = run(
    "src/index.ts",
    {
      REALTIME_PORT: "0",
      REALTIME_HOST: "127.0.0.1",
      REALTIME_SECRET: secret,
      DATABASE_URL: url,
      REDIS_URL: undefined,
    },
    (line) => onServerLine(line),
  );
  let port = 0;
  port = await waitFor<number>(
    (resolve) => {
      onServerLine = (line) => {
        if (line.event === "listening") resolve(Number(line.port));
      };
      server.once("exit", (code) => {
        if (!port) throw new Error(`the server exited with code ${code} before listening`);
      });
    },
    60_000,
    "the server to listen",
  );
  const serverUrl = `http://127.0.0.1:${port}`;

  // The teacher, in this process.
  const teacher: Socket<ServerToClientEvents, ClientToServerEvents> = io(serverUrl, {
    auth: { token: await signRealtimeToken({ role: "teacher", classroomId, challengeId }, secret, 600) },
    transports: ["websocket"],
    forceNew: true,
  });
  const epoch = Date.now();
  let measureFrom = Number.POSITIVE_INFINITY;
  let measureTo = Number.POSITIVE_INFINITY;
  const latencies: number[] = [];
  let batches = 0;
  let boundariesSeen = 0;
  teacher.on("boundaries:updated", (batch) => {
    const now = Date.now();
    if (now < measureFrom || now > measureTo) return;
    batches += 1;
    boundariesSeen += batch.length;
    for (const boundary of batch) latencies.push(now - epoch - boundary.iteration);
  });
  await waitFor<void>((resolve) => teacher.once("connect", () => resolve()), 10_000, "the teacher");

  let onClientLine: (line: Record<string, unknown>) => void = () => {};
  const clientsProcess = run(
    "bench/clients.ts",
    {
      BENCH_URL: serverUrl,
      BENCH_TOKENS: tokensFile,
      BENCH_EPOCH: String(epoch),
      BENCH_SECONDS: String(SECONDS),
      BENCH_RATE: String(RATE),
    },
    (line) => onClientLine(line),
  );
  const connectStarted = Date.now();
  await waitFor<void>(
    (resolve) => {
      onClientLine = (line) => {
        if (line.event === "sending") resolve();
      };
    },
    120_000,
    "the students to connect",
  );
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  measureFrom = Date.now() + WARM_UP_MS;
  const summary = waitFor<Record<string, number>>(
    (resolve) => {
      onClientLine = (line) => {
        if (line.event === "summary") resolve(line as Record<string, number>);
      };
    },
    (SECONDS + 30) * 1000,
    "the students' summary",
  );

  await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
  const pid = server.pid as number;
  const cpuStart = cpuTicks(pid);
  const clientCpuStart = cpuTicks(clientsProcess.pid as number);
  const machineStart = machineBusyTicks();
  const selfStart = process.cpuUsage();
  const wallStart = Date.now();
  await new Promise((resolve) => setTimeout(resolve, (SECONDS - WARM_UP_MS / 1000 - 0.5) * 1000));
  measureTo = Date.now();
  const wall = (measureTo - wallStart) / 1000;
  const serverCpu = ((cpuTicks(pid) - cpuStart) / CLK_TCK / wall) * 100;
  const clientCpu = ((cpuTicks(clientsProcess.pid as number) - clientCpuStart) / CLK_TCK / wall) * 100;
  const self = process.cpuUsage(selfStart);
  const selfCpu = ((self.user + self.system) / 1e6 / wall) * 100;
  // Other processes on the machine (100 % = one core): anything well above 0 makes the run suspect.
  const otherCpu = Math.max(
    0,
    ((machineBusyTicks() - machineStart) / CLK_TCK / wall) * 100 - serverCpu - clientCpu - selfCpu,
  );
  const memory = memoryMb(pid);
  const students_ = await summary;

  teacher.close();
  const exited = new Promise((resolve) => server.once("exit", resolve));
  let flushed = false;
  let modelsWritten = 0;
  onServerLine = (line) => {
    if (line.event === "shutdown.complete") flushed = true;
    if (line.event === "persist.closed") modelsWritten = Number(line.written);
  };
  server.kill("SIGTERM");
  await exited;
  const board = await challengeLeaderboard(db, challengeId);
  const snapshots = await db.challengeSnapshot.count({ where: { challengeId } });
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  return {
    students,
    connectSeconds,
    acceptedPerSecond: (students_.ok ?? 0) / (students_.elapsed ?? SECONDS),
    sentPerSecond: (students_.sent ?? 0) / (students_.elapsed ?? SECONDS),
    refused: (students_.rateLimited ?? 0) + (students_.notLive ?? 0) + (students_.other ?? 0),
    ackP50: students_.ackP50,
    ackP99: students_.ackP99,
    teacherBatchesPerSecond: batches / wall,
    boundariesPerBatch: batches ? boundariesSeen / batches : 0,
    latencyP50: percentile(latencies, 0.5),
    latencyP99: percentile(latencies, 0.99),
    latencyMax: latencies.at(-1) ?? NaN,
    serverCpu,
    clientCpu,
    otherCpu,
    serverRssMb: memory.rss,
    serverPeakRssMb: memory.peak,
    persisted: board.filter((entry) => entry.best !== null).length,
    flushedOnSigterm: flushed,
    /** Models written by the write-behind buffer over the whole run (shutdown flush included). */
    modelsWritten,
    /** Replay snapshots per student over the whole run (students send for BENCH_SECONDS). */
    snapshotsPerStudent: snapshots / students,
  };
}

console.log(
  `realtime load: ${RATE} updates/s per student, ${SECONDS} s per run (${WARM_UP_MS / 1000} s warm-up), ` +
    "held-out 500 public + 500 private points, SQLite, one server process, students in another process",
);
const rows = [];
for (const students of STUDENT_COUNTS) {
  const result = await benchmark(students);
  rows.push(result);
  console.log(JSON.stringify(result));
}
const f = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
console.log(
  "\n| students | accepted/s | sent/s | emit→teacher p50 | p99 | max | ack p50 | ack p99 | batches/s | server CPU | client CPU | server RSS | persisted | writes/s | snapshots/student | other CPU |",
);
console.log(
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
);
for (const r of rows) {
  console.log(
    `| ${r.students} | ${f(r.acceptedPerSecond)} | ${f(r.sentPerSecond)} | ${f(r.latencyP50)} ms | ${f(r.latencyP99)} ms | ${f(r.latencyMax)} ms | ${r.ackP50} ms | ${r.ackP99} ms | ${f(r.teacherBatchesPerSecond, 1)} | ${f(r.serverCpu)} % | ${f(r.clientCpu)} % | ${f(r.serverRssMb)} MB | ${r.persisted}/${r.students} | ${f(r.modelsWritten / SECONDS)} | ${f(r.snapshotsPerStudent, 1)} | ${f(r.otherCpu)} % |`,
  );
}
process.exit(0);
