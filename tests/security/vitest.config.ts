import { defineConfig } from "vitest/config";

// Attacks on the running platform: each file starts its own web + realtime processes, so files run one
// at a time (two cores; each platform is two Node processes).
export default defineConfig({
  test: {
    include: ["security/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
