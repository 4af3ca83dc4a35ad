import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase } from "@margin/db";
import { parse } from "csv-parse/sync";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// A real SQLite file behind the real router, cookies and CSV route handlers.
const directory = mkdtempSync(join(tmpdir(), "margin-challenge-test-"));
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = "challenge-router-test-realtime-secret-0123456789";
process.env.SESSION_SECRET = "challenge-router-test-session-secret-0123456789";

const { TestBrowser } = await import("~/test-support/trpc-client");
const { errorOf, joinedStudent, teacherWithClass } = await import("~/test-support/accounts");
const { getDb } = await import("~/server/db");
const db = await import("@margin/db");
const challengeCsv = await import("~/app/api/export/challenge/[id]/route");
const progressCsv = await import("~/app/api/export/class/[code]/progress/route");

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(() => {
  vi.useRealTimers();
});

type Browser = InstanceType<typeof TestBrowser>;

/** The same public settings every time: kind, knobs, seed, sizes. */
const SETTINGS = {
  title: "Race",
  kind: "cats-vs-dogs",
  noise: 1,
  classBalance: 0.35,
  seed: 424_242,
  trainSize: 200,
  testSize: 400,
  durationMinutes: 10,
  controls: ["learningRate", "iterations"],
} as const;

async function liveChallenge(owner: { browser: Browser; code: string }) {
  const challenge = await owner.browser.call((api) =>
    api.challenge.create({ code: owner.code, ...SETTINGS, controls: [...SETTINGS.controls] }),
  );
  await owner.browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "live" }));
  return challenge;
}

/** A student in the class who has joined the challenge (the realtime service joins them on connect). */
async function participant(code: string, challengeId: string, nickname: string) {
  const student = await joinedStudent(code, nickname);
  const me = await student.browser.call((api) => api.auth.me());
  await db.joinChallenge(getDb(), { challengeId, studentId: me?.id ?? "" });
  return { ...student, id: me?.id ?? "" };
}

const get = async (
  handler: { GET: (request: Request, context: never) => Promise<Response> },
  browser: Browser,
  params: Record<string, string>,
) => {
  const response = await handler.GET(
    new Request("http://localhost/api/export", { headers: { cookie: browser.cookie ?? "" } }),
    { params: Promise.resolve(params) } as never,
  );
  expect(response.status).toBe(200);
  return parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
};

describe("a challenge's held-out points", () => {
  it("differ between two challenges with identical public settings: one model, two scores", async () => {
    const owner = await teacherWithClass();
    const [first, second] = [await liveChallenge(owner), await liveChallenge(owner)];
    const ada = await participant(owner.code, first.id, "Ada");
    await db.joinChallenge(getDb(), { challengeId: second.id, studentId: ada.id });
    const trainingOf = (id: string) =>
      ada.browser.call((api) => api.challenge.trainingData({ challengeId: id }));
    // The same training points (the teacher's seed) …
    expect(await trainingOf(first.id)).toEqual(await trainingOf(second.id));
    // … but the server scores the same model on different held-out points.
    const model = { w: [0.2, 0.5] as [number, number], b: -6 };
    const [one, two] = await Promise.all(
      [first, second].map((challenge) =>
        ada.browser.call((api) => api.challenge.pick({ challengeId: challenge.id, ...model })),
      ),
    );
    expect(one?.publicLoss).toBeGreaterThan(0);
    expect(one?.publicLoss).not.toBe(two?.publicLoss);
  });

  it("come from a secret that no response ever carries", async () => {
    const owner = await teacherWithClass();
    const challenge = await liveChallenge(owner);
    const ada = await participant(owner.code, challenge.id, "Ada");
    const secret = await db.challengeHeldOutSecret(getDb(), challenge.id);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const id = { challengeId: challenge.id };
    const responses = [
      await owner.browser.call((api) => api.challenge.state(id)),
      await owner.browser.call((api) => api.challenge.list({ code: owner.code })),
      await owner.browser.call((api) => api.challenge.leaderboard(id)),
      await ada.browser.call((api) => api.challenge.trainingData(id)),
      await ada.browser.call((api) => api.challenge.current({ code: owner.code })),
      await ada.browser.call((api) => api.challenge.pick({ ...id, w: [0.2, 0.5], b: -6 })),
      await ada.browser.call((api) => api.challenge.myPicks(id)),
      await owner.browser.call((api) => api.challenge.transition({ ...id, to: "ended" })),
      await owner.browser.call((api) => api.challenge.leaderboard(id)),
      await owner.browser.call((api) => api.challenge.replay(id)),
      await owner.browser.call((api) => api.roster.history({ code: owner.code })),
    ];
    const text = JSON.stringify(responses);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(/secret/i);
  });
});

