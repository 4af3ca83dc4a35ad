import "server-only";
import { cookies } from "next/headers";
import { env } from "~/env";
import { readSession, SESSION_COOKIE, type Session } from "./session";

/** The signed-in session for server components and route handlers, or null. */
export async function currentSession(): Promise<Session | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? readSession(`${SESSION_COOKIE}=${token}`, env().SESSION_SECRET) : null;
}
