import "server-only";
import { isDbError } from "@margin/db";
import { stringify } from "csv-stringify/sync";
import { cookiePolicy, readSession, type Session } from "~/server/auth/session";
import { getDb } from "~/server/db";

export type Cell = string | number | null | undefined;

/**
 * RFC 4180 CSV (every quote, comma and newline escaped by csv-stringify), UTF-8 with a BOM so Excel reads
 * names right. Every export goes through here. Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return, or their full-width forms) gets a leading apostrophe
 * (csv-stringify's `escape_formulas`): a student can name themselves `=HYPERLINK(…)`. Numbers are passed
 * as numbers, which it leaves alone, so a negative number still reads as a number.
 */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${stringify([header, ...rows.map((row) => row.map((cell) => cell ?? ""))], {
    record_delimiter: "\r\n",
    escape_formulas: true,
  })}`;
}

export function csvResponse(filename: string, csv: string): Response {
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}

/** The signed-in staff session from the request's cookie, or null (students and visitors get nothing). */
export async function staffSession(request: Request): Promise<Session | null> {
  const { session } = await readSession(getDb(), request.headers, cookiePolicy(request.headers));
  return session && session.role !== "student" ? session : null;
}

/**
 * Runs an export; refusals never say whether the id exists: another school's class looks like a
 * missing one (404), a missing sign-in is 401.
 */
export async function exportCsv(
  request: Request,
  build: (session: Session) => Promise<Response>,
): Promise<Response> {
  const session = await staffSession(request);
  if (!session) return new Response("Sign in as a teacher first", { status: 401 });
  try {
    return await build(session);
  } catch (error) {
    if (isDbError(error, "FORBIDDEN") || isDbError(error, "NOT_FOUND")) {
      return new Response("Not found", { status: 404 });
    }
    throw error;
  }
}

export const percent = (part: number, whole: number): string =>
  whole === 0 ? "" : String(Math.round((100 * part) / whole));
