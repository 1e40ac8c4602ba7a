import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL } from "./e2e/support/env";

/**
 * End-to-end tests against the production build (build/) on Debian Chromium; see
 * e2e/support/start-server.ts for the server, database and mail catcher. `npx playwright
 * install` cannot download browsers here, so the system chromium is used.
 */
export default defineConfig({
  testDir: "./e2e",
  testMatch: "*.spec.ts",
  outputDir: "./test-results",
  // Two cores and one SQLite file: one worker, tests in file order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  // Flaky tests get fixed, not retried.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    ...devices["Desktop Chrome"],
    baseURL: E2E_BASE_URL,
    locale: "en-GB",
    timezoneId: "Europe/Berlin",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "npx tsx e2e/support/start-server.ts",
    url: `${E2E_BASE_URL}/healthz`,
    reuseExistingServer: false,
    // Includes a rebuild when build/ is older than its sources (tests/support/fresh-build.mjs).
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
