import { defineConfig } from "@playwright/test";
import { MAIL_ENVIRONMENT } from "./tests/e2e/mail-server";
import { NEWSROOM_TIME_ZONE } from "./tests/e2e/newsroom-time-zone";
import { APP_PORT as PORT, SSO_ENVIRONMENT } from "./tests/e2e/sso-provider";

const baseURL = `http://localhost:${PORT}`;

/**
 * Browser tests in Debian's Chromium against the built app on its own port and its own, fresh,
 * embedded database: the tests walk the product from /setup onwards, so they run in order.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "rm -rf data/e2e && node scripts/start.mjs",
    url: `${baseURL}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // The tests' webhook receivers and news site listen on this machine, where the app goes only when allowed; the
    // app emails through the tests' mail server (tests/e2e/mail-server.ts). Originals are read when a test asks (Check now), not on a schedule.
    // The newsroom is not in UTC (tests/e2e/newsroom-time-zone.ts).
    env: { PORT: String(PORT), PGLITE_DATA_DIR: "data/e2e/pglite", NEXTAUTH_URL: baseURL, WEBHOOK_PRIVATE_HOSTS: "127.0.0.1", IMPORT_PRIVATE_HOSTS: "127.0.0.1", ORIGINAL_CHECK_HOURS: "0", NEWSROOM_TIME_ZONE, ...SSO_ENVIRONMENT, ...MAIL_ENVIRONMENT },
  },
});
