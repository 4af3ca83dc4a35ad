/**
 * Issue 13's attacks on a live challenge, against the running platform over HTTP and real sockets:
 * rebuilding the held-out points from the training points (the student who predicted their own private
 * loss to 4 decimals), and reading names off a projector that hides them.
 */
import {
  bestAchievableModel,
  CHALLENGE_DATASET_KINDS,
  type ChallengeDatasetSpec,
  challengeDatasets,
  challengeTrainingData,
  scoreSubmission,
} from "@margin/core";
import type { ClientToServerEvents, ServerToClientEvents } from "@margin/core/protocol";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: RunningApp;
const sockets: Client[] = [];
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await app?.stop();
});

/** The form's settings, with a seed from the form's "New seed" range (0 to 10⁶). */
const FORM = {
  title: "Cats or dogs: lowest log loss wins",
  kind: "cats-vs-dogs" as const,
  noise: 1,
  classBalance: 0.35,
  labelFlips: 0,
  outliers: 0,
  seed: 617_289,
  trainSize: 200,
  testSize: 400,
  durationMinutes: 10,
  controls: ["learningRate", "iterations"],
};

async function teacherWithLiveChallenge() {
  const teacher = new HttpBrowser(app.webUrl);
  const { code } = await teacherWithClass(teacher);
  const challenge = ok(await teacher.mutate<{ id: string }>("challenge.create", { code, ...FORM }));
  ok(await teacher.mutate("challenge.transition", { challengeId: challenge.id, to: "live" }));
  return { teacher, code, challengeId: challenge.id };
}

/** A socket to the realtime service with a token from the web app, as the pages open it. */
async function connect(browser: HttpBrowser, challengeId: string, auth: Record<string, unknown> = {}) {
  const { token, url } = ok(
    await browser.mutate<{ token: string; url: string }>("challenge.realtimeToken", { challengeId }),
  );
  const frames: string[] = [];
  const socket: Client = io(url, {
    auth: { token, ...auth },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
    extraHeaders: { origin: app.webUrl },
  });
  socket.io.on("open", () => socket.io.engine.on("message", (data) => frames.push(String(data))));
  sockets.push(socket);
  socket.connect();
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, frames };
}

async function student(code: string, challengeId: string, nickname: string) {
  const browser = new HttpBrowser(app.webUrl);
  ok(await browser.mutate("student.join", { code, nickname }));
  const { socket } = await connect(browser, challengeId); // the realtime service enrols them
  return { browser, socket };
}

