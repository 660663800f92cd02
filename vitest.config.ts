import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites start real servers, browsers and child processes on two cores: keep parallelism modest.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      { extends: true, test: { name: "default", include: ["packages/*/test/**/*.test.ts"] } },
      // The HTTP API suite again, on PostgreSQL (scripts/test.mjs sets TEST_DATABASE_URL).
      { extends: true, test: { name: "postgres", include: ["packages/server/test/api/**/*.test.ts"] } },
    ],
  },
});
