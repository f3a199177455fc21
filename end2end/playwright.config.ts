import { defineConfig, devices } from "@playwright/test";

// Debian's chromium, never a Playwright-downloaded browser.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const address = process.env.E2E_ADDRESS ?? "127.0.0.1:3111";
// Browsers and clients reach the server by a host name: passkeys refuse IP addresses.
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${address.split(":").pop()}`;
const server = process.env.E2E_SERVER ?? "./target/debug/server";

export default defineConfig({
  // Files run in name order over one database: the first-run journeys (console.spec.ts) come
  // before the ones that assume an administrator and data exist (tasks-*, ui-*).
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL,
    trace: "off",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // A fresh SQLite database for every run; the server binary is built beforehand.
  webServer: {
    command: `rm -rf target/e2e && mkdir -p target/e2e && exec ${server}`,
    cwd: "..",
    url: `${baseURL}/oidc/jwks`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      DATABASE_URL: "sqlite://target/e2e/tessera.db",
      TESSERA__SERVER__ADDRESS: address,
      TESSERA__SERVER__PUBLIC_URL: baseURL,
      // Every journey comes from one address and most sign in as the one administrator: room
      // for the MFA lockout journey's 100 wrong codes (the per-user lockout it shows answers
      // first) and for a minute's console sign-ins. The limits themselves are HTTP-tested.
      TESSERA__OIDC__SIGN_IN_PER_IP_PER_MINUTE: "1000",
      TESSERA__OIDC__SIGN_IN_PER_ACCOUNT_PER_MINUTE: "100",
      TESSERA__BOOTSTRAP__M2M_CLIENT_ID: "e2e-automation",
      TESSERA__BOOTSTRAP__M2M_CLIENT_SECRET: "e2e-automation-secret-0123456789",
      // Mail goes to files the email journeys read (tasks-email-journeys.spec.ts).
      TESSERA__EMAIL__OUTBOX_DIR: "target/e2e/outbox",
      RUST_LOG: "warn",
    },
  },
});
