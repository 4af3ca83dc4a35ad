import { describe, expect, it } from "vitest";
import { GateFullError, WorkGate, type WorkPriority } from "./work-gate";

/** Work that finishes when the test says so. */
function deferred() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { done, finish };
}

describe("WorkGate", () => {
  it("runs at most `concurrency` at once, verifications before queued hashes", async () => {
    const gate = new WorkGate(2, 10);
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    const blockers = [deferred(), deferred()];
    const job = (name: string, priority: WorkPriority, wait?: Promise<void>) =>
      gate.run(priority, async () => {
        running += 1;
        peak = Math.max(peak, running);
        order.push(name);
        await wait;
        running -= 1;
      });
    const all = [
      job("hash 1", "hash", blockers[0]?.done),
      job("hash 2", "hash", blockers[1]?.done),
      job("hash 3", "hash"),
      job("hash 4", "hash"),
      job("sign-in", "verify"),
    ];
    expect(gate.queued).toBe(3);
    blockers[0]?.finish();
    blockers[1]?.finish();
    await Promise.all(all);
    expect(order).toEqual(["hash 1", "hash 2", "sign-in", "hash 3", "hash 4"]);
    expect(peak).toBe(2);
  });

  it("refuses at once when the queue is full, and keeps working after a job throws", async () => {
    const gate = new WorkGate(1, 1);
    const blocker = deferred();
    const first = gate.run("hash", () => blocker.done);
    const second = gate.run("hash", async () => "second");
    await expect(gate.run("hash", async () => "third")).rejects.toBeInstanceOf(GateFullError);
    blocker.finish();
    await first;
    expect(await second).toBe("second");
    await expect(gate.run("verify", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run("verify", async () => "after")).toBe("after");
  });
});
