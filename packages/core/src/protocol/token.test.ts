import { describe, expect, it } from "vitest";
import { signRealtimeToken, verifyRealtimeToken } from "./token";

const secret = "test-secret-with-enough-entropy-0123456789";
const student = { role: "student", classroomId: "c1", studentId: "s1", nickname: "Ada" } as const;

describe("realtime tokens", () => {
  it("round-trips the claims of a fresh token", async () => {
    const token = await signRealtimeToken(student, secret, 60);
    const result = await verifyRealtimeToken(token, secret);
    expect(result.ok && result.claims).toMatchObject(student);
  });

  it("refuses a token signed with another secret", async () => {
    const token = await signRealtimeToken(student, "another-secret-another-secret-123");
    expect(await verifyRealtimeToken(token, secret)).toEqual({ ok: false, reason: "bad signature" });
  });

  it("refuses an expired token", async () => {
    const token = await signRealtimeToken(student, secret, 60, Date.now() - 120_000);
    expect(await verifyRealtimeToken(token, secret)).toEqual({ ok: false, reason: "token expired" });
  });

  it("refuses a token whose claims were edited (student promoting itself to teacher)", async () => {
    const token = await signRealtimeToken(student, secret);
    const [, signature] = token.split(".");
    const forged = btoa(JSON.stringify({ role: "teacher", classroomId: "c1", exp: 9e9 })).replace(/=+$/, "");
    expect(await verifyRealtimeToken(`${forged}.${signature}`, secret)).toEqual({
      ok: false,
      reason: "bad signature",
    });
  });

  it.each([undefined, 42, "", "abc", "a.b.c", "x".repeat(5000)])("refuses garbage %#", async (garbage) => {
    const result = await verifyRealtimeToken(garbage, secret);
    expect(result.ok).toBe(false);
  });
});
