import "server-only";
import { headers } from "next/headers";
import { getDb } from "../db";
import { cookiePolicy, readSession, type Session } from "./session";

/** The signed-in session for server components and route handlers, or null. */
export async function currentSession(): Promise<Session | null> {
  const requestHeaders = await headers();
  return (await readSession(getDb(), requestHeaders, cookiePolicy(requestHeaders))).session;
}
