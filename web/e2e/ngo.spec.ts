/** The NGO's own work: a periodic report drafted and submitted; a partner app whose secret is shown once. */
import { HuiguiClient, unwrap } from "@huigui/client";
import { baseURL } from "../playwright.config";
import { apiAs, demo, expect, login, screenshot, test } from "./fixtures";

test("the NGO drafts the period's report, writes the narrative and submits it", async ({ page }) => {
  await login(page, demo("ngo-admin"));
  await page.getByRole("menuitem", { name: "合同" }).click();
  await page.locator("tbody tr").filter({ hasText: "履行中" }).first().click();
  await page.getByRole("tab", { name: "阶段报告" }).click();
  // January of the contract's year.
  const year = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date()).slice(0, 4);
  const period = page.getByRole("combobox", { name: "报告期间" });
  await period.nth(0).fill(`${year}-01-01`);
  await period.nth(1).fill(`${year}-01-31`);
  await period.nth(1).press("Enter");
  await page.getByRole("button", { name: "新建阶段报告" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("report-status")).toHaveText("草稿");
  await expect(dialog.getByTestId("report-metrics")).toContainText("服务人数");
  await dialog.getByRole("textbox", { name: "工作总结" }).fill("一月开展团体辅导两次，个别咨询五人次。");
  await dialog.getByRole("button", { name: "提交" }).click();
  await expect(dialog.getByTestId("report-status")).toHaveText("待审阅");
  await screenshot(page, "ngo-report");
  const officer = await apiAs(demo("officer"));
  const inbox = unwrap(await officer.api.GET("/api/v1/reports", { params: { query: { status: "submitted" } } })).items;
  expect(inbox.some((r) => r.narrative === "一月开展团体辅导两次，个别咨询五人次。" && r.period_start === `${year}-01-01`)).toBe(true);
});

test("the NGO admin creates a partner app: the secret is shown once, works, and stops working when revoked", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await login(page, demo("ngo-admin"));
  await page.getByRole("menuitem", { name: "系统管理" }).click();
  await page.getByRole("menuitem", { name: "合作应用" }).click();
  await page.getByRole("button", { name: "新建合作应用" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("应用名称").fill("村委会签到一体机");
  await dialog.getByText("签到二维码").click();
  await dialog.getByRole("button", { name: "保存" }).click();
  const secret = (await dialog.getByTestId("client-secret").textContent()) ?? "";
  const clientId = (await dialog.getByTestId("client-id").textContent()) ?? "";
  expect(secret.length).toBeGreaterThan(20);
  await dialog.getByRole("button", { name: "复制密钥" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await screenshot(page, "partner-app");
  await dialog.getByRole("button", { name: "已完成" }).click();
  await expect(page.locator("body")).not.toContainText(secret);
  // The credentials work.
  const kiosk = new HuiguiClient({ baseUrl: baseURL });
  const session = await kiosk.loginClient(clientId, secret);
  expect(session.accessToken).toBeTruthy();
  // Revoked, they do not.
  const row = page.getByTestId("clients-table").getByRole("row", { name: /村委会签到一体机/ });
  await row.getByRole("button", { name: "吊销" }).click();
  await page.getByRole("button", { name: /确定|Yes|OK/ }).last().click();
  await expect(row).toContainText("已吊销");
  await expect(new HuiguiClient({ baseUrl: baseURL }).loginClient(clientId, secret)).rejects.toThrow(/401/);
});

test("NGO staff schedule a session under an active contract; a bad one is explained at its field", async ({ page }) => {
  await login(page, demo("ngo-staff"));
  await page.getByRole("button", { name: "新建活动" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("名称", { exact: true }).fill("法治教育：社区矫正法解读");
  await dialog.getByLabel("地点", { exact: true }).fill("凤城镇文化站");
  await dialog.getByLabel("主讲/带领人", { exact: true }).fill("张律师");
  // Without a capacity the API names the field.
  await dialog.getByLabel("名额", { exact: true }).fill("");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await dialog.getByLabel("名额", { exact: true }).fill("30");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("未开始/进行中");
  await expect(page.getByRole("heading", { name: /法治教育：社区矫正法解读/ })).toBeVisible();
});

test("the NGO admin withdraws its bid on a published procurement and bids again", async ({ page }) => {
  await login(page, demo("ngo-admin"));
  await page.getByRole("menuitem", { name: "采购" }).click();
  await page.getByRole("row", { name: /已发布/ }).first().click();
  await expect(page.getByTestId("procurement-status")).toHaveText("已发布");
  await page.getByRole("button", { name: "撤回投标" }).click();
  await expect(page.getByRole("button", { name: "投标" })).toBeVisible();
  await page.getByRole("button", { name: "投标" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("服务方案").fill("每月两次集中教育，每季度一次团体辅导，配备两名持证社工。");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "撤回投标" })).toBeVisible();
  await expect(page.locator('[data-testid^="bid-"]').filter({ hasText: "配备两名持证社工" })).toContainText("已提交");
  await screenshot(page, "ngo-bid");
});

test("the sessions calendar shows this month's sessions on their days", async ({ page }) => {
  const ngo = await apiAs(demo("ngo-staff"));
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  const sessions = unwrap(await ngo.api.GET("/api/v1/sessions", { params: { query: { limit: 200 } } })).items;
  const todays = sessions.filter(
    (s) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date(s.starts_at)) === today,
  );
  expect(todays.length).toBeGreaterThan(0);
  await login(page, demo("ngo-staff"));
  await page.getByRole("radio", { name: "日历" }).click({ force: true });
  const calendar = page.getByTestId("calendar");
  for (const s of todays) await expect(calendar).toContainText(s.title);
  await calendar.getByText(todays[0]!.title).first().click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${todays[0]!.id}`));
  await page.getByRole("button", { name: "返回" }).click();
  await page.getByRole("radio", { name: "日历" }).click({ force: true });
  await expect(page.getByTestId("calendar")).toContainText(todays[0]!.title);
  await screenshot(page, "sessions-calendar");
});
