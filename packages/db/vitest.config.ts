import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Each suite migrates a fresh SQLite file and a fresh PostgreSQL database with the real Prisma CLI.
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
