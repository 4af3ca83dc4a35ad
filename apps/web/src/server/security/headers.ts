/**
 * Response headers every response gets (pages, the API, static files), set in next.config.ts. The
 * Content-Security-Policy comes per request from proxy.ts (pages need a nonce).
 */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // No framing anywhere (old browsers; frame-ancestors covers the rest).
  { key: "X-Frame-Options", value: "DENY" },
  // A response is what its Content-Type says, never sniffed into a script or a page.
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Links out tell other sites our origin only, never a path with a join code or an invite token.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Powerful features nothing here uses; clipboard and fullscreen stay with our own pages.
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()",
  },
  // Another site's window can't keep a handle on ours (no popups are used).
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** Sent on HTTPS only (browsers ignore it on HTTP); no includeSubDomains: a school's other sites may not be HTTPS. */
export const HSTS = "max-age=15552000";
