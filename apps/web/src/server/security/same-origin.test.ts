import { describe, expect, it } from "vitest";
import { CLIENT_PROTO_HEADER } from "../client-headers";
import { checkSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>, allowedOrigins: string[] = []) =>
  checkSameOrigin({
    method: "POST",
    headers: new Headers({ host: "class.school.test:3000", ...headers }),
    allowedOrigins,
  });

describe("checkSameOrigin", () => {
  it("accepts a mutation from the app's own origin, as the browser sends it", () => {
    expect(post({ origin: "http://class.school.test:3000", "sec-fetch-site": "same-origin" })).toEqual({
      ok: true,
    });
    expect(post({ origin: "http://class.school.test:3000" })).toEqual({ ok: true });
    expect(post({ "sec-fetch-site": "same-origin" })).toEqual({ ok: true });
  });

  it("refuses another site, a sibling subdomain, and an opaque origin", () => {
    expect(post({ origin: "http://evil.example" })).toMatchObject({ ok: false });
    expect(post({ origin: "http://evil.example", "sec-fetch-site": "cross-site" })).toMatchObject({
      ok: false,
    });
    expect(post({ "sec-fetch-site": "cross-site" })).toMatchObject({ ok: false });
    expect(post({ origin: "http://notes.school.test", "sec-fetch-site": "same-site" })).toMatchObject({
      ok: false,
    });
    expect(post({ origin: "null" })).toMatchObject({ ok: false });
    // A forged Sec-Fetch-Site can't make another origin acceptable.
    expect(post({ origin: "http://evil.example", "sec-fetch-site": "same-origin" })).toMatchObject({
      ok: false,
    });
    // Same host, other scheme or port: another origin.
    expect(post({ origin: "https://class.school.test:3000" })).toMatchObject({ ok: false });
    expect(post({ origin: "http://class.school.test:4000" })).toMatchObject({ ok: false });
  });

  it("knows the browser used HTTPS from our server's header, and accepts the configured public origins", () => {
    expect(post({ origin: "https://class.school.test:3000", [CLIENT_PROTO_HEADER]: "https" })).toEqual({
      ok: true,
    });
    expect(post({ origin: "https://margin.school.test" }, ["https://margin.school.test"])).toEqual({
      ok: true,
    });
  });

  it("lets reads through from anywhere (they change nothing) and scripts that send no browser headers", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      const headers = new Headers({ host: "class.school.test:3000", origin: "http://evil.example" });
      expect(checkSameOrigin({ method, headers, allowedOrigins: [] })).toEqual({ ok: true });
    }
    expect(post({})).toEqual({ ok: true });
  });

  it("refuses every unsafe method, not just POST", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) {
      const headers = new Headers({ host: "class.school.test:3000", origin: "http://evil.example" });
      expect(checkSameOrigin({ method, headers, allowedOrigins: [] })).toMatchObject({ ok: false });
    }
  });
});
