import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages ship TypeScript source; Next compiles them with the app.
  transpilePackages: ["@margin/core", "@margin/db", "@margin/ui"],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
