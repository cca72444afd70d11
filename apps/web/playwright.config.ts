import { defineConfig } from "@playwright/test";

// Run through `pnpm test` (scripts/e2e.ts), which creates this run's own database and Redis
// prefix and passes them in the environment. Debian's Chromium; Playwright downloads nothing.
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;
const production = process.env.E2E_MODE !== "dev";

export default defineConfig({
  testDir: "./e2e",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  outputDir: "./e2e/test-results",
  use: {
    baseURL,
    viewport: { width: 1366, height: 860 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: production ? `pnpm exec next start --port ${port}` : `pnpm exec next dev --port ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { APP_URL: baseURL, NEXTAUTH_URL: baseURL },
  },
});
