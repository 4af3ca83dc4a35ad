import { describe, expect, it } from "vitest";
import { newNonce, pagePolicy } from "./csp";

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

describe("the page's Content-Security-Policy", () => {
  it("allows scripts by nonce only, and Socket.IO at the realtime URL over polling and WebSocket", () => {
    const policy = directives(
      pagePolicy({
        nonce: "abc123==",
        realtimeUrl: "http://192.168.1.20:4000/",
        https: false,
        development: false,
      }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("connect-src")).toEqual([
      "'self'",
      "http://192.168.1.20:4000",
      "ws://192.168.1.20:4000",
    ]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("uses wss: for an HTTPS realtime service, upgrades requests on HTTPS, and allows eval only in development", () => {
    const secure = directives(
      pagePolicy({ nonce: "n", realtimeUrl: "https://live.school.test", https: true, development: false }),
    );
    expect(secure.get("connect-src")).toEqual([
      "'self'",
      "https://live.school.test",
      "wss://live.school.test",
    ]);
    expect(secure.has("upgrade-insecure-requests")).toBe(true);
    const dev = directives(
      pagePolicy({ nonce: "n", realtimeUrl: "http://localhost:4000", https: false, development: true }),
    );
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => newNonce()));
    expect(nonces.size).toBe(1000);
    expect(Buffer.from([...nonces][0] ?? "", "base64")).toHaveLength(16);
  });
});
