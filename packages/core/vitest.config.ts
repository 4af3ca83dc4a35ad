import { defineConfig } from "vitest/config";

export default defineConfig({
  // Tests check behaviour, not speed (benchmarks do that): CI runs them beside builds on 2 cores.
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000 },
});