describe("rebuilding the held-out points from the training points", () => {
  it("finds the teacher's seed and the training points, but the held-out points it rebuilds are not the server's", async () => {
    const { teacher, code, challengeId } = await teacherWithLiveChallenge();
    const attacker = await student(code, challengeId, "Mallory");
    const id = { challengeId };

    // What the attacker sees: the training points and the knobs (the kind, the overlap, the share of dogs).
    const training = ok(
      await attacker.browser.query<{ x: number[]; y: number[] }>("challenge.trainingData", id),
    );
    const state = ok(
      await attacker.browser.query<{ kind: string; knobs: Record<string, number> }>("challenge.state", id),
    );
    expect(CHALLENGE_DATASET_KINDS).toContain(state.kind);
    const guess = (seed: number): ChallengeDatasetSpec => ({
      kind: state.kind as ChallengeDatasetSpec["kind"],
      seed,
      trainSize: training.y.length,
      // The form's held-out split (400 points, half each board): the attacker assumes the defaults.
      publicTestSize: 200,
      privateTestSize: 200,
      noise: state.knobs.noise ?? 0,
      classBalance: state.knobs.classBalance,
      labelFlips: state.knobs.labelFlips,
      outliers: state.knobs.outliers,
    });
    // The attacker searched all 10⁶ seeds in 8–24 s; a window around the seed keeps this test short
    // without changing what it shows: the seed is findable, and the training points follow from it.
    let found: number | null = null;
    for (let seed = FORM.seed - 3000; seed <= FORM.seed + 3000 && found === null; seed++) {
      const x = challengeTrainingData(guess(seed)).x;
      if (
        x[0] === training.x[0] &&
        x[1] === training.x[1] &&
        x.every((value, i) => value === training.x[i])
      ) {
        found = seed;
      }
    }
    expect(found).toBe(FORM.seed);
    const spec = guess(found as number);

    // The old layout rebuilt the held-out points from the seed; the attacker tries it, and fits the
    // "private" points to predict (and win) the private board.
    const rebuilt = challengeDatasets(spec, null);
    const cheat = bestAchievableModel(rebuilt.privateTest).model;
    const predicted = {
      publicLoss: scoreSubmission(cheat, null, rebuilt.publicTest),
      privateLoss: scoreSubmission(cheat, null, rebuilt.privateTest),
    };
    const w = [cheat.w[0] as number, cheat.w[1] as number];
    const picked = ok(
      await attacker.browser.mutate<{ publicLoss: number }>("challenge.pick", { ...id, w, b: cheat.b }),
    );
    // The server's public loss of that model is not the one the rebuilt points predict …
    expect(Math.abs(picked.publicLoss - predicted.publicLoss)).toBeGreaterThan(1e-3);
    ok(await teacher.mutate("challenge.transition", { challengeId, to: "ended" }));
    const board = ok(
      await teacher.query<{
        rows: { nickname: string; privateLoss: number | null }[];
        optimum: { privateLoss: number };
      }>("challenge.leaderboard", id),
    );
    const revealed = board.rows.find((row) => row.nickname === "Mallory")?.privateLoss ?? Number.NaN;
    // … nor is the private loss revealed at the end (the attacker matched it to 4 decimals) …
    expect(Math.abs(revealed - predicted.privateLoss)).toBeGreaterThan(1e-3);
    // … and the "perfect" model fitted on the rebuilt private points is not the best possible on the real ones.
    expect(revealed).toBeGreaterThan(board.optimum.privateLoss);
  });
});

describe("hiding names on the projector", () => {
  it("sends no nickname and no student id in the board's and the replay's raw HTTP responses, or the socket's raw frames", async () => {
    const { teacher, code, challengeId } = await teacherWithLiveChallenge();
    const projector = await connect(teacher, challengeId, { hideNames: true });
    const players = [await student(code, challengeId, "Ravi"), await student(code, challengeId, "Mei")];
    const ids = await Promise.all(
      players.map(async (player) => ok(await player.browser.query<{ id: string }>("auth.me")).id),
    );
    const boundaries = new Promise<void>((resolve) => {
      let seen = 0;
      projector.socket.on("boundaries:updated", (batch) => {
        seen += batch.length;
        if (seen >= 2) resolve();
      });
    });
    for (const [i, player] of players.entries()) {
      const ack = await player.socket.emitWithAck("boundary:update", {
        w: [0.4, 0.9],
        b: -10 + i,
        iteration: 1,
      });
      expect(ack.ok).toBe(true);
    }
    await boundaries;
    ok(await teacher.mutate("challenge.transition", { challengeId, to: "ended" }));
    const raw = async (path: string, input: unknown) => {
      const encoded = encodeURIComponent(JSON.stringify({ 0: { json: input } }));
      const response = await teacher.fetch(`/api/trpc/${path}?batch=1&input=${encoded}`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const hidden = [
      await raw("challenge.leaderboard", { challengeId, hideNames: true }),
      await raw("challenge.replay", { challengeId, hideNames: true }),
      ...projector.frames,
    ];
    expect(hidden.join("\n")).toContain("Student 1");
    for (const secret of ["Ravi", "Mei", ...ids]) {
      for (const text of hidden) expect(text).not.toContain(secret);
    }
    // The same teacher, names shown: they are there.
    expect(await raw("challenge.leaderboard", { challengeId })).toContain("Ravi");
  });
});
