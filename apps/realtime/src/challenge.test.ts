import {
  type ChallengeDatasets,
  challengeTrainingData,
  evaluateSubmission,
  fitLikeSklearn,
  type Model,
  scoreSubmission,
  standardize,
} from "@margin/core";
import type { Boundary, ChallengeStatusChanged, ClaimsInput, StudentBoundary } from "@margin/core/protocol";
import { challengeLeaderboard, listChallengeSnapshots } from "@margin/db";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  connectClient,
  createTestDatabase,
  DATABASE_KINDS,
  eventually,
  seedChallenge,
  startServer,
  TEST_DATASET,
  TEST_SECRET,
  type TestClient,
  type TestServer,
  tokenFor,
  wait,
} from "./test-support";

const { scaler, train: scaledTrain } = standardize(challengeTrainingData(TEST_DATASET));
const fitted = fitLikeSklearn(scaledTrain).model;
const standardisation = {
  mean: [scaler.mean[0], scaler.mean[1]] as [number, number],
  std: [scaler.std[0], scaler.std[1]] as [number, number],
};

/** A boundary payload for `model` trained on standardised features. */
function payload(model: Model, iteration: number): Boundary {
  return { w: [model.w[0] as number, model.w[1] as number], b: model.b, iteration, standardisation };
}
const scaled = (factor: number, shift = 0): Model => ({
  w: fitted.w.map((wj) => wj * factor),
  b: fitted.b * factor + shift,
});
const publicLoss = (data: ChallengeDatasets, model: Model) =>
  scoreSubmission(model, standardisation, data.publicTest);
const privateLoss = (data: ChallengeDatasets, model: Model) =>
  scoreSubmission(model, standardisation, data.privateTest);

