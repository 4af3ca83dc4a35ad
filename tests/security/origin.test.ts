import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, teacherWithClass } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

// Issue 12 row 11: "Cross-site POST (Origin: http://evil.example) of a cookie-authenticated mutation →
// accepted (only SameSite=Lax protects; same-site origins can forge)."
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

const REFUSAL = /^Refused: this change didn't come from a Margin Lab page\./;

/**
 * A request as another site's page makes the teacher's browser send it: the teacher's own cookie rides
 * along, and the browser (not the attacker) sets Origin and Sec-Fetch-Site — given here exactly.
 */
async function forge(
  teacher: HttpBrowser,
  path: string,
  browserHeaders: Record<string, string>,
  init: { method?: string; body?: string } = {},
): Promise<Response> {
  return fetch(new URL(path, app.webUrl), {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", cookie: teacher.cookieHeader(), ...browserHeaders },
    body: init.body ?? JSON.stringify({ 0: { json: { name: "Forged" } } }),
    redirect: "manual",
  });
}

async function expectRefusedWithNoEffect(teacher: HttpBrowser, response: Response) {
  expect(response.status).toBe(403);
  const body = (await response.json()) as { error: { json: { message: string; data: { code: string } } } };
  expect(body.error.json.data.code).toBe("FORBIDDEN");
  expect(body.error.json.message).toMatch(REFUSAL);
  expect(ok(await teacher.query<{ name: string }[]>("classroom.mine")).map((c) => c.name)).toEqual([
    "Year 10",
  ]);
}

describe("row 11: state-changing requests come from our own pages only", () => {
  let teacher: HttpBrowser;
  beforeAll(async () => {
    teacher = new HttpBrowser(app.webUrl);
    await teacherWithClass(teacher);
  });
  const create = "/api/trpc/classroom.create?batch=1";

  it("refuses a cookie-authenticated tRPC mutation from another site, by Origin or by Sec-Fetch-Site", async () => {
    await expectRefusedWithNoEffect(teacher, await forge(teacher, create, { origin: "http://evil.example" }));
    await expectRefusedWithNoEffect(
      teacher,
      await forge(teacher, create, { origin: "http://evil.example", "sec-fetch-site": "cross-site" }),
    );
    await expectRefusedWithNoEffect(
      teacher,
      await forge(teacher, create, { "sec-fetch-site": "cross-site" }),
    );
  });

  it("refuses a sibling subdomain or another port of our host (same-site), and an opaque origin", async () => {
    const sameSite = { origin: app.realtimeUrl, "sec-fetch-site": "same-site" };
    await expectRefusedWithNoEffect(teacher, await forge(teacher, create, sameSite));
    await expectRefusedWithNoEffect(teacher, await forge(teacher, create, { origin: app.realtimeUrl }));
    await expectRefusedWithNoEffect(teacher, await forge(teacher, create, { origin: "null" }));
    // A forged "same-origin" doesn't make another Origin acceptable.
    const lying = { origin: "http://evil.example", "sec-fetch-site": "same-origin" };
    await expectRefusedWithNoEffect(teacher, await forge(teacher, create, lying));
  });

  it("refuses every call of a forged batch, and a sign-out forced on the teacher", async () => {
    const batch = await forge(
      teacher,
      "/api/trpc/classroom.create,auth.signOut?batch=1",
      {
        origin: "http://evil.example",
      },
      { body: JSON.stringify({ 0: { json: { name: "Forged" } }, 1: { json: null } }) },
    );
    await expectRefusedWithNoEffect(teacher, batch);
    expect(ok(await teacher.query("auth.me"))).not.toBeNull();
  });

  it("refuses unsafe methods on other routes too (exports, pages)", async () => {
    for (const path of ["/api/export/school", "/teach", "/"]) {
      for (const method of ["POST", "PUT", "DELETE"]) {
        const response = await forge(teacher, path, { origin: "http://evil.example" }, { method, body: "x" });
        expect(response.status, `${method} ${path}`).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN", message: REFUSAL } });
      }
    }
  });

  it("accepts the same mutation from our own page (Origin and Sec-Fetch-Site as a browser sends them)", async () => {
    const own = await forge(teacher, create, { origin: app.webUrl, "sec-fetch-site": "same-origin" });
    expect(own.status).toBe(200);
    const names = ok(await teacher.query<{ name: string }[]>("classroom.mine")).map((c) => c.name);
    expect(names).toEqual(["Year 10", "Forged"]);
  });

  it("answers reads from anywhere: they change nothing, and CORS keeps the answer from the other site", async () => {
    const read = await fetch(new URL("/api/trpc/auth.me", app.webUrl), {
      headers: {
        cookie: teacher.cookieHeader(),
        origin: "http://evil.example",
        "sec-fetch-site": "cross-site",
      },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });
});
