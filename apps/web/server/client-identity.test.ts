import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { compileTrustedProxies, stampClientHeaders } from "./client-identity";
import { readServerEnv } from "./env";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real HTTP server that stamps the client headers and answers with what the app would see. */
async function serve(trustedProxies: string): Promise<string> {
  const trust = compileTrustedProxies(readServerEnv({ TRUSTED_PROXIES: trustedProxies }).TRUSTED_PROXIES);
  server = createServer((request, response) => {
    stampClientHeaders(request, trust);
    response.end(
      JSON.stringify({
        address: request.headers["x-margin-client-address"],
        proto: request.headers["x-margin-client-proto"],
      }),
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const seen = async (url: string, headers: Record<string, string> = {}) =>
  (await fetch(url, { headers })).json();

describe("the client's address and protocol", () => {
  it("come from the socket when no proxy is trusted, whatever the client claims", async () => {
    const url = await serve("");
    expect(await seen(url)).toEqual({ address: "127.0.0.1", proto: "http" });
    expect(
      await seen(url, {
        "x-forwarded-for": "198.51.100.1",
        "x-forwarded-proto": "https",
        "x-margin-client-address": "198.51.100.2",
        "x-margin-client-proto": "https",
      }),
    ).toEqual({ address: "127.0.0.1", proto: "http" });
  });

  it("come from X-Forwarded-* when the peer is a trusted proxy, up to the first untrusted hop", async () => {
    const url = await serve("loopback");
    expect(await seen(url, { "x-forwarded-for": "198.51.100.1", "x-forwarded-proto": "https" })).toEqual({
      address: "198.51.100.1",
      proto: "https",
    });
    // The client made up the first entry; our proxy (loopback) appended the address it saw.
    expect(await seen(url, { "x-forwarded-for": "203.0.113.9, 198.51.100.1" })).toEqual({
      address: "198.51.100.1",
      proto: "http",
    });
    expect(await seen(url, { "x-margin-client-address": "203.0.113.9" })).toEqual({
      address: "127.0.0.1",
      proto: "http",
    });
  });
});

describe("TRUSTED_PROXIES", () => {
  it("accepts proxy-addr's names, addresses and CIDR ranges, comma-separated", () => {
    expect(readServerEnv({ TRUSTED_PROXIES: " loopback, 10.0.0.0/8 ,fd00::1" }).TRUSTED_PROXIES).toEqual([
      "loopback",
      "10.0.0.0/8",
      "fd00::1",
    ]);
    expect(readServerEnv({}).TRUSTED_PROXIES).toEqual([]);
  });

  it("refuses anything else with the variable's name", () => {
    expect(() => readServerEnv({ TRUSTED_PROXIES: "loopback,proxy.example" })).toThrow(
      /TRUSTED_PROXIES: "proxy.example" is not an IP address/,
    );
    expect(() => readServerEnv({ WEB_PORT: "http" })).toThrow(/WEB_PORT/);
  });
});
