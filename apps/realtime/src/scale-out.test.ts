import { scoreSubmission } from "@margin/core";
import type { PublicLeaderboardRow, StudentBoundary } from "@margin/core/protocol";
import { challengeLeaderboard } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectClient,
  createTestDatabase,
  eventually,
  seedChallenge,
  spawnService,
  startServer,
  TEST_SECRET,
  type TestClient,
  type TestServer,
  tokenFor,
} from "./test-support";

// The machine's Redis and PostgreSQL (CI starts them). A test that can't reach them fails rather than skips.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("two realtime processes joined by Redis, sharing PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let race: Awaited<ReturnType<typeof seedChallenge>>;
  let service: ReturnType<typeof spawnService>;
  let childUrl: string;
  let local: TestServer;
  const clients: TestClient[] = [];
  const join = async (url: string, claims: Parameters<typeof tokenFor>[0]) => {
    const client = await connectClient(url, await tokenFor(claims));
    clients.push(client);
    return client;
  };
  const seen = (dashboard: TestClient, studentId: string) =>
    new Promise<StudentBoundary>((resolve) => {
      dashboard.on("boundaries:updated", (batch) => {
        const mine = batch.find((boundary) => boundary.studentId === studentId);
        if (mine) resolve(mine);
      });
    });

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
    race = await seedChallenge(database.db, { players: 2 });
    service = spawnService({
      REALTIME_PORT: "0",
      REALTIME_HOST: "127.0.0.1",
      REALTIME_SECRET: TEST_SECRET,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
    });
    childUrl = await service.url;
    local = await startServer({ redisUrl, db: database.db, persistIntervalMs: 100 });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    if (service?.child.exitCode === null) service.child.kill("SIGKILL");
    await local?.close();
    await database?.drop();
  });

  it("deliver each student's update to the teacher on the other process", async () => {
    const [ada, bob] = race.students;
    const teacherHere = await join(local.url, race.teacherClaims);
    const teacherThere = await join(childUrl, race.teacherClaims);
    const adaThere = await join(childUrl, race.studentClaims(0));
    const bobHere = await join(local.url, race.studentClaims(1));

    const adaSeen = seen(teacherHere, ada?.id ?? "");
    const bobSeen = seen(teacherThere, bob?.id ?? "");
    const adaModel = { w: [0.5, 0.8] as [number, number], b: -9, iteration: 1 };
    const bobModel = { w: [0.4, 0.6] as [number, number], b: -7, iteration: 1 };
    expect((await adaThere.emitWithAck("boundary:update", adaModel)).ok).toBe(true);
    expect((await bobHere.emitWithAck("boundary:update", bobModel)).ok).toBe(true);
    expect(await adaSeen).toMatchObject({
      w: adaModel.w,
      loss: scoreSubmission(adaModel, null, race.data.publicTest),
    });
    expect(await bobSeen).toMatchObject({
      w: bobModel.w,
      loss: scoreSubmission(bobModel, null, race.data.publicTest),
    });
  });

  it("show the same leaderboard from both processes", async () => {
    const teacherHere = await join(local.url, race.teacherClaims);
    const teacherThere = await join(childUrl, race.teacherClaims);
    const read = async (client: TestClient) => {
      const result = await client.emitWithAck("leaderboard:get", undefined);
      if (result.ok) return result.data;
      if (result.error.code !== "RATE_LIMITED") throw new Error(result.error.message);
      return null; // polled faster than the per-socket budget: try again
    };
    const complete = (rows: PublicLeaderboardRow[] | null): rows is PublicLeaderboardRow[] =>
      rows?.every((row) => row.bestPublicLoss !== null) === true;
    const boards = await eventually(async () => {
      const [here, there] = await Promise.all([read(teacherHere), read(teacherThere)]);
      return complete(here) && complete(there) ? [here, there] : undefined;
    });
    expect(boards[0]).toHaveLength(2);
    expect(boards[0]).toEqual(boards[1]);
  });

  it("flush on SIGTERM, so a restart loses no best score", async () => {
    const adaThere = clients[2] as TestClient;
    const better = { w: [0.55, 0.85] as [number, number], b: -10, iteration: 2 };
    const ack = await adaThere.emitWithAck("boundary:update", better);
    expect(ack.ok).toBe(true);
    const exited = new Promise<number | null>((resolve) => service.child.once("exit", resolve));
    service.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(service.lines.some((line) => line.includes('"event":"shutdown.complete"'))).toBe(true);
    expect(service.lines.join("\n")).not.toContain(TEST_SECRET);
    const board = await challengeLeaderboard(database.db, race.challenge.id);
    const ada = board.find((entry) => entry.studentId === race.students[0]?.id);
    const expected = Math.min(
      scoreSubmission(better, null, race.data.publicTest),
      ack.ok ? ack.data.loss : Infinity,
    );
    expect(Math.abs((ada?.best?.publicLogLoss ?? Number.NaN) - expected)).toBeLessThanOrEqual(
      1e-14 * expected,
    );
    expect(
      Math.abs(
        (ada?.final?.publicLogLoss ?? Number.NaN) - scoreSubmission(better, null, race.data.publicTest),
      ),
    ).toBeLessThanOrEqual(1e-14);
  });
});
