/**
 * What a request says about where it came from, as far as the app can trust it. No "server-only" here:
 * proxy.ts uses it too.
 */

/**
 * The protocol the browser used, set by the app's own server in front of Next (never taken from the
 * client: that server overwrites whatever a client sends). Absent when Next is reached directly.
 */
export const CLIENT_PROTO_HEADER = "x-margin-client-proto";

/** Whether the browser's request came over HTTPS, by our server's header (absent: plain HTTP). */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get(CLIENT_PROTO_HEADER) === "https";
}

/** The origin the browser addressed: scheme from our server's header, host from the Host header. */
export function requestOrigin(headers: Headers): string | null {
  const host = headers.get("host");
  if (!host) return null;
  try {
    return new URL(`${isHttpsRequest(headers) ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}
