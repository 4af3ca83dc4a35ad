import "server-only";
import { signToken, verifyToken } from "@margin/core/protocol";
import { z } from "zod";

export const SESSION_COOKIE = "margin_session";
const SESSION_TTL_SECONDS = 60 * 60 * 24 * 14;

export const RoleSchema = z.enum(["school_admin", "teacher", "student"]);
export type Role = z.infer<typeof RoleSchema>;

const SessionClaimsSchema = z.object({
  uid: z.string().min(1).max(64),
  role: RoleSchema,
  /** A student account belongs to exactly one class (joining creates it). */
  cid: z.string().min(1).max(64).optional(),
  exp: z.number().int(),
});
export type Session = Omit<z.infer<typeof SessionClaimsSchema>, "exp">;

/** The Set-Cookie header value for a new session: signed, httpOnly, SameSite=Lax. */
export async function sessionCookie(session: Session, secret: string, secure: boolean): Promise<string> {
  const token = await signToken({ ...session }, secret, SESSION_TTL_SECONDS);
  return serializeCookie(SESSION_COOKIE, token, SESSION_TTL_SECONDS, secure);
}

export function clearedSessionCookie(secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, "", 0, secure);
}

function serializeCookie(name: string, value: string, maxAge: number, secure: boolean): string {
  return [
    `${name}=${value}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    secure ? "Secure" : null,
  ]
    .filter(Boolean)
    .join("; ");
}

/** The session in a Cookie header, or null when absent, forged or expired. */
export async function readSession(cookieHeader: string | null, secret: string): Promise<Session | null> {
  const token = cookieValue(cookieHeader, SESSION_COOKIE);
  if (!token) return null;
  const verified = await verifyToken(token, SessionClaimsSchema, secret);
  if (!verified.ok) return null;
  const { exp: _exp, ...session } = verified.claims;
  return session;
}

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}
