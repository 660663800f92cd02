import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites start real servers and child processes; two cores, so keep parallelism modest.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: process.env.CI ? ["default"] : ["default"],
  },
});
