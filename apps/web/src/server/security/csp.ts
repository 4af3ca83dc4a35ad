/**
 * The Content-Security-Policy of every page, with a fresh nonce per request (Next.js puts it on its own
 * scripts when it renders the page dynamically). Why each directive is what it is:
 * - script-src: only scripts carrying the nonce, and what they load ('strict-dynamic': Next's chunks).
 *   No 'unsafe-inline', no 'unsafe-eval' (React needs eval in development only).
 * - style-src 'unsafe-inline': React renders `style` attributes (layout, KaTeX's spacing, recharts), and
 *   CodeMirror injects <style> elements; a nonce can't cover attributes. Styles can't run code.
 * - worker-src 'self': the training worker and the lab's sandbox worker are same-origin module scripts
 *   (no blob: workers). A worker loaded from a URL gets its own policy from its response, so the
 *   sandbox can still compile the student's code with `new Function` without 'unsafe-eval' here.
 * - connect-src: the tRPC API ('self') and Socket.IO at REALTIME_PUBLIC_URL, over HTTP long-polling and
 *   WebSocket (ws: or wss: listed explicitly; older browsers don't derive them from http(s):).
 * - img-src, font-src 'self': no page loads an image or font from elsewhere, nor a data: URL (the QR
 *   code is inline SVG); Inter and KaTeX's fonts ship with the app.
 * - frame-ancestors 'none', base-uri 'none', form-action 'self', object-src 'none': no framing
 *   (clickjacking), no <base> hijack, forms post only here, no plugins.
 */
export function pagePolicy(options: {
  nonce: string;
  realtimeUrl: string;
  https: boolean;
  development: boolean;
}): string {
  const realtime = new URL(options.realtimeUrl);
  const socket = `${realtime.protocol === "https:" ? "wss:" : "ws:"}//${realtime.host}`;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", realtime.origin, socket],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (options.https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** API responses (JSON, CSV) are never documents: nothing may load or frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
