import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { DbError } from "./errors";

/**
 * A bearer secret for a cookie or a link: 256 random bits from the OS CSPRNG, base64url (43 characters).
 * The database only ever stores {@link hashToken} of it.
 */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * SHA-256 of a token, hex. The token has 256 random bits, so a fast unsalted hash is enough (no argon2):
 * nobody can guess a token from its hash, and lookups by hash stay one index probe.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What a token from a cookie or a link may look like before it is hashed and looked up. */
export const TokenSchema = z.string().trim().min(16).max(128);

/**
 * Why a one-time link (an invite, a password reset) can't be used now, in words for the person holding it,
 * or null when it can. `names.link` is how the link is called, `names.item` what was used up or expired.
 */
export function linkRefusal(
  row: { usedAt: Date | null; expiresAt: Date } | null,
  now: Date,
  names: { link: string; item: string },
): DbError | null {
  const ask = "Ask your school admin for a new one.";
  if (!row) return new DbError("NOT_FOUND", `This ${names.link} is not valid. ${ask}`);
  if (row.usedAt) return new DbError("CONFLICT", `This ${names.item} has already been used. ${ask}`);
  if (row.expiresAt.getTime() <= now.getTime()) {
    return new DbError("INVALID", `This ${names.item} has expired. ${ask}`);
  }
  return null;
}
