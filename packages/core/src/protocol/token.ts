import type { z } from "zod";
import { type RealtimeClaims, RealtimeClaimsSchema } from "./schemas";

/**
 * Signed, expiring tokens: `base64url(json).base64url(hmac-sha256)`. Web Crypto, so the same code runs
 * in Node, edge runtimes and browsers. Used for realtime handshakes and the web app's session cookies.
 */
const encoder = new TextEncoder();
const MAX_TOKEN_LENGTH = 4096;

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function hmacKey(secret: string) {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

/** Signs `payload` (plus an `exp` claim) valid for `ttlSeconds` from `nowMs`. */
export async function signToken(
  payload: Record<string, unknown>,
  secret: string,
  ttlSeconds: number,
  nowMs = Date.now(),
): Promise<string> {
  const body = toBase64Url(
    encoder.encode(JSON.stringify({ ...payload, exp: Math.floor(nowMs / 1000) + ttlSeconds })),
  );
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(body));
  return `${body}.${toBase64Url(new Uint8Array(signature))}`;
}

export type VerifyResult<T> = { ok: true; claims: T } | { ok: false; reason: string };

/** Verifies signature (constant-time, by Web Crypto), shape and expiry; never throws on hostile input. */
export async function verifyToken<S extends z.ZodType<{ exp: number }>>(
  token: unknown,
  schema: S,
  secret: string,
  nowMs = Date.now(),
): Promise<VerifyResult<z.infer<S>>> {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: "missing token" };
  }
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed token" };
  let json: unknown;
  try {
    const valid = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(secret),
      fromBase64Url(signature),
      encoder.encode(body),
    );
    if (!valid) return { ok: false, reason: "bad signature" };
    json = JSON.parse(new TextDecoder().decode(fromBase64Url(body)));
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed claims" };
  if (parsed.data.exp * 1000 <= nowMs) return { ok: false, reason: "token expired" };
  return { ok: true, claims: parsed.data };
}

export type ClaimsInput = RealtimeClaims extends infer C
  ? C extends unknown
    ? Omit<C, "exp">
    : never
  : never;

/** A realtime handshake token for `claims`, valid for `ttlSeconds`. */
export function signRealtimeToken(
  claims: ClaimsInput,
  secret: string,
  ttlSeconds = 60 * 60,
  nowMs = Date.now(),
): Promise<string> {
  return signToken(claims, secret, ttlSeconds, nowMs);
}

export function verifyRealtimeToken(
  token: unknown,
  secret: string,
  nowMs = Date.now(),
): Promise<VerifyResult<RealtimeClaims>> {
  return verifyToken(token, RealtimeClaimsSchema, secret, nowMs);
}
