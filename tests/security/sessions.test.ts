import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, PASSWORD, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";
import { signedIn } from "./support/school";

// Issue 12 row 9: "auth.signOut, then reuse the cookie → still signed in; sessions can't be revoked".
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

/** A browser that sends exactly `cookie` (what an attacker copied), nothing it was given since. */
function replaying(cookie: string): HttpBrowser {
  const browser = new HttpBrowser(app.webUrl);
  const [name = "", ...value] = cookie.split("=");
  browser.cookies.set(name, value.join("="));
  return browser;
}

describe("row 9: sessions are revocable", () => {
  it("refuses a cookie replayed after signing out, and the account still signs in", async () => {
    const teacher = new HttpBrowser(app.webUrl);
    const { email } = await teacherWithClass(teacher);
    const copied = teacher.cookieHeader();
    expect(ok(await replaying(copied).query<unknown[]>("classroom.mine"))).toHaveLength(1);

    ok(await teacher.mutate("auth.signOut", null));
    const replay = replaying(copied);
    const refused = await replay.query("classroom.mine");
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED", message: "You signed out. Sign in again." },
    });
    expect(replay.cookies.size).toBe(0); // …and the server told the browser to drop it
    expect(await replaying(copied).query("auth.me")).toEqual({ ok: true, data: null });

    const again = await signedIn(app.webUrl, email);
    expect(ok(await again.query<unknown[]>("classroom.mine"))).toHaveLength(1);
  });

  it("'sign out everywhere' on one device ends the session on another", async () => {
    const laptop = new HttpBrowser(app.webUrl);
    const { email } = await teacherWithClass(laptop);
    const phone = await signedIn(app.webUrl, email);
    const sessions = ok(await laptop.query<{ current: boolean }[]>("account.sessions"));
    expect(sessions.map((s) => s.current).sort()).toEqual([false, true]);

    expect(ok(await laptop.mutate("account.signOutEverywhere", null))).toEqual({ ended: 2 });
    expect(await phone.query("classroom.mine")).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED", message: "You were signed out on every device. Sign in again." },
    });
    expect(await laptop.query("classroom.mine")).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED" },
    });
  });

  it("won't sign out another account's session by its id", async () => {
    const mine = new HttpBrowser(app.webUrl);
    await teacherWithClass(mine);
    const theirs = new HttpBrowser(app.webUrl);
    await teacherWithClass(theirs);
    const [their] = ok(await theirs.query<{ id: string }[]>("account.sessions"));
    const refused = await mine.mutate("account.signOutSession", { sessionId: their?.id });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await theirs.query("classroom.mine")).ok).toBe(true);
  });

  it("ends a student's session when the teacher resets their PIN; the new PIN rejoins", async () => {
    const teacher = new HttpBrowser(app.webUrl);
    const { code } = await teacherWithClass(teacher);
    const student = new HttpBrowser(app.webUrl);
    ok(await student.mutate("student.join", { code, nickname: "Ada" }));
    const [ada] = ok(
      await teacher.query<{ students: { studentId: string }[] }>("roster.list", { code }),
    ).students;
    const { pin } = ok(
      await teacher.mutate<{ pin: string }>("roster.resetPin", { code, studentId: ada?.studentId }),
    );
    expect(await student.mutate("realtime.studentToken", { code })).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED", message: /new PIN/ },
    });
    const rejoined = new HttpBrowser(app.webUrl);
    ok(await rejoined.mutate("student.rejoin", { code, nickname: "Ada", pin }));
    expect((await rejoined.mutate("realtime.studentToken", { code })).ok).toBe(true);
  });

  it("reads a cookie of the older signed format as signed out, and clears it", async () => {
    const old = replaying(
      "margin_session=eyJ1aWQiOiJjbTEyMyIsInJvbGUiOiJ0ZWFjaGVyIiwiZXhwIjo5OTk5OTk5OTk5fQ.c2lnbmF0dXJlLW9mLXRoZS1vbGQtZm9ybWF0",
    );
    const response = await old.fetch("/api/trpc/auth.me");
    expect(response.headers.getSetCookie()).toEqual([
      "margin_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
    ]);
    expect(await response.json()).toMatchObject({ result: { data: { json: null } } });
    const page = await replaying("margin_session=a.b").fetch("/teach");
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toBe("/signin?next=%2Fteach");
  });

  it("sets an opaque, HttpOnly, SameSite=Lax cookie, not Secure over plain HTTP", async () => {
    const browser = new HttpBrowser(app.webUrl);
    const response = await browser.fetch("/api/trpc/auth.signIn?batch=1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { json: { email: "nobody@school.test", password: PASSWORD } } }),
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    const teacher = new HttpBrowser(app.webUrl);
    const { email } = await teacherWithClass(teacher);
    const signIn = await new HttpBrowser(app.webUrl).fetch("/api/trpc/auth.signIn?batch=1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { json: { email, password: PASSWORD } } }),
    });
    expect(signIn.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^margin_session=[\w-]{43}; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Lax$/),
    ]);
  });
});

