import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/env";
import { servedOverHttps } from "~/server/client-headers";
import { API_POLICY, newNonce, pagePolicy } from "~/server/security/csp";
import { HSTS } from "~/server/security/headers";
import { CROSS_SITE_MESSAGE, checkSameOrigin } from "~/server/security/same-origin";

/**
 * In front of every route: refuses state-changing requests from other sites, and gives each page a
 * Content-Security-Policy with a fresh nonce (Next reads it from the request's CSP header and puts it on
 * its scripts). The headers every response shares are in next.config.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  const { REALTIME_PUBLIC_URL, WEB_ORIGIN, NODE_ENV } = env();
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const verdict = checkSameOrigin({
    method: request.method,
    headers: request.headers,
    allowedOrigins: WEB_ORIGIN,
  });
  if (!verdict.ok) return refuseCrossSite(request, verdict.reason);

  const https = servedOverHttps(request.headers);
  const nonce = newNonce();
  const policy = isApi
    ? API_POLICY
    : pagePolicy({
        nonce,
        realtimeUrl: REALTIME_PUBLIC_URL,
        https,
        development: NODE_ENV === "development",
      });
  // Next finds the nonce for its own scripts in the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  if (!isApi) requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

/**
 * 403 with a message the page can show. Under /api/trpc the body is a tRPC error (superjson envelope), so
 * the client's mutation fails with this message like any other refusal.
 */
function refuseCrossSite(request: NextRequest, reason: string): NextResponse {
  const message = `${CROSS_SITE_MESSAGE} (${reason})`;
  const body = request.nextUrl.pathname.startsWith("/api/trpc")
    ? {
        error: {
          json: {
            message,
            code: TRPC_ERROR_CODES_BY_KEY.FORBIDDEN,
            data: { code: "FORBIDDEN", httpStatus: 403 },
          },
        },
      }
    : { error: { code: "FORBIDDEN", message } };
  return NextResponse.json(body, {
    status: 403,
    headers: { "content-security-policy": API_POLICY, "cache-control": "no-store" },
  });
}

export const config = {
  // Everything but build output and the icon (they change nothing and carry no document).
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
