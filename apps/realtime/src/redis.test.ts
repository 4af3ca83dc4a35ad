import { randomUUID } from "node:crypto";
import type { StudentBoundary } from "@margin/core/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectClient, startServer, student, type TestClient, teacher, tokenFor } from "./test-support";

// The machine's Redis (CI starts it). A test that can't reach it fails rather than skips.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("two realtime processes joined by Redis", () => {
  let first: Awaited<ReturnType<typeof startServer>>;
  let second: Awaited<ReturnType<typeof startServer>>;
  const clients: TestClient[] = [];
  const classroomId = `class-${randomUUID()}`;

  beforeAll(async () => {
    first = await startServer({ redisUrl });
    second = await startServer({ redisUrl });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([first?.close(), second?.close()]);
  });

  it("deliver a student's boundary on one process to the teacher on the other", async () => {
    const dashboard = await connectClient(second.url, await tokenFor(teacher(classroomId)));
    const ada = await connectClient(first.url, await tokenFor(student("s1", "Ada", classroomId)));
    clients.push(dashboard, ada);
    const batch = new Promise<StudentBoundary[]>((resolve) => dashboard.once("boundaries:updated", resolve));
    const ack = await ada.emitWithAck("boundary:update", { w: [2.2, 1.8], b: -0.3, iteration: 1000 });
    expect(ack.ok).toBe(true);
    const [boundary] = await batch;
    expect(boundary).toMatchObject({ studentId: "s1", w: [2.2, 1.8] });
  });

  it("let a teacher on either process see the same current boundaries", async () => {
    const snapshotPromises: Promise<StudentBoundary[]>[] = [];
    const listen = (client: TestClient) => {
      snapshotPromises.push(new Promise((resolve) => client.once("boundaries:updated", resolve)));
    };
    clients.push(
      await connectClient(first.url, await tokenFor(teacher(classroomId)), listen),
      await connectClient(second.url, await tokenFor(teacher(classroomId)), listen),
    );
    const snapshots = await Promise.all(snapshotPromises);
    expect(snapshots[0]).toEqual(snapshots[1]);
    expect(snapshots[0]?.map((boundary) => boundary.studentId)).toEqual(["s1"]);
  });
});
