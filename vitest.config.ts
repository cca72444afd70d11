import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "infra/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    globalSetup: ["packages/db/src/testing/global-setup.ts"],
    setupFiles: ["packages/db/src/testing/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
