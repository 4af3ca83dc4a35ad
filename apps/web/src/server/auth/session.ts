import "server-only";
import { type Db, findSession, type Role, type SessionEndReason } from "@margin/db";
import { env } from "~/env";
import { servedOverHttps } from "../client-headers";

/** Who a request is: the session's id (to end it), the account, its role, and a student's class. */
export type Session = { id: string; uid: string; role: Role; cid?: string };

/**
 * How this request's session cookie is named and flagged. Over HTTPS (or with COOKIE_SECURE=true) it is
 * Secure and carries the `__Host-` prefix, which the browser only accepts from this exact host with
 * Path=/ and Secure: a sibling subdomain or a plain-HTTP page can't plant or overwrite it.
 */
export type CookiePolicy = { name: string; secure: boolean };

export function cookiePolicy(
  headers: Headers,
  alwaysSecure: boolean = env().COOKIE_SECURE === "true",
): CookiePolicy {
  const secure = alwaysSecure || servedOverHttps(headers);
  return secure ? { name: "__Host-margin_session", secure } : { name: "margin_session", secure };
}

/** The Set-Cookie value for a new session's token: httpOnly, SameSite=Lax, until the session's absolute end. */
export function sessionCookie(
  token: string,
  expiresAt: Date,
  policy: CookiePolicy,
  now = new Date(),
): string {
  const maxAge = Math.max(0, Math.round((expiresAt.getTime() - now.getTime()) / 1000));
  return serializeCookie(policy, token, maxAge);
}

export function clearedSessionCookie(policy: CookiePolicy): string {
  return serializeCookie(policy, "", 0);
}

function serializeCookie(policy: CookiePolicy, value: string, maxAge: number): string {
  return [
    `${policy.name}=${value}`,
    "Path=/",
    `Max-Age=${maxAge}`,
    "HttpOnly",
    "SameSite=Lax",
    policy.secure ? "Secure" : null,
  ]
    .filter(Boolean)
    .join("; ");
}

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

export type SessionState = {
  session: Session | null;
  /** Why the cookie's session ended (signed out elsewhere, removed, expired…), when it did. */
  ended: SessionEndReason | null;
  /** A cookie was sent but names no live session: it should be cleared. */
  staleCookie: boolean;
};

/**
 * The session behind the request's cookie: one database query (see findSession). Unknown tokens —
 * forged, purged, or cookies of the older signed format — read as signed out.
 */
export async function readSession(db: Db, headers: Headers, policy: CookiePolicy): Promise<SessionState> {
  const token = cookieValue(headers.get("cookie"), policy.name);
  if (!token) return { session: null, ended: null, staleCookie: false };
  const found = await findSession(db, token);
  if (found.status !== "active") {
    return { session: null, ended: found.status === "ended" ? found.reason : null, staleCookie: true };
  }
  const { id, userId, role, classroomId } = found.session;
  return {
    session: { id, uid: userId, role, ...(classroomId ? { cid: classroomId } : {}) },
    ended: null,
    staleCookie: false,
  };
}
