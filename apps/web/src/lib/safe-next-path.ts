/** Where sign-in goes when `next` is missing or refused. */
export const DEFAULT_NEXT_PATH = "/teach";

const BASE = "http://margin.invalid";

/**
 * The in-app path a `?next=` parameter may send the browser to after signing in, or `fallback`.
 * The value is resolved the way the browser would resolve it (the WHATWG URL parser: backslashes become
 * slashes, tabs and newlines vanish, `//host` and `/\host` name another host, `javascript:` is a scheme)
 * against a placeholder origin; only a result on that same origin is kept, and returned in its
 * normalised form so the browser can't read it differently. `/\evil.example/phish`, `//evil`,
 * `https://evil`, `javascript:…` and their encoded forms all fall back.
 */
export function safeNextPath(raw: unknown, fallback: string = DEFAULT_NEXT_PATH): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  // Only paths: anything not starting with exactly one "/" is refused before parsing.
  if (!raw.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" normalises to "//evil": a path the browser would read as another host.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