/** Within 1e-14 relative: doubles read back from either database may come back one ulp apart. */
function expectClose(actual: number | undefined, expected: number): void {
  expect(actual).toBeTypeOf("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-14 * Math.abs(expected));
}

describe.each(DATABASE_KINDS)("challenge mode on %s", (kind) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: TestServer;
  const clients: TestClient[] = [];

  const start = () => startServer({ db: database.db, persistIntervalMs: 100 });
  async function join(claims: ClaimsInput, url = server.url, beforeConnect?: (socket: TestClient) => void) {
    const client = await connectClient(url, await tokenFor(claims), beforeConnect);
    clients.push(client);
    return client;
  }
  function refusal(claims: ClaimsInput, ttlSeconds = 60, secret = TEST_SECRET) {
    return tokenFor(claims, secret, ttlSeconds).then((token) => connectClient(server.url, token));
  }
  /** Sends `boundary` and waits until the dashboard shows that iteration of that student. */
  async function sendAndSee(
    player: TestClient,
    dashboard: TestClient,
    studentId: string,
    boundary: Boundary,
  ) {
    const seen = new Promise<StudentBoundary>((resolve) => {
      const listener = (batch: StudentBoundary[]) => {
        const mine = batch.find((b) => b.studentId === studentId && b.iteration === boundary.iteration);
        if (mine) {
          dashboard.off("boundaries:updated", listener);
          resolve(mine);
        }
      };
      dashboard.on("boundaries:updated", listener);
    });
    const ack = await player.emitWithAck("boundary:update", boundary);
    expect(ack.ok).toBe(true);
    return seen;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    server = await start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.close();
  });

  describe("handshake", () => {
    it("refuses missing, expired and forged tokens", async () => {
      const race = await seedChallenge(database.db);
      await expect(connectClient(server.url, undefined)).rejects.toThrow("unauthorized: missing token");
      await expect(refusal(race.studentClaims(0), -5)).rejects.toThrow("unauthorized: token expired");
      await expect(
        refusal(race.studentClaims(0), 60, "forged-secret-forged-secret-0123456789"),
      ).rejects.toThrow("unauthorized: bad signature");
    });

    it("refuses a token for another class's challenge, an unknown challenge and a student of another class", async () => {
      const ours = await seedChallenge(database.db);
      const theirs = await seedChallenge(database.db);
      const crossed = { ...ours.studentClaims(0), challengeId: theirs.challenge.id } as ClaimsInput;
      await expect(refusal(crossed)).rejects.toThrow("forbidden: no such challenge in this class");
      await expect(
        refusal({ ...ours.teacherClaims, challengeId: theirs.challenge.id } as ClaimsInput),
      ).rejects.toThrow("forbidden: no such challenge in this class");
      await expect(
        refusal({ ...ours.studentClaims(0), challengeId: "no-such-challenge" } as ClaimsInput),
      ).rejects.toThrow("forbidden: no such challenge in this class");
      // Signed claims naming our class and challenge, but the student is enrolled in the other class.
      const intruder = {
        ...theirs.studentClaims(0),
        classroomId: ours.classroom.id,
        challengeId: ours.challenge.id,
      };
      await expect(refusal(intruder as ClaimsInput)).rejects.toThrow(
        "forbidden: not a student of this class",
      );
    });

    it("joins students to the challenge (idempotently) and tells them its status", async () => {
      const race = await seedChallenge(database.db);
      const statuses: ChallengeStatusChanged[] = [];
      await join(race.studentClaims(0), server.url, (socket) =>
        socket.on("challenge:status", (s) => statuses.push(s)),
      );
      await join(race.studentClaims(0));
      await eventually(async () => (statuses.length > 0 ? true : undefined));
      expect(statuses[0]).toEqual({ challengeId: race.challenge.id, status: "live" });
      const board = await challengeLeaderboard(database.db, race.challenge.id);
      expect(board.map((entry) => entry.studentId)).toEqual([race.students[0]?.id]);
    });

    it("answers /health and /ready", async () => {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true });
    });
  });

  describe("scoring", () => {
    it("scores on the public held-out set, ignoring a forged loss, and shows teachers the same", async () => {
      const race = await seedChallenge(database.db);
      const dashboard = await join(race.teacherClaims);
      const player = await join(race.studentClaims(0));
      const forged = { ...payload(fitted, 5), loss: 0.000001, privateLoss: 0 } as Boundary;
      const boundary = await sendAndSee(player, dashboard, race.students[0]?.id ?? "", forged);
      const ack = await player.emitWithAck("boundary:update", { ...forged, iteration: 6 });
      expect(ack).toEqual({ ok: true, data: { loss: publicLoss(race.data, fitted) } });
      expect(boundary).toMatchObject({ loss: publicLoss(race.data, fitted), standardisation, alerts: [] });
      expect(boundary).not.toHaveProperty("privateLoss");
    });

    it("shows the teacher each student's training settings, and refuses malformed ones", async () => {
      const race = await seedChallenge(database.db);
      const dashboard = await join(race.teacherClaims);
      const player = await join(race.studentClaims(0));
      const settings = {
        mode: "trained",
        learningRate: 0.3,
        iterations: 500,
        l2: 0.01,
        standardise: true,
      } as const;
      const seen = await sendAndSee(player, dashboard, race.students[0]?.id ?? "", {
        ...payload(fitted, 7),
        settings,
      });
      expect(seen.settings).toEqual(settings);
      const bad = await player.emitWithAck("boundary:update", {
        ...payload(fitted, 8),
        settings: { mode: "trained", learningRate: Number.POSITIVE_INFINITY },
      } as unknown as Boundary);
      expect(bad).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
      const manual = await sendAndSee(player, dashboard, race.students[0]?.id ?? "", {
        ...payload(fitted, 9),
        settings: { mode: "manual" },
      });
      expect(manual.settings).toEqual({ mode: "manual" });
    });

    it("never sends the private loss to a student or a teacher", async () => {
      const race = await seedChallenge(database.db);
      const received: unknown[] = [];
      const record = (socket: TestClient) => socket.onAny((_event, ...args) => received.push(args));
      const dashboard = await join(race.teacherClaims, server.url, record);
      const player = await join(race.studentClaims(0), server.url, record);
      const models = [scaled(0.2), scaled(1), scaled(3), scaled(-1), scaled(1, 2)];
      for (const [iteration, model] of models.entries()) {
        received.push(await player.emitWithAck("boundary:update", payload(model, iteration + 1)));
      }
      await eventually(async () =>
        dashboard.connected && received.length > models.length + 1 ? true : undefined,
      );
      await wait(100);
      received.push(await dashboard.emitWithAck("leaderboard:get", undefined));
      const numbers = new Set<number>();
      const walk = (value: unknown) => {
        if (typeof value === "number") numbers.add(value);
        else if (Array.isArray(value)) value.forEach(walk);
        else if (value && typeof value === "object") Object.values(value).forEach(walk);
      };
      walk(received);
      for (const model of models) {
        expect(numbers.has(publicLoss(race.data, model))).toBe(true);
        expect(numbers.has(privateLoss(race.data, model))).toBe(false);
      }
      expect(JSON.stringify(received)).not.toMatch(/private/i);
    });

    it("refuses a standardisation with a zero or negative std, and keeps serving", async () => {
      const race = await seedChallenge(database.db);
      const player = await join(race.studentClaims(0));
      for (const std of [
        [0, 1],
        [1, -2],
        [Number.NaN, 1],
      ]) {
        const error = new Promise((resolve) => player.once("error:raised", resolve));
        const ack = await player.emitWithAck("boundary:update", {
          ...payload(fitted, 1),
          standardisation: { mean: [0, 0], std },
        } as never);
        expect(ack).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
        await expect(error).resolves.toMatchObject({ code: "INVALID_PAYLOAD" });
      }
      expect((await player.emitWithAck("boundary:update", payload(fitted, 2))).ok).toBe(true);
    });

    it("lets only the challenge's teachers read the leaderboard", async () => {
      const race = await seedChallenge(database.db);
      const player = await join(race.studentClaims(0));
      expect(await player.emitWithAck("leaderboard:get", undefined)).toMatchObject({
        ok: false,
        error: { code: "FORBIDDEN" },
      });
      const dashboard = await join(race.teacherClaims);
      const board = await dashboard.emitWithAck("leaderboard:get", undefined);
      expect(board.ok && board.data.length).toBe(1);
    });
  });

  describe("alerts", () => {
    it("flag stuck, flipped, confidently wrong and diverging models", async () => {
      const race = await seedChallenge(database.db, { players: 4 });
      const dashboard = await join(race.teacherClaims);
      const players = await Promise.all([0, 1, 2, 3].map((i) => join(race.studentClaims(i))));
      const id = (i: number) => race.students[i]?.id ?? "";
      const send = (i: number, model: Model, iteration: number) =>
        sendAndSee(players[i] as TestClient, dashboard, id(i), payload(model, iteration));

      expect((await send(0, { w: [0, 0], b: 0 }, 50)).alerts).toEqual(["stuck-at-chance"]);
      expect((await send(0, fitted, 51)).alerts).toEqual([]);

      const flipped = await send(1, scaled(-0.5), 10);
      expect(flipped.alerts).toContain("flipped");
      expect(evaluateSubmission(scaled(-0.5), standardisation, race.data.publicTest).accuracy).toBeLessThan(
        0.5,
      );

      // Steep and a little off, still right more often than not: some public point gets p ≥ 0.99 for the
      // wrong class.
      const steepModel = scaled(10, -30);
      const truth = evaluateSubmission(steepModel, standardisation, race.data.publicTest);
      expect(truth.confidentlyWrong).toBeGreaterThan(0);
      expect(truth.accuracy).toBeGreaterThan(0.5);
      const steep = await send(2, steepModel, 10);
      expect(steep.alerts).toContain("confidently-wrong");
      expect(steep.alerts).not.toContain("flipped");

      expect((await send(3, fitted, 1)).alerts).toEqual([]);
      const worse = await send(3, scaled(1, 5), 2);
      expect(worse.loss).toBeGreaterThan(1.5 * publicLoss(race.data, fitted) + 0.05);
      expect(worse.alerts).toContain("diverging");
    });

    it("judge confidently wrong on the held-out points, not on training labels the teacher flipped", async () => {
      const dataset = { ...TEST_DATASET, noise: 0.3, labelFlips: 0.2 };
      const race = await seedChallenge(database.db, { dataset });
      const dashboard = await join(race.teacherClaims);
      const player = await join(race.studentClaims(0));
      // A steep model of the clean classes: sure of itself, and wrong on flipped training labels only.
      const { scaler: own, train: ownTrain } = standardize(race.data.train);
      const direction = fitLikeSklearn(ownTrain).model;
      const steep = { w: direction.w.map((wj) => wj * 8), b: direction.b * 8 };
      const ownStandardisation = {
        mean: [own.mean[0], own.mean[1]] as [number, number],
        std: [own.std[0], own.std[1]] as [number, number],
      };
      expect(evaluateSubmission(steep, ownStandardisation, race.data.train).confidentlyWrong).toBeGreaterThan(
        0,
      );
      expect(evaluateSubmission(steep, ownStandardisation, race.data.publicTest).confidentlyWrong).toBe(0);
      const seen = await sendAndSee(player, dashboard, race.students[0]?.id ?? "", {
        ...payload(steep, 1),
        standardisation: ownStandardisation,
      });
      expect(seen.alerts).not.toContain("confidently-wrong");
    });

    it("flag a student whose training blew up to NaN", async () => {
      const race = await seedChallenge(database.db);
      const dashboard = await join(race.teacherClaims);
      const player = await join(race.studentClaims(0));
      await sendAndSee(player, dashboard, race.students[0]?.id ?? "", payload(fitted, 1));
      const flagged = new Promise<StudentBoundary | undefined>((resolve) =>
        dashboard.on("boundaries:updated", (batch) =>
          resolve(batch.find((b) => b.alerts.includes("diverging"))),
        ),
      );
      const ack = await player.emitWithAck("boundary:update", { ...payload(fitted, 2), w: [Number.NaN, 1] });
      expect(ack).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
      expect((await flagged)?.iteration).toBe(1);
    });
  });

  describe("lifecycle", () => {
    it("stops scoring within a second of a pause and restarts on resume", async () => {
      const race = await seedChallenge(database.db);
      const statuses: string[] = [];
      const player = await join(race.studentClaims(0), server.url, (socket) =>
        socket.on("challenge:status", ({ status }) => statuses.push(status)),
      );
      let iteration = 1;
      expect((await player.emitWithAck("boundary:update", payload(fitted, iteration++))).ok).toBe(true);
      await server.handle.flushWrites();
      const countBefore = (await challengeLeaderboard(database.db, race.challenge.id))[0]?.updateCount;

      await race.go("paused");
      const pausedAt = Date.now();
      await eventually(async () => {
        const ack = await player.emitWithAck("boundary:update", payload(fitted, iteration++));
        return !ack.ok && ack.error.code === "NOT_LIVE" ? true : undefined;
      });
      expect(Date.now() - pausedAt).toBeLessThan(1500);
      for (let k = 0; k < 3; k++) {
        expect(await player.emitWithAck("boundary:update", payload(fitted, iteration++))).toMatchObject({
          ok: false,
          error: { code: "NOT_LIVE" },
        });
      }
      await server.handle.flushWrites();
      const countPaused = (await challengeLeaderboard(database.db, race.challenge.id))[0]?.updateCount;
      // At most the updates accepted in the last second before the pause was noticed (then refused by the db).
      expect(countPaused).toBe(countBefore);
      await eventually(async () => (statuses.includes("paused") ? true : undefined));

      await race.go("live");
      const resumedAt = Date.now();
      await eventually(async () => {
        const ack = await player.emitWithAck("boundary:update", payload(fitted, iteration++));
        return ack.ok ? true : undefined;
      });
      expect(Date.now() - resumedAt).toBeLessThan(1500);
      await eventually(async () => (statuses.at(-1) === "live" ? true : undefined));
    });

    it("refuses updates once ended, and newcomers can't join an ended challenge", async () => {
      const race = await seedChallenge(database.db, { players: 2 });
      const player = await join(race.studentClaims(0));
      expect((await player.emitWithAck("boundary:update", payload(fitted, 1))).ok).toBe(true);
      await race.go("ended");
      await eventually(async () => {
        const ack = await player.emitWithAck("boundary:update", payload(fitted, 2));
        return !ack.ok && ack.error.code === "ENDED" ? true : undefined;
      });
      await expect(refusal(race.studentClaims(1))).rejects.toThrow("forbidden: the challenge has ended");
      // A participant may come back (to see the reveal) but can't score.
      const again = await join(race.studentClaims(0));
      expect(await again.emitWithAck("boundary:update", payload(fitted, 3))).toMatchObject({
        ok: false,
        error: { code: "ENDED", message: "The challenge has ended: time is up" },
      });
    });

    it("persists the best model through the write-behind buffer and keeps it across a restart", async () => {
      const race = await seedChallenge(database.db);
      const studentId = race.students[0]?.id ?? "";
      let player = await join(race.studentClaims(0));
      // Best first, then worse, inside one flush interval: coalescing must not lose the best.
      const sent = [scaled(0.3), fitted, scaled(2), scaled(1, 1)];
      for (const [k, model] of sent.entries()) {
        expect((await player.emitWithAck("boundary:update", payload(model, k + 1))).ok).toBe(true);
      }
      const best = sent.reduce((a, b) => (publicLoss(race.data, b) < publicLoss(race.data, a) ? b : a));
      const stats = await server.close(); // graceful: flushes pending writes
      expect(stats?.pending).toBe(0);
      server = await start();

      const [entry] = await challengeLeaderboard(database.db, race.challenge.id);
      expect(entry?.studentId).toBe(studentId);
      expectClose(entry?.best?.publicLogLoss, publicLoss(race.data, best));
      expectClose(entry?.best?.privateLogLoss, privateLoss(race.data, best));
      const stored = entry?.best?.standardisation;
      for (const j of [0, 1] as const) {
        expectClose(stored?.mean[j], standardisation.mean[j]);
        expectClose(stored?.std[j], standardisation.std[j]);
      }
      expectClose(entry?.final?.publicLogLoss, publicLoss(race.data, sent.at(-1) as Model));
      expect((await listChallengeSnapshots(database.db, race.challenge.id)).length).toBeGreaterThanOrEqual(1);

      // The student reconnects to the new process; a worse model doesn't replace the stored best.
      player = await join(race.studentClaims(0));
      expect((await player.emitWithAck("boundary:update", payload(scaled(-1), 9))).ok).toBe(true);
      await server.handle.flushWrites();
      const [after] = await challengeLeaderboard(database.db, race.challenge.id);
      expectClose(after?.best?.publicLogLoss, publicLoss(race.data, best));
      expectClose(after?.final?.publicLogLoss, publicLoss(race.data, scaled(-1)));
    });
  });
});
