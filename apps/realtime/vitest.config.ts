import { defineConfig } from "vitest/config";

export default defineConfig({
  // Migrating a fresh PostgreSQL database with the real `prisma migrate deploy` takes ~10 s.
  test: { include: ["src/**/*.test.ts"], testTimeout: 20_000, hookTimeout: 120_000 },
});
