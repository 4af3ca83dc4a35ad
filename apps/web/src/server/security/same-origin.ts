import { servedOverHttps } from "../client-headers";

/** Methods that change nothing (tRPC queries are GETs; every mutation is a POST). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The origin the browser addressed: the scheme the custom server found (x-margin-client-proto), the
 * host from the Host header. (A DNS-rebound host names itself here, but our cookies never go to it.)
 */
function requestOrigin(headers: Headers): string | null {
  const host = headers.get("host");
  if (!host) return null;
  try {
    return new URL(`${servedOverHttps(headers) ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a request may change state: it must come from one of our own pages. A cookie alone proves
 * nothing (a page on another site can make the browser send it), so for any unsafe method:
 * - `Sec-Fetch-Site`, when the browser sends it, must be `same-origin` or `none` (typed by the user);
 *   `same-site` is refused too: a sibling subdomain is another site's code.
 * - `Origin`, when sent, must be the request's own origin or one of `allowedOrigins` (WEB_ORIGIN).
 *   `Origin: null` (sandboxed frames, some redirects) is refused.
 * A request with neither header isn't from a browser page and carries no one's ambient cookies in a way
 * another site could trigger, so it passes (scripts and the benchmarks use the API that way).
 */
export function checkSameOrigin(request: {
  method: string;
  headers: Headers;
  allowedOrigins: readonly string[];
}): OriginVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") {
    return { ok: false, reason: `a ${fetchSite} request` };
  }
  const origin = request.headers.get("origin");
  if (origin === null) return { ok: true };
  const own = requestOrigin(request.headers);
  if (origin === own || request.allowedOrigins.includes(origin)) return { ok: true };
  return { ok: false, reason: `a request from ${origin.slice(0, 100)}` };
}

export const CROSS_SITE_MESSAGE =
  "Refused: this change didn't come from a Margin Lab page. Reload the page and try again.";
