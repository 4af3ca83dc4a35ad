import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type ChallengeDatasetSpec, type ChallengeDatasets, challengeDatasets } from "@margin/core";
import type { ClientToServerEvents, ServerToClientEvents } from "@margin/core/protocol";
import { type ClaimsInput, signRealtimeToken } from "@margin/core/protocol";
import {
  challengeHeldOutSecret,
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
import { io as connect, type Socket } from "socket.io-client";
import { createRealtimeServer, type RealtimeDeps, type RealtimeHandle } from "./app";
import { createHttpServer } from "./http";
import { silentLogger } from "./logger";

export const TEST_SECRET = "integration-test-secret-0123456789abcdef";
export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;
export type TestServer = Awaited<ReturnType<typeof startServer>>;

/** A real realtime server on an ephemeral port, with /health and /ready. */
export async function startServer(overrides: Partial<RealtimeDeps> = {}) {
  let ready = false;
  const httpServer: HttpServer = createHttpServer(() => ready);
  const handle: RealtimeHandle = await createRealtimeServer(httpServer, {
    secret: TEST_SECRET,
    corsOrigins: ["http://localhost:3000"],
    logger: silentLogger,
    flushIntervalMs: 20,
    ...overrides,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  ready = true;
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    handle,
    async close() {
      ready = false;
      const stats = await handle.close();
      httpServer.close();
      return stats;
    },
  };
}

export async function tokenFor(claims: ClaimsInput, secret = TEST_SECRET, ttlSeconds = 60): Promise<string> {
  return signRealtimeToken(claims, secret, ttlSeconds);
}

/** Connects and resolves once connected, or rejects with the server's refusal. */
export function connectClient(
  url: string,
  token: string | undefined,
  beforeConnect: (socket: TestClient) => void = () => {},
): Promise<TestClient> {
  const socket: TestClient = connect(url, {
    auth: token === undefined ? {} : { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
  beforeConnect(socket);
  socket.connect();
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function student(studentId: string, nickname = studentId, classroomId = "class-a"): ClaimsInput {
  return { role: "student", classroomId, studentId, nickname };
}

export function teacher(classroomId = "class-a"): ClaimsInput {
  return { role: "teacher", classroomId };
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value (not undefined) or `timeoutMs` passes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await wait(50);
  }
}

export type DatabaseKind = "sqlite" | "postgresql";
export const DATABASE_KINDS: DatabaseKind[] = ["sqlite", "postgresql"];

/**
 * A fresh, migrated database (real `prisma migrate deploy`): a SQLite file in a temp dir, or a
 * `margin_rt_<random>` PostgreSQL database on the machine's server. Unreachable PostgreSQL fails the run.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
): Promise<{ url: string; db: Db; drop(): Promise<void> }> {
  let url: string;
  let dropStore: () => Promise<void>;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "margin-realtime-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    dropStore = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
    const name = `margin_rt_${randomBytes(6).toString("hex")}`;
    const admin = createDb(adminUrl);
    try {
      await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.$disconnect();
    }
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    dropStore = async () => {
      const cleaner = createDb(adminUrl);
      try {
        await cleaner.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await cleaner.$disconnect();
      }
    };
  }
  await migrateDatabase(url);
  const db = createDb(url);
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await dropStore();
    },
  };
}

export const TEST_DATASET: ChallengeDatasetSpec = {
  kind: "cats-vs-dogs",
  seed: 7,
  trainSize: 120,
  publicTestSize: 100,
  privateTestSize: 100,
  noise: 0.5,
};

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export const TEST_HELD_OUT_SECRET = "7e57000000000000000000000000000000000000000000000000000000c0ffee";

/**
 * A class with its teacher, `players` enrolled students and a challenge (live unless told otherwise) whose
 * held-out secret is TEST_HELD_OUT_SECRET, so expectations are reproducible, unless `randomSecret` keeps
 * the one the app drew.
 */
export async function seedChallenge(
  db: Db,
  options: {
    players?: number;
    dataset?: ChallengeDatasetSpec;
    live?: boolean;
    randomSecret?: boolean;
    durationSeconds?: number;
  } = {},
) {
  const school = await createSchool(db, { name: unique("School") });
  const teacherUser = await createStaffUser(db, {
    schoolId: school.id,
    role: "teacher",
    email: `${unique("teacher")}@example.test`,
    displayName: "Ms Teacher",
    passwordHash: "hash:teacher",
  });
  const classroom = await createClassroom(db, { name: unique("Class"), teacherId: teacherUser.id });
  const dataset = options.dataset ?? TEST_DATASET;
  const challenge = await createChallenge(db, {
    actorId: teacherUser.id,
    classroomId: classroom.id,
    title: "Race",
    dataset,
    controls: ["learningRate", "iterations", "standardise"],
    durationSeconds: options.durationSeconds ?? 600,
  });
  const students: { id: string; nickname: string }[] = [];
  for (let i = 0; i < (options.players ?? 2); i++) {
    const nickname = `player ${i}`;
    const { student: user } = await joinClassroom(db, {
      joinCode: classroom.joinCode,
      nickname,
      pinHash: "hash:1234",
    });
    students.push({ id: user.id, nickname });
  }
  if (!options.randomSecret) {
    await db.challenge.update({ where: { id: challenge.id }, data: { heldOutSecret: TEST_HELD_OUT_SECRET } });
  }
  // The server's own view of the data (the held-out part from the challenge's secret), to check scores by.
  const data: ChallengeDatasets = challengeDatasets(
    dataset,
    (await challengeHeldOutSecret(db, challenge.id)) ?? null,
  );
  const go = (to: "live" | "paused" | "ended") =>
    transitionChallenge(db, { actorId: teacherUser.id, challengeId: challenge.id, to });
  const current = (options.live ?? true) ? await go("live") : challenge;
  const studentClaims = (index: number): ClaimsInput => {
    const player = students[index];
    if (!player) throw new Error(`no player ${index}`);
    return {
      role: "student",
      classroomId: classroom.id,
      studentId: player.id,
      nickname: player.nickname,
      challengeId: challenge.id,
    };
  };
  const teacherClaims: ClaimsInput = {
    role: "teacher",
    classroomId: classroom.id,
    challengeId: challenge.id,
  };
  return {
    classroom,
    /** As it stands after seeding (live, with its deadline, unless told otherwise). */
    challenge: current,
    students,
    dataset,
    data,
    go,
    studentClaims,
    teacherClaims,
    teacherId: teacherUser.id,
  };
}

const appDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The real service (src/index.ts) as a child process; resolves with its URL once it listens. */
export function spawnService(env: Record<string, string>): {
  child: ChildProcess;
  url: Promise<string>;
  lines: string[];
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const url = new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (line.includes('"event":"listening"')) resolve(`http://127.0.0.1:${JSON.parse(line).port}`);
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
    child.once("exit", (code) => reject(new Error(`service exited with ${code}: ${lines.join("\n")}`)));
  });
  return { child, url, lines };
}
