/**
 * Who is on the other end of a request, as the custom server (apps/web/server) worked it out from the
 * socket and — only for proxies that TRUSTED_PROXIES names — from X-Forwarded-For / X-Forwarded-Proto.
 * The server removes any copy of these headers a client sends before it sets them, so inside the app
 * they are facts, unlike X-Forwarded-For, which `next start` passes through from the client untouched.
 */
export const CLIENT_ADDRESS_HEADER = "x-margin-client-address";
export const CLIENT_PROTO_HEADER = "x-margin-client-proto";

/**
 * Stands for "no trusted address" when the app runs without the custom server (router tests, a bare
 * `next dev`): every such request shares one key, so limits stay closed rather than open.
 */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

/** The client's IP address (rate limits key on it). */
export function clientAddressFrom(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || UNKNOWN_CLIENT_ADDRESS;
}

/** Whether the browser reached us over HTTPS (directly, or through a trusted proxy that says so). */
export function servedOverHttps(headers: Headers): boolean {
  return headers.get(CLIENT_PROTO_HEADER) === "https";
}
