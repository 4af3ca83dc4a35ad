/**
 * Issue 12 row 2 on a platform with the default setting (TRUSTED_PROXIES unset): the client's address is
 * the socket's peer, so headers a client makes up can't move it to a fresh count.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, PASSWORD, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

describe("row 2: a made-up X-Forwarded-For", () => {
  it("doesn't reset the count when no proxy is trusted; other accounts from the address still sign in", async () => {
    const { email } = await teacherWithClass(new HttpBrowser(app.webUrl));
    const guesser = new HttpBrowser(app.webUrl);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await guesser.mutate(
        "auth.signIn",
        { email, password: `wrong guess ${attempt}` },
        { headers: { "x-forwarded-for": `198.51.100.${attempt}` } },
      );
      expect(wrong).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    }
    // Neither a new X-Forwarded-For nor a copy of the server's own client-address header gets through.
    const forgeries: Record<string, string>[] = [
      { "x-forwarded-for": "198.51.100.77" },
      { "x-margin-client-address": "198.51.100.78" },
      { "x-forwarded-for": "198.51.100.79", "x-margin-client-address": "198.51.100.79" },
    ];
    for (const headers of forgeries) {
      const forged = await guesser.mutate("auth.signIn", { email, password: PASSWORD }, { headers });
      expect(forged).toMatchObject({ ok: false, error: { code: "TOO_MANY_REQUESTS" } });
    }

    // The lock is on this email from this address, not on the address: a colleague signs in.
    const colleague = new HttpBrowser(app.webUrl);
    const { email: colleagueEmail } = await teacherWithClass(colleague);
    ok(
      await new HttpBrowser(app.webUrl).mutate("auth.signIn", { email: colleagueEmail, password: PASSWORD }),
    );
  });
});
