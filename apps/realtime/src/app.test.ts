import { accuracy, logLoss, seedBlobs } from "@margin/core";
import type { StudentBoundary } from "@margin/core/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectClient, startServer, student, type TestClient, teacher, tokenFor } from "./test-support";

let server: Awaited<ReturnType<typeof startServer>>;
const clients: TestClient[] = [];
const data = seedBlobs();

async function join(claims: Parameters<typeof tokenFor>[0]): Promise<TestClient> {
  const client = await connectClient(server.url, await tokenFor(claims));
  clients.push(client);
  return client;
}

function nextBatch(client: TestClient): Promise<StudentBoundary[]> {
  return new Promise((resolve) => client.once("boundaries:updated", resolve));
}

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.close();
});

describe("handshake", () => {
  it("refuses a connection without a token", async () => {
    await expect(connectClient(server.url, undefined)).rejects.toThrow("unauthorized: missing token");
  });

  it("refuses a token signed with the wrong secret", async () => {
    const forged = await tokenFor(student("s1"), "not-the-server-secret-0123456789abcdef");
    await expect(connectClient(server.url, forged)).rejects.toThrow("unauthorized: bad signature");
  });
});

describe("boundary updates", () => {
  it("reach the class's teacher scored by the server, ignoring a forged loss", async () => {
    const dashboard = await join(teacher());
    const ada = await join(student("s1", "Ada"));
    const batch = nextBatch(dashboard);
    const ack = await ada.emitWithAck("boundary:update", {
      w: [1, 1],
      b: 0,
      iteration: 3,
      loss: 0.000001,
    } as never);
    const expected = logLoss({ w: [1, 1], b: 0 }, data);
    expect(ack).toEqual({
      ok: true,
      data: { loss: expected, accuracy: accuracy({ w: [1, 1], b: 0 }, data) },
    });
    const [boundary] = await batch;
    expect(boundary).toMatchObject({ studentId: "s1", nickname: "Ada", w: [1, 1], b: 0, loss: expected });
  });

  it("never reach another class's teacher", async () => {
    const otherDashboard = await join(teacher("class-b"));
    const ownDashboard = await join(teacher("class-a"));
    let leaked = false;
    otherDashboard.on("boundaries:updated", () => {
      leaked = true;
    });
    const ada = await join(student("s1"));
    const batch = nextBatch(ownDashboard);
    await ada.emitWithAck("boundary:update", { w: [1, 2], b: 0.5, iteration: 1 });
    await batch;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(leaked).toBe(false);
  });

  it("are batched: many updates from many students arrive as few messages", async () => {
    const dashboard = await join(teacher());
    const students = await Promise.all(["a", "b", "c"].map((id) => join(student(id))));
    let messages = 0;
    const seen = new Map<string, StudentBoundary>();
    dashboard.on("boundaries:updated", (batch) => {
      messages += 1;
      for (const boundary of batch) seen.set(boundary.studentId, boundary);
    });
    for (let iteration = 1; iteration <= 5; iteration += 1) {
      await Promise.all(
        students.map((socket) =>
          socket.emitWithAck("boundary:update", { w: [iteration, 1], b: 0, iteration }),
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(seen.size).toBe(3);
    expect([...seen.values()].every((boundary) => boundary.iteration === 5)).toBe(true);
    expect(messages).toBeLessThan(15);
  });

  it("give a late-joining teacher the current boundaries at once", async () => {
    const ada = await join(student("s1", "Ada"));
    await ada.emitWithAck("boundary:update", { w: [2, 2], b: -0.3, iteration: 10 });
    let snapshot: Promise<StudentBoundary[]> = Promise.resolve([]);
    const dashboard = await connectClient(server.url, await tokenFor(teacher()), (socket) => {
      snapshot = nextBatch(socket);
    });
    clients.push(dashboard);
    expect((await snapshot).map((boundary) => boundary.studentId)).toEqual(["s1"]);
  });

  it.each([
    ["NaN (sent as null)", { w: [Number.NaN, 1], b: 0, iteration: 1 }],
    ["a string weight", { w: ["1", 1], b: 0, iteration: 1 }],
    ["a huge array", { w: Array.from({ length: 1000 }, () => 1), b: 0, iteration: 1 }],
    ["an absurd bias", { w: [1, 1], b: 1e300, iteration: 1 }],
    ["no payload", undefined],
  ])("refuse %s with an error event and keep serving", async (_label, payload) => {
    const ada = await join(student("s1"));
    const errorEvent = new Promise((resolve) => ada.once("error:raised", resolve));
    const ack = await ada.emitWithAck("boundary:update", payload as never);
    expect(ack).toMatchObject({ ok: false, error: { code: "INVALID_PAYLOAD" } });
    await expect(errorEvent).resolves.toMatchObject({ code: "INVALID_PAYLOAD" });
    const good = await ada.emitWithAck("boundary:update", { w: [1, 1], b: 0, iteration: 2 });
    expect(good.ok).toBe(true);
  });

  it("refuse feature crosses in free practice, naming them, and keep serving", async () => {
    const ada = await join(student("s1"));
    const ack = await ada.emitWithAck("boundary:update", {
      w: [1, 1, 0.5],
      b: 0,
      features: ["x1", "x2", "x1x2"],
      iteration: 1,
    });
    expect(ack).toEqual({
      ok: false,
      error: { code: "FEATURE_NOT_ALLOWED", message: "x₁x₂ isn't allowed in free practice: use x₁, x₂" },
    });
    const spelledOut = await ada.emitWithAck("boundary:update", {
      w: [1, 1],
      b: 0,
      features: ["x1", "x2"],
      iteration: 2,
    });
    expect(spelledOut.ok).toBe(true);
  });

  it("drop updates beyond the rate limit instead of queueing them", async () => {
    const ada = await join(student("s1"));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, iteration) =>
        ada.emitWithAck("boundary:update", { w: [1, 1], b: 0, iteration }),
      ),
    );
    const accepted = results.filter((result) => result.ok).length;
    const limited = results.filter((result) => !result.ok && result.error.code === "RATE_LIMITED").length;
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(accepted).toBeLessThan(25);
    expect(limited).toBe(40 - accepted);
  });

  it("tell the teacher when a student leaves", async () => {
    const dashboard = await join(teacher());
    const ada = await join(student("s1"));
    const left = new Promise((resolve) => dashboard.once("student:left", resolve));
    ada.close();
    await expect(left).resolves.toEqual({ studentId: "s1" });
  });
});
