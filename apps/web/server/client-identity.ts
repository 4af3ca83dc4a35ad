import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import proxyAddr from "proxy-addr";
import { CLIENT_ADDRESS_HEADER, CLIENT_PROTO_HEADER } from "../src/server/client-headers";

/** Whether the hop at `address` (0 = our socket's peer) is a proxy we trust to report the one before it. */
export type TrustProxy = (address: string, hop: number) => boolean;

/** A trust function for proxy-addr from TRUSTED_PROXIES' entries (none: trust nobody). */
export function compileTrustedProxies(entries: string[]): TrustProxy {
  return proxyAddr.compile(entries);
}

/** "::ffff:192.0.2.1" (an IPv4 peer on a dual-stack socket) is 192.0.2.1: one client, one address. */
function plainAddress(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/**
 * Replaces whatever a client sent in the client headers with what the connection proves: the socket's
 * peer, or — walking X-Forwarded-For back through trusted proxies only — the first untrusted hop; the
 * protocol is the socket's own unless its peer is a trusted proxy, whose X-Forwarded-Proto then counts
 * (the same rule as Express's `req.protocol`).
 */
export function stampClientHeaders(request: IncomingMessage, trust: TrustProxy): void {
  delete request.headers[CLIENT_ADDRESS_HEADER];
  delete request.headers[CLIENT_PROTO_HEADER];
  const peer = request.socket.remoteAddress;
  if (!peer) return; // the socket is already gone; nothing to vouch for
  request.headers[CLIENT_ADDRESS_HEADER] = plainAddress(proxyAddr(request, trust));
  request.headers[CLIENT_PROTO_HEADER] = protocolOf(request, peer, trust);
}

function protocolOf(request: IncomingMessage, peer: string, trust: TrustProxy): "http" | "https" {
  if ((request.socket as TLSSocket).encrypted) return "https";
  if (!trust(peer, 0)) return "http";
  const forwarded = request.headers["x-forwarded-proto"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  return first === "https" ? "https" : "http";
}