describe("the server's clock", () => {
  it("closes picks at the deadline with a clear message, ends the challenge and reveals the board", async () => {
    const owner = await teacherWithClass();
    const challenge = await liveChallenge(owner);
    const ada = await participant(owner.code, challenge.id, "Ada");
    const id = { challengeId: challenge.id };
    await ada.browser.call((api) => api.challenge.pick({ ...id, w: [0.2, 0.5], b: -6 }));
    const state = await owner.browser.call((api) => api.challenge.state(id));
    expect(state.deadlineAt).toBeInstanceOf(Date);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime((state.deadlineAt as Date).getTime() + 1);
    const late = await errorOf(
      ada.browser.call((api) => api.challenge.pick({ ...id, w: [0.3, 0.5], b: -6 })),
    );
    expect(late).toMatchObject({ code: "CONFLICT", message: "The challenge has ended: picks are closed" });
    expect(await ada.browser.call((api) => api.challenge.state(id))).toMatchObject({
      status: "ended",
      remainingMs: 0,
      endedAt: state.deadlineAt,
    });
    const board = await owner.browser.call((api) => api.challenge.leaderboard(id));
    expect(board).toMatchObject({
      revealed: true,
      rows: [{ nickname: "Ada", usedPicks: true, privateRank: 1 }],
    });
    // "+5 min" can't bring it back.
    const extend = await errorOf(owner.browser.call((api) => api.challenge.extend({ ...id, minutes: 5 })));
    expect(extend.code).toBe("CONFLICT");
  });
});

describe("the final board", () => {
  /**
   * Four students, after the end: Grace's best public model overfits but her pick saves her; Alan and
   * Mei tie on private loss (Alan's model is better on the public points, so he ranks first); Linus never
   * submitted anything.
   */
  async function finishedRace() {
    const owner = await teacherWithClass();
    const challenge = await liveChallenge(owner);
    const students = {
      grace: await participant(owner.code, challenge.id, "Grace"),
      mei: await participant(owner.code, challenge.id, "Mei"),
      alan: await participant(owner.code, challenge.id, "Alan"),
      linus: await participant(owner.code, challenge.id, "Linus"),
    };
    const record = (studentId: string, publicLogLoss: number, privateLogLoss: number) =>
      db.recordModelUpdate(getDb(), {
        challengeId: challenge.id,
        studentId,
        model: { w: [0.2, 0.5], b: -6, standardisation: null },
        publicLogLoss,
        privateLogLoss,
        snapshot: true,
      });
    await record(students.grace.id, 0.2, 0.6);
    await db.pickModel(getDb(), {
      challengeId: challenge.id,
      studentId: students.grace.id,
      w: [0.2, 0.4],
      b: -6,
      publicLogLoss: 0.25,
      privateLogLoss: 0.3,
    });
    await record(students.mei.id, 0.28, 0.35);
    await record(students.alan.id, 0.26, 0.35);
    await owner.browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "ended" }));
    return { owner, challenge, students };
  }

  it("ranks the same in the reveal, the history, the challenge CSV, the progress grid and its CSV", async () => {
    const { owner, challenge } = await finishedRace();
    const expected = [
      ["Grace", 1],
      ["Alan", 2],
      ["Mei", 3],
      ["Linus", null],
    ];
    const reveal = await owner.browser.call((api) =>
      api.challenge.leaderboard({ challengeId: challenge.id }),
    );
    expect(reveal.rows.map((row) => [row.nickname, row.privateRank])).toEqual(expected);
    expect(reveal.rows.map((row) => row.privateLoss)).toEqual([0.3, 0.35, 0.35, null]);

    const [history] = await owner.browser.call((api) => api.roster.history({ code: owner.code }));
    expect(history?.leaderboard.map((row) => [row.nickname, row.rank])).toEqual(expected);

    const csv = await get(challengeCsv, owner.browser, { id: challenge.id });
    const ranked = csv.filter((row) => row.Student !== "Best possible model");
    expect(ranked.map((row) => [row.Student, row.Rank === "" ? null : Number(row.Rank)])).toEqual(expected);
    expect(ranked.map((row) => row["Scored by"])).toEqual([
      "pick",
      "best public model",
      "best public model",
      "",
    ]);

    const grid = await owner.browser.call((api) =>
      api.progress.classroom({ code: owner.code, lessonSlug: "cats-or-dogs" }),
    );
    const gridRank = new Map(
      grid.students.map((student) => [student.nickname, student.challenge?.rank ?? null]),
    );
    expect(expected.map(([nickname]) => [nickname, gridRank.get(nickname as string)])).toEqual(expected);

    const progress = await get(progressCsv, owner.browser, { code: owner.code });
    const csvRank = new Map(progress.map((row) => [row.Student, row["Challenge rank"]]));
    expect(expected.map(([nickname]) => [nickname, csvRank.get(nickname as string) || null])).toEqual(
      expected.map(([nickname, rank]) => [nickname, rank === null ? null : String(rank)]),
    );
  });

  it("shows the best possible loss and each student's gap to it, after the end only", async () => {
    const owner = await teacherWithClass();
    const challenge = await liveChallenge(owner);
    const ada = await participant(owner.code, challenge.id, "Ada");
    const id = { challengeId: challenge.id };
    const picked = await ada.browser.call((api) => api.challenge.pick({ ...id, w: [0.3, 0.6], b: -8 }));
    const during = await owner.browser.call((api) => api.challenge.leaderboard(id));
    expect(during.optimum).toBeNull();
    expect(during.rows.every((row) => row.gap === null && row.privateLoss === null)).toBe(true);
    await owner.browser.call((api) => api.challenge.transition({ ...id, to: "ended" }));
    const after = await owner.browser.call((api) => api.challenge.leaderboard(id));
    const [row] = after.rows;
    expect(after.optimum?.privateLoss).toBeGreaterThan(0.01);
    expect(after.optimum?.privateLoss).toBeLessThanOrEqual(row?.privateLoss ?? 0);
    expect(row?.gap).toBeCloseTo((row?.privateLoss ?? 0) - (after.optimum?.privateLoss ?? 0), 12);
    expect(after.optimum?.publicLoss).toBeLessThanOrEqual(picked.publicLoss);
  });

  it("measures improvement from the base-rate model, so a terrible first model earns nothing", async () => {
    const owner = await teacherWithClass();
    const challenge = await liveChallenge(owner);
    const honest = await participant(owner.code, challenge.id, "Honest");
    const gamer = await participant(owner.code, challenge.id, "Gamer");
    const update = (studentId: string, publicLogLoss: number) =>
      db.recordModelUpdate(getDb(), {
        challengeId: challenge.id,
        studentId,
        model: { w: [1, 1], b: 0, standardisation: null },
        publicLogLoss,
        privateLogLoss: publicLogLoss,
        snapshot: true,
      });
    await update(gamer.id, 9.5); // a deliberately awful first submission
    await update(gamer.id, 0.3);
    await update(honest.id, 0.3);
    const board = await owner.browser.call((api) =>
      api.challenge.leaderboard({ challengeId: challenge.id, mode: "improvement" }),
    );
    const improvement = new Map(board.rows.map((row) => [row.nickname, row.improvement]));
    expect(board.baseline).toBeGreaterThan(0.3);
    expect(improvement.get("Gamer")).toBeCloseTo(board.baseline - 0.3, 12);
    expect(improvement.get("Gamer")).toBe(improvement.get("Honest"));
  });
});

