import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startRunningApp } from "./support/running-app";

// Issue 12 row 12: "No Content-Security-Policy, no frame protection, no nosniff".
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? "").split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

function expectSharedHeaders(response: Response) {
  expect(response.headers.get("x-frame-options")).toBe("DENY");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("permissions-policy")).toContain("camera=()");
  expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
}

describe("row 12: security headers", () => {
  it.each(["/", "/signin", "/lesson/cats-or-dogs", "/teach/NOSUCH"])(
    "%s has a nonce-based CSP that forbids framing, and every script carries the nonce",
    async (path) => {
      const response = await fetch(new URL(path, app.webUrl), { redirect: "manual" });
      expectSharedHeaders(response);
      const policy = directives(response.headers.get("content-security-policy"));
      const nonce = /'nonce-([^']+)'/.exec(policy.get("script-src")?.join(" ") ?? "")?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
      expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
      expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
      expect(policy.get("object-src")).toEqual(["'none'"]);
      expect(policy.get("base-uri")).toEqual(["'none'"]);
      expect(policy.get("connect-src")).toEqual([
        "'self'",
        app.realtimeUrl,
        app.realtimeUrl.replace(/^http:/, "ws:"),
      ]);
      if (response.status === 200) {
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
        expect(scripts.length).toBeGreaterThan(0);
        for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      }
    },
  );

  it("gives every page response a fresh nonce", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const response = await fetch(new URL("/", app.webUrl));
      await response.arrayBuffer();
      nonces.add(/'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "");
    }
    expect(nonces.size).toBe(5);
  });

  it("puts the shared headers and a nothing-allowed CSP on API responses (JSON and CSV)", async () => {
    for (const path of ["/api/trpc/auth.me", "/api/export/school"]) {
      const response = await fetch(new URL(path, app.webUrl));
      await response.arrayBuffer();
      expectSharedHeaders(response);
      expect(response.headers.get("content-security-policy")).toMatch(
        /^default-src 'none'; frame-ancestors 'none'/,
      );
    }
  });

  it("sends nosniff with static files too, and no HSTS over plain HTTP", async () => {
    const page = await (await fetch(new URL("/", app.webUrl))).text();
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(page)?.[1] ?? "";
    const response = await fetch(new URL(script, app.webUrl));
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