describe("cookies when the site is served over HTTPS", () => {
  // Behind a TLS-terminating proxy on this machine: only its X-Forwarded-Proto counts.
  let proxied: RunningApp;
  beforeAll(async () => {
    proxied = await startRunningApp({ TRUSTED_PROXIES: "loopback" });
  });
  afterAll(() => proxied?.stop());

  const signUpOver = (webUrl: string, headers: Record<string, string>) =>
    new HttpBrowser(webUrl, headers).fetch("/api/trpc/auth.signUp?batch=1", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        0: {
          json: {
            displayName: "Ms Secure",
            schoolName: "Secure High",
            email: `secure-${Date.now()}-${Math.random()}@school.test`,
            password: PASSWORD,
          },
        },
      }),
    });

  it("are Secure with the __Host- prefix by default (COOKIE_SECURE=auto), read over HTTPS only", async () => {
    const response = await signUpOver(proxied.webUrl, { "x-forwarded-proto": "https" });
    const [cookie = ""] = response.headers.getSetCookie();
    expect(cookie).toMatch(
      /^__Host-margin_session=[\w-]{43}; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Lax; Secure$/,
    );
    const token = /=([\w-]{43});/.exec(cookie)?.[1] ?? "";
    const overHttps = new HttpBrowser(proxied.webUrl, { "x-forwarded-proto": "https" });
    overHttps.cookies.set("__Host-margin_session", token);
    expect(ok(await overHttps.query<{ displayName: string }>("auth.me"))).toMatchObject({
      displayName: "Ms Secure",
    });
    // The same token as a plain cookie, or over plain HTTP, signs nobody in (a sibling subdomain or an
    // http:// page can plant a prefix-less cookie; only this host over HTTPS can set a __Host- one).
    const planted = new HttpBrowser(proxied.webUrl, { "x-forwarded-proto": "https" });
    planted.cookies.set("margin_session", token);
    expect(await planted.query("auth.me")).toEqual({ ok: true, data: null });
    const downgraded = new HttpBrowser(proxied.webUrl);
    downgraded.cookies.set("__Host-margin_session", token);
    expect(await downgraded.query("auth.me")).toEqual({ ok: true, data: null });
  });

  it("aren't made Secure by a client that only claims HTTPS", async () => {
    // The platform in `app` trusts no proxy: these headers come from the client and count for nothing.
    const claimed = { "x-forwarded-proto": "https", "x-margin-client-proto": "https" };
    const [cookie = ""] = (await signUpOver(app.webUrl, claimed)).headers.getSetCookie();
    expect(cookie).toMatch(/^margin_session=[\w-]{43}; Path=\/; Max-Age=1209600; HttpOnly; SameSite=Lax$/);
  });
});
