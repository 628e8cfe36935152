import { defineConfig } from "@playwright/test";

// Browser tests of the console: Debian's Chromium (never a downloaded one),
// against `huigui serve` on a fresh database loaded by `huigui demo`
// (e2e/serve.sh). Screenshots of each main screen go to target/console/.
const port = Number(process.env.HUIGUI_E2E_PORT ?? 18090);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1366, height: 768 },
    reducedMotion: "reduce",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    trace: "off",
  },
  webServer: {
    command: `sh e2e/serve.sh ${port}`,
    url: `${baseURL}/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
