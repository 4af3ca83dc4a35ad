import "server-only";
import { headers } from "next/headers";
import { renderSVG } from "uqr";

/** The address students type or scan to join a class, as this request reached the server. */
export async function joinLink(code: string): Promise<{ url: string; qrSvg: string }> {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  // Behind a TLS-terminating proxy the original scheme arrives in x-forwarded-proto.
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  const url = `${protocol}://${host}/?code=${encodeURIComponent(code)}`;
  return { url, qrSvg: renderSVG(url, { border: 1 }) };
}
