import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

// The harness the attack suites stand on: a real running platform spoken to over HTTP.
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

describe("the running platform", () => {
  it("signs a teacher up over HTTP and knows them on the next request by their cookie alone", async () => {
    const browser = new HttpBrowser(app.webUrl);
    const email = `harness-${Date.now()}@school.test`;
    const signedUp = await browser.mutate("auth.signUp", {
      displayName: "Ms Harness",
      schoolName: "Harness High",
      email,
      password: "correct horse battery",
    });
    expect(signedUp.ok, JSON.stringify(signedUp)).toBe(true);
    expect(await browser.query("auth.me")).toMatchObject({ ok: true, data: { email } });
    expect(await new HttpBrowser(app.webUrl).query("auth.me")).toEqual({ ok: true, data: null });
  });

  it("answers the realtime service's health check", async () => {
    const response = await fetch(`${app.realtimeUrl}/health`);
    expect(await response.json()).toEqual({ status: "ok" });
  });
});
