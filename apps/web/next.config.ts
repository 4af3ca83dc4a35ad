import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/server/security/headers";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@margin/core", "@margin/db", "@margin/ui"],
  reactStrictMode: true,
  poweredByHeader: false,
  // On every response, static files included; the per-request CSP is added by src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...SECURITY_HEADERS] }];
  },
};

export default config;
