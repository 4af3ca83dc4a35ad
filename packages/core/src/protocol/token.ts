import { type RealtimeClaims, RealtimeClaimsSchema } from "./schemas";

/**
 * Short-lived tokens the web app mints and the realtime service verifies: `base64url(claims).base64url(hmac)`.
 * HMAC-SHA256 through Web Crypto, so the same code runs in Node and in edge/browser runtimes.
 */
const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
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

export type ClaimsInput = RealtimeClaims extends infer C
  ? C extends unknown
    ? Omit<C, "exp">
    : never
  : never;

/** Signs `claims` valid for `ttlSeconds` from `nowMs`. */
export async function signRealtimeToken(
  claims: ClaimsInput,
  secret: string,
  ttlSeconds = 60 * 60,
  nowMs = Date.now(),
): Promise<string> {
  const payload = { ...claims, exp: Math.floor(nowMs / 1000) + ttlSeconds };
  const body = toBase64Url(encoder.encode(JSON.stringify(payload)));
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(body));
  return `${body}.${toBase64Url(new Uint8Array(signature))}`;
}

export type VerifyResult = { ok: true; claims: RealtimeClaims } | { ok: false; reason: string };

/** Verifies signature, shape and expiry; never throws on hostile input. */
export async function verifyRealtimeToken(
  token: unknown,
  secret: string,
  nowMs = Date.now(),
): Promise<VerifyResult> {
  if (typeof token !== "string" || token.length > 4096) return { ok: false, reason: "missing token" };
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "malformed token" };
  let valid: boolean;
  try {
    valid = await crypto.subtle.verify(
      "HMAC",
      await hmacKey(secret),
      fromBase64Url(signature) as Uint8Array<ArrayBuffer>,
      encoder.encode(body),
    );
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  if (!valid) return { ok: false, reason: "bad signature" };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(fromBase64Url(body)));
  } catch {
    return { ok: false, reason: "malformed token" };
  }
  const parsed = RealtimeClaimsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: "malformed claims" };
  if (parsed.data.exp * 1000 <= nowMs) return { ok: false, reason: "token expired" };
  return { ok: true, claims: parsed.data };
}
