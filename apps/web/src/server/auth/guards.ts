import "server-only";
import { getUser, type PublicUser } from "@margin/db";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { currentSession } from "./current";

/** The signed-in teacher or admin for a page, or a redirect to sign in (coming back afterwards). */
export async function requireStaffPage(returnTo: string): Promise<PublicUser> {
  const session = await currentSession();
  const user = session && session.role !== "student" ? await getUser(getDb(), session.uid) : null;
  if (!user || user.archivedAt) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return user;
}
