import type { ClaimsInput, StudentBoundary } from "@margin/core/protocol";
import { challengeAliases } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectClient,
  createTestDatabase,
  eventually,
  seedChallenge,
  startServer,
  type TestClient,
  type TestServer,
  tokenFor,
} from "./test-support";

/** A client that keeps every raw frame the server sends it (engine.io messages, before any decoding). */
async function recording(url: string, claims: ClaimsInput, auth: Record<string, unknown> = {}) {
  const frames: string[] = [];
  const token = await tokenFor(claims);
  const client = await connectClient(url, undefined, (socket) => {
    socket.auth = { token, ...auth };
    socket.io.on("open", () => socket.io.engine.on("message", (data) => frames.push(String(data))));
  });
  return { client, frames };
}

describe("hidden names on a teacher's screen", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: TestServer;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    server = await startServer({ db: database.db });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
    await database?.drop();
  });

  it("sends no nickname and no student id to a connection that hides names, and switches without reconnecting", async () => {
    const race = await seedChallenge(database.db, { players: 3 });
    const secrets = race.students.flatMap((student) => [student.id, student.nickname]);
    const projector = await recording(server.url, race.teacherClaims, { hideNames: true });
    const named = await recording(server.url, race.teacherClaims);
    clients.push(projector.client, named.client);
    const [ada, bob, cy] = await Promise.all(
      [0, 1, 2].map(async (i) => connectClient(server.url, await tokenFor(race.studentClaims(i)))),
    );
    clients.push(ada as TestClient, bob as TestClient, cy as TestClient);
    const aliases = await challengeAliases(database.db, race.challenge.id);

    const seen = (frames: string[], text: string) => frames.some((frame) => frame.includes(text));
    const boundaries = new Map<string, StudentBoundary>();
    projector.client.on("boundaries:updated", (batch) => {
      for (const boundary of batch) boundaries.set(boundary.studentId, boundary);
    });
    for (const [i, player] of [ada, bob, cy].entries()) {
      const ack = await player?.emitWithAck("boundary:update", { w: [0.5, 0.8], b: -9 + i, iteration: 1 });
      expect(ack?.ok).toBe(true);
    }
    await eventually(async () => (boundaries.size === 3 ? true : undefined));
    expect([...boundaries.values()].map((b) => [b.studentId, b.nickname]).sort()).toEqual(
      [...aliases.values()].map((alias) => [alias.key, alias.name]).sort(),
    );
    const board = await projector.client.emitWithAck("leaderboard:get", undefined);
    expect(board.ok && board.data.map((row) => row.nickname).sort()).toEqual([
      "Student 1",
      "Student 2",
      "Student 3",
    ]);
    cy?.close();
    await eventually(async () => (seen(projector.frames, "student:left") ? true : undefined));
    await eventually(async () => (seen(named.frames, "student:left") ? true : undefined));

    // The named screen got the names; the projector's raw frames carry none, nor any student id.
    expect(secrets.some((secret) => seen(named.frames, secret))).toBe(true);
    for (const secret of secrets) expect(seen(projector.frames, secret)).toBe(false);

    // Showing names again, on the same connection: names come back with a fresh picture.
    const before = projector.frames.length;
    expect(await projector.client.emitWithAck("names:hide", { hidden: false })).toEqual({
      ok: true,
      data: null,
    });
    await eventually(async () =>
      seen(projector.frames.slice(before), race.students[0]?.nickname ?? "?") ? true : undefined,
    );
    // And hiding them again stops them at once.
    expect(await projector.client.emitWithAck("names:hide", { hidden: true })).toEqual({
      ok: true,
      data: null,
    });
    const hiddenAgain = projector.frames.length;
    expect((await ada?.emitWithAck("boundary:update", { w: [0.6, 0.8], b: -9, iteration: 2 }))?.ok).toBe(
      true,
    );
    await eventually(async () =>
      seen(projector.frames.slice(hiddenAgain), "boundaries:updated") ? true : undefined,
    );
    for (const secret of secrets) expect(seen(projector.frames.slice(hiddenAgain), secret)).toBe(false);
  });

  it("lets only a challenge's teacher switch names, with a well-formed request", async () => {
    const race = await seedChallenge(database.db);
    const player = await connectClient(server.url, await tokenFor(race.studentClaims(0)));
    const teacher = await connectClient(server.url, await tokenFor(race.teacherClaims));
    clients.push(player, teacher);
    expect(await player.emitWithAck("names:hide", { hidden: true })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });
    for (const bad of [{ hidden: "yes" }, { hidden: true, extra: 1 }, null]) {
      expect(await teacher.emitWithAck("names:hide", bad as never)).toMatchObject({
        ok: false,
        error: { code: "INVALID_PAYLOAD" },
      });
    }
    // A teacher can't make the server gather everyone's picture without end.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => teacher.emitWithAck("names:hide", { hidden: true })),
    );
    expect(
      answers.filter((answer) => !answer.ok && answer.error.code === "RATE_LIMITED").length,
    ).toBeGreaterThan(0);
    const token = await tokenFor(race.teacherClaims);
    await expect(
      connectClient(server.url, undefined, (socket) => {
        socket.auth = { token, hideNames: "please" };
      }),
    ).rejects.toThrow("invalid: hideNames must be true or false");
  });
});
