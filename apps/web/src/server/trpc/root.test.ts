import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logLoss, seedBlobs } from "@margin/core";
import { verifyRealtimeToken } from "@margin/core/protocol";
import { migrateDatabase } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real SQLite file, migrated by the real Prisma CLI, behind the real router.
const directory = mkdtempSync(join(tmpdir(), "margin-web-test-"));
const SECRET = "web-router-test-secret-0123456789abcdef";
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = SECRET;

const { createCaller } = await import("./root");
const caller = createCaller({ db: (await import("../db")).getDb(), headers: new Headers() });

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

async function newClass() {
  return caller.classroom.create({ name: "Year 10" });
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("classroom router", () => {
  it("creates a class that can then be found by its join code in any case", async () => {
    const created = await newClass();
    const found = await caller.classroom.byCode({ code: created.joinCode.toLowerCase() });
    expect(found.id).toBe(created.id);
    expect((await caller.classroom.list()).map((classroom) => classroom.id)).toContain(created.id);
  });

  it("answers an unknown code with NOT_FOUND and a readable message", async () => {
    const error = await errorOf(caller.classroom.byCode({ code: "ZZZZZZ" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("No class has the join code ZZZZZZ");
  });

  it("refuses an empty class name as BAD_REQUEST", async () => {
    const error = await errorOf(caller.classroom.create({ name: "   " }));
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("results router", () => {
  it("stores a run with the loss the server computed, best first", async () => {
    const { joinCode: code } = await newClass();
    const good = { code, nickname: "Ada", w: [2.2233, 1.8234] as [number, number], b: -0.3127 };
    await caller.results.submit({ ...good, w: [0.1, 0.1], iterations: 10, learningRate: 0.1 });
    const saved = await caller.results.submit({ ...good, iterations: 1000, learningRate: 0.1 });
    expect(saved.logLoss).toBeCloseTo(logLoss({ w: good.w, b: good.b }, seedBlobs()), 12);
    expect(saved.accuracy).toBe(1);
    const list = await caller.results.list({ code });
    expect(list.map((result) => result.w)).toEqual([good.w, [0.1, 0.1]]);
  });

  it.each([
    ["NaN weights", { w: [Number.NaN, 1] }],
    ["infinite bias", { b: Number.POSITIVE_INFINITY }],
    ["a third weight", { w: [1, 2, 3] }],
    ["a negative learning rate", { learningRate: -1 }],
    ["an empty nickname", { nickname: "" }],
  ])("refuses %s and stores nothing", async (_label, override) => {
    const { joinCode: code } = await newClass();
    const input = { code, nickname: "Ada", w: [1, 1], b: 0, iterations: 10, learningRate: 0.1, ...override };
    const error = await errorOf(caller.results.submit(input as never));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await caller.results.list({ code })).toEqual([]);
  });

  it("refuses a result for a class that doesn't exist", async () => {
    const error = await errorOf(
      caller.results.submit({
        code: "ZZZZZZ",
        nickname: "Ada",
        w: [1, 1],
        b: 0,
        iterations: 1,
        learningRate: 0.1,
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});

describe("realtime router", () => {
  it("mints a student token the realtime service will accept, bound to that class", async () => {
    const classroom = await newClass();
    const studentId = crypto.randomUUID();
    const { token } = await caller.realtime.studentToken({
      code: classroom.joinCode,
      nickname: "Ada",
      studentId,
    });
    const verified = await verifyRealtimeToken(token, SECRET);
    expect(verified).toMatchObject({
      ok: true,
      claims: { role: "student", classroomId: classroom.id, studentId },
    });
  });

  it("mints no token for an unknown class", async () => {
    const error = await errorOf(
      caller.realtime.studentToken({ code: "ZZZZZZ", nickname: "Ada", studentId: crypto.randomUUID() }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });
});