describe("hidden names", () => {
  it("send aliases and no nickname or student id in the board and the replay, the same aliases as the live stream", async () => {
    const owner = await teacherWithClass();
    const challenge = await liveChallenge(owner);
    const players = [
      await participant(owner.code, challenge.id, "Ravi"),
      await participant(owner.code, challenge.id, "Mei"),
    ];
    for (const [i, player] of players.entries()) {
      await db.recordModelUpdate(getDb(), {
        challengeId: challenge.id,
        studentId: player.id,
        model: { w: [0.2, 0.5], b: -6 - i, standardisation: null },
        publicLogLoss: 0.3 + i / 10,
        privateLogLoss: 0.4,
        snapshot: true,
      });
    }
    const id = { challengeId: challenge.id, hideNames: true };
    const during = await owner.browser.call((api) => api.challenge.leaderboard(id));
    await owner.browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "ended" }));
    const after = await owner.browser.call((api) => api.challenge.leaderboard(id));
    const replay = await owner.browser.call((api) => api.challenge.replay(id));
    const text = JSON.stringify([during, after, replay]);
    for (const player of players) {
      expect(text).not.toContain(player.nickname);
      expect(text).not.toContain(player.id);
    }
    const aliases = await db.challengeAliases(getDb(), challenge.id);
    expect(during.rows.map((row) => [row.studentId, row.nickname])).toEqual(
      players.map((player) => [aliases.get(player.id)?.key, aliases.get(player.id)?.name]),
    );
    expect(new Set(replay.map((snapshot) => snapshot.nickname))).toEqual(new Set(["Student 1", "Student 2"]));
    // Shown again, the names come back.
    const named = await owner.browser.call((api) => api.challenge.leaderboard({ challengeId: challenge.id }));
    expect(named.rows.map((row) => row.nickname).sort()).toEqual(["Mei", "Ravi"]);
  });
});
