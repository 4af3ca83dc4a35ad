import { expect } from "vitest";
import { HttpBrowser, type TrpcResult } from "./http-client";

export const PASSWORD = "correct horse battery";
let unique = 0;

/**
 * A browser on its own network address. Only a platform started with TRUSTED_PROXIES=loopback believes
 * the X-Forwarded-For this sends (the tests reach it over loopback); without it, every browser is 127.0.0.1.
 */
export function browserAt(webUrl: string, address: string): HttpBrowser {
  return new HttpBrowser(webUrl, { "x-forwarded-for": address });
}

export function uniqueEmail(label: string): string {
  unique += 1;
  return `${label}-${Date.now()}-${unique}@school.test`;
}

/** Expects success and returns the data. */
export function ok<T>(result: TrpcResult<T>): T {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { ok: true; data: T }).data;
}

/** A teacher who signed up from `browser` (and so is signed in there), with a class. */
export async function teacherWithClass(browser: HttpBrowser) {
  const email = uniqueEmail("teacher");
  ok(
    await browser.mutate("auth.signUp", {
      displayName: "Ms Rivera",
      schoolName: "Northfield Academy",
      email,
      password: PASSWORD,
    }),
  );
  const classroom = ok(await browser.mutate<{ joinCode: string }>("classroom.create", { name: "Year 10" }));
  return { email, code: classroom.joinCode };
}

/** How many results ended with each outcome ("ok" or the error code). */
export function tally(results: TrpcResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    const key = result.ok ? "ok" : result.error.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** `count` calls split into batches of `size` (the server's maximum is 20), all sent at once. */
export async function inBatches(
  browser: HttpBrowser,
  calls: [path: string, input: unknown][],
  size = 20,
): Promise<TrpcResult[]> {
  const batches: [string, unknown][][] = [];
  for (let start = 0; start < calls.length; start += size) batches.push(calls.slice(start, start + size));
  return (await Promise.all(batches.map((batch) => browser.batch("mutation", batch)))).flat();
}
