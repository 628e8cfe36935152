/** What every console test shares: demo logins, the API through the SDK, CSP watching, screenshots. */
import { test as base, expect, type Page } from "@playwright/test";
import { HuiguiClient } from "@huigui/client";
import { mkdirSync } from "node:fs";
import { baseURL } from "../playwright.config";

export const DEMO_PASSWORD = "huigui-demo-2026";
export const ADMIN = { email: "admin@e2e.huigui.cn", password: "e2e-admin-password-2026" };
export const demo = (who: string) => `${who}@demo.huigui.cn`;

/** A logged-in SDK client, to read what the API says (the expected figures) or act as another party. */
export async function apiAs(email: string, password = DEMO_PASSWORD): Promise<HuiguiClient> {
  const client = new HuiguiClient({ baseUrl: baseURL });
  await client.login(email, password);
  return client;
}

export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

const shots = new URL("../../target/console/", import.meta.url);
mkdirSync(shots, { recursive: true });
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400); // let Element Plus's transitions settle
  await page.screenshot({ path: new URL(`${name}.png`, shots).pathname });
}

/** Every page fails its test on a Content-Security-Policy violation or an uncaught error. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await use(page);
    expect(problems, "CSP violations or page errors").toEqual([]);
  },
});
export { expect };

/** A valid 18-digit ID number (GB 11643 check character) for a birth date (YYYYMMDD) and serial. */
export function idNumber(birth: string, serial: number): string {
  const body = `142327${birth}${String(serial).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + "10X98765432"[sum % 11]!;
}
