import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildPlan, grade } from "./grader";
import { acceptSandboxMessage, type SandboxRequest } from "./protocol";
import { runInSandbox, type SandboxWorker, timeoutMessage } from "./run-sandbox";
import { toRawValue } from "./sandbox-runtime";

type Listener = (event: { data?: unknown; message?: string }) => void;

function fakeWorker() {
  const listeners: Record<string, Listener[]> = { message: [], error: [] };
  const worker = {
    sent: [] as SandboxRequest[],
    terminated: false,
    postMessage(message: SandboxRequest) {
      worker.sent.push(message);
    },
    terminate() {
      worker.terminated = true;
    },
    addEventListener(type: string, listener: Listener) {
      listeners[type]?.push(listener);
    },
    emit(data: unknown) {
      for (const listener of listeners.message ?? []) listener({ data });
    },
  };
  return worker;
}

const request = (calls = buildPlan(7).calls): SandboxRequest => ({ nonce: "n-1", code: "", calls });

describe("the sandbox runner", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("terminates a worker that does not answer within the limit (an infinite loop)", async () => {
    const worker = fakeWorker();
    const outcome = runInSandbox(request(), () => worker as unknown as SandboxWorker, 3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(worker.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toEqual({ kind: "timeout", limitMs: 3000 });
    expect(worker.terminated).toBe(true);
    expect(timeoutMessage(3000)).toBe("Your code ran for more than 3 s — is there an infinite loop?");
  });

  it("ignores a spoofed pass, other nonces and partial answers, then accepts the real one", async () => {
    const worker = fakeWorker();
    const req = request([{ id: "sigmoid-zero", fn: "sigmoid", args: [0] }]);
    const outcome = runInSandbox(req, () => worker as unknown as SandboxWorker, 3000);
    worker.emit({ pass: true });
    worker.emit({ type: "outputs", nonce: "guess", outputs: [{ id: "sigmoid-zero", ok: true, value: 0.5 }] });
    worker.emit({ type: "outputs", nonce: "n-1", outputs: [] });
    worker.emit({ type: "verdict", nonce: "n-1", passed: true });
    expect(worker.terminated).toBe(false);
    worker.emit({ type: "outputs", nonce: "n-1", outputs: [{ id: "sigmoid-zero", ok: true, value: 0.5 }] });
    expect(await outcome).toEqual({
      kind: "outputs",
      outputs: [{ id: "sigmoid-zero", ok: true, value: 0.5 }],
    });
    expect(worker.terminated).toBe(true);
  });
});

describe("flattening a student's output", () => {
  it("keeps NaN and Infinity, copies typed arrays and describes what it cannot send", () => {
    expect(toRawValue({ dw: new Float64Array([1, Number.NaN]), db: Number.POSITIVE_INFINITY })).toEqual({
      dw: [1, Number.NaN],
      db: Number.POSITIVE_INFINITY,
    });
    expect(toRawValue(undefined)).toBe("<undefined>");
    expect(toRawValue(() => 1)).toBe("<function>");
  });

  it("caps a huge return value", () => {
    const huge = Array.from({ length: 5000 }, () => Array.from({ length: 5000 }, () => 1));
    expect(JSON.stringify(toRawValue(huge)).length).toBeLessThan(200_000);
  });
});

describe("sandbox message validation", () => {
  const req = request([
    { id: "a", fn: "sigmoid", args: [0] },
    { id: "b", fn: "sigmoid", args: [1] },
  ]);

  it("accepts NaN and Infinity as raw outputs (the grader judges them)", () => {
    const message = {
      type: "outputs",
      nonce: "n-1",
      outputs: [
        { id: "a", ok: true, value: Number.NaN },
        { id: "b", ok: true, value: [Number.POSITIVE_INFINITY] },
      ],
    };
    expect(acceptSandboxMessage(message, req)).not.toBeNull();
  });

  it("refuses duplicated or unknown ids, oversized errors and extra verdict fields", () => {
    const out = (id: string) => ({ id, ok: true, value: 1 });
    expect(
      acceptSandboxMessage({ type: "outputs", nonce: "n-1", outputs: [out("a"), out("a")] }, req),
    ).toBeNull();
    expect(
      acceptSandboxMessage({ type: "outputs", nonce: "n-1", outputs: [out("a"), out("c")] }, req),
    ).toBeNull();
    expect(
      acceptSandboxMessage(
        {
          type: "outputs",
          nonce: "n-1",
          outputs: [out("a"), { id: "b", ok: false, error: "x".repeat(501) }],
        },
        req,
      ),
    ).toBeNull();
    const spoof = acceptSandboxMessage(
      { type: "outputs", nonce: "n-1", outputs: [out("a"), out("b")], passed: true, checks: [] },
      req,
    );
    expect(spoof).not.toHaveProperty("passed");
  });

  it("never turns a student's claimed pass into a passing verdict", () => {
    const plan = buildPlan(3);
    const outputs = plan.calls.map((call) => ({ id: call.id, ok: true as const, value: { pass: true } }));
    const verdict = grade(plan, outputs);
    expect(verdict.passed).toBe(false);
    expect(verdict.checks.every((check) => !check.passed)).toBe(true);
  });
});
