import type { ChallengeStatus, ClaimsInput } from "@margin/core/protocol";
import { challengeLeaderboard, getChallenge } from "@margin/db";
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
  tokenFor,
  wait,
} from "./test-support";

// The machine's Redis and PostgreSQL (CI starts them). A test that can't reach them fails rather than skips.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
/** The shortest challenge the database accepts: the tests below wait for its clock for real. */
const DURATION_S = 10;
const model = { w: [0.5, 0.8] as [number, number], b: -9 };

/** A client that records every `challenge:status` it hears. */
interface Listener {
  client: TestClient;
  statuses: ChallengeStatus[];
}

describe("the server's clock, with two realtime processes on Redis and PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const services: ReturnType<typeof spawnService>[] = [];
  const clients: TestClient[] = [];

  async function startService() {
    const service = spawnService({
      REALTIME_PORT: "0",
      REALTIME_HOST: "127.0.0.1",
      REALTIME_SECRET: TEST_SECRET,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
    });
    services.push(service);
    return { ...service, url: await service.url };
  }
  async function listen(url: string, claims: ClaimsInput): Promise<Listener> {
    const statuses: ChallengeStatus[] = [];
    const client = await connectClient(url, await tokenFor(claims), (socket) =>
      socket.on("challenge:status", ({ status }) => statuses.push(status)),
    );
    clients.push(client);
    return { client, statuses };
  }
  const kill = (service: ReturnType<typeof spawnService>) =>
    new Promise<void>((resolve) => {
      if (service.child.exitCode !== null || service.child.signalCode !== null) return resolve();
      service.child.once("exit", () => resolve());
      service.child.kill("SIGKILL");
    });
  /** Lines in which a process says it ended `challengeId` at its deadline. */
  const endings = (challengeId: string) =>
    services
      .flatMap((service) => service.lines)
      .filter((line) => line.includes('"event":"challenge.ended_at_deadline"') && line.includes(challengeId));

  beforeAll(async () => {
    database = await createTestDatabase("postgresql");
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all(services.map(kill));
    await database?.drop();
  });

  it("ends a live challenge at its deadline once: updates refused with ENDED, every client told once", async () => {
    const [one, two] = await Promise.all([startService(), startService()]);
    const race = await seedChallenge(database.db, { players: 2, durationSeconds: DURATION_S });
    const deadline = race.challenge.deadlineAt as Date;
    const watchers = [
      await listen(one.url, race.teacherClaims),
      await listen(two.url, race.teacherClaims),
      await listen(one.url, race.studentClaims(0)),
      await listen(two.url, race.studentClaims(1)),
    ];
    const [, , ada, bob] = watchers as [Listener, Listener, Listener, Listener];
    expect((await ada.client.emitWithAck("boundary:update", { ...model, iteration: 1 })).ok).toBe(true);
    expect((await bob.client.emitWithAck("boundary:update", { ...model, iteration: 1 })).ok).toBe(true);

    await wait(Math.max(0, deadline.getTime() - Date.now()));
    // From the deadline on, on both processes, whatever the database says at this instant.
    for (const player of [ada, bob]) {
      expect(await player.client.emitWithAck("boundary:update", { ...model, iteration: 2 })).toEqual({
        ok: false,
        error: { code: "ENDED", message: "The challenge has ended: time is up" },
      });
    }
    // Every client hears it, within about a second, and only once: one transition, announced once.
    await eventually(async () => (watchers.every((w) => w.statuses.includes("ended")) ? true : undefined));
    const ended = await getChallenge(database.db, race.challenge.id);
    expect(ended).toMatchObject({ status: "ended", endedAt: deadline });
    await wait(2500); // two more rounds of both processes' clocks and status polls
    for (const watcher of watchers) {
      expect(watcher.statuses.filter((status) => status === "ended")).toHaveLength(1);
    }
    expect(endings(race.challenge.id).length).toBeLessThanOrEqual(1);
    // Nothing scored after the deadline was stored.
    const board = await challengeLeaderboard(database.db, race.challenge.id);
    expect(board.map((entry) => entry.updateCount)).toEqual([1, 1]);
  }, 180_000);

  it("ends a challenge whose deadline passed while every process was down, once, when they come back", async () => {
    const running = await Promise.all([startService(), startService()]);
    const race = await seedChallenge(database.db, { players: 1, durationSeconds: DURATION_S });
    const player = await listen(running[0]?.url ?? "", race.studentClaims(0));
    expect((await player.client.emitWithAck("boundary:update", { ...model, iteration: 1 })).ok).toBe(true);
    // Both processes die without a chance to end anything (SIGKILL: no graceful shutdown).
    await Promise.all(services.map(kill));
    const due = (race.challenge.deadlineAt as Date).getTime();
    await wait(Math.max(0, due - Date.now()) + 200);
    // Nobody was running: the database still says live, past its deadline.
    const stale = await database.db.challenge.findUniqueOrThrow({ where: { id: race.challenge.id } });
    expect(stale.status).toBe("live");

    const [again, other] = await Promise.all([startService(), startService()]);
    await eventually(async () =>
      (await database.db.challenge.findUniqueOrThrow({ where: { id: race.challenge.id } })).status === "ended"
        ? true
        : undefined,
    );
    // Ended by the processes' clocks (no client had connected yet), by exactly one of them, at the deadline.
    await eventually(async () => (endings(race.challenge.id).length > 0 ? true : undefined));
    await wait(1500); // both clocks have ticked again since
    expect(endings(race.challenge.id)).toHaveLength(1);
    expect((await getChallenge(database.db, race.challenge.id))?.endedAt).toEqual(race.challenge.deadlineAt);
    const back = await listen(again?.url ?? "", race.studentClaims(0));
    const teacher = await listen(other?.url ?? "", race.teacherClaims);
    await eventually(async () => (back.statuses[0] && teacher.statuses[0] ? true : undefined));
    expect([back.statuses, teacher.statuses]).toEqual([["ended"], ["ended"]]);
    expect(await back.client.emitWithAck("boundary:update", { ...model, iteration: 2 })).toMatchObject({
      ok: false,
      error: { code: "ENDED" },
    });
  }, 180_000);
});

describe("the deadline itself, before the database says ended", () => {
  it("refuses updates with ENDED the moment the deadline passes", async () => {
    const database = await createTestDatabase("sqlite");
    // Neither this process's clock nor a status refresh runs during the test: only the cached deadline.
    const server = await startServer({ db: database.db, statusTtlMs: 600_000, clockIntervalMs: 600_000 });
    try {
      const race = await seedChallenge(database.db, { durationSeconds: DURATION_S });
      const player = await connectClient(server.url, await tokenFor(race.studentClaims(0)));
      expect((await player.emitWithAck("boundary:update", { ...model, iteration: 1 })).ok).toBe(true);
      await wait(Math.max(0, (race.challenge.deadlineAt as Date).getTime() - Date.now()) + 20);
      expect(await player.emitWithAck("boundary:update", { ...model, iteration: 2 })).toMatchObject({
        ok: false,
        error: { code: "ENDED" },
      });
      const row = await database.db.challenge.findUniqueOrThrow({ where: { id: race.challenge.id } });
      expect(row.status).toBe("live");
      player.close();
    } finally {
      await server.close();
      await database.drop();
    }
  }, 60_000);
});
