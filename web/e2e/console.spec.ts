/**
 * The console end to end, in Debian's Chromium, on `huigui serve` + `huigui demo`.
 * Expected figures come from the API itself (through the SDK), never from constants.
 */
import { unwrap, unwrapJson } from "@huigui/client";
import { baseURL } from "../playwright.config";
import { ADMIN, apiAs, demo, expect, login, screenshot, test } from "./fixtures";

const yuan = (fen: number) =>
  new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY", minimumFractionDigits: 2 }).format(fen / 100);

test("the console is served at / with its security headers and shows the login in Chinese", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "登录" })).toBeVisible();
  await screenshot(page, "login");
});

test("a wrong password is shown in words beside the form", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(demo("officer"));
  await page.getByLabel("密码", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("401");
  await expect(page).toHaveURL(/\/login/);
});

test("the officer's dashboard shows the demo's figures", async ({ page }) => {
  const officer = await apiAs(demo("officer"));
  await login(page, demo("officer"));
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole("heading", { name: "总览" })).toBeVisible();
  // The period the page asks for by default: this year up to today.
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  const overview = unwrapJson(
    await officer.api.GET("/api/v1/stats/overview", { params: { query: { from: `${today.slice(0, 4)}-01-01`, to: today } } }),
  );
  await expect(page.getByTestId("contracted")).toHaveText(yuan(overview.amount_contracted_fen));
  await expect(page.getByTestId("paid")).toHaveText(yuan(overview.amount_paid_fen));
  expect(overview.contracts.length).toBeGreaterThan(0);

  // The KPI chart draws each contract's progress: its text description carries the figures.
  const kpiChart = page.locator('[data-chart="各合同绩效指标完成度"]');
  for (const c of overview.contracts) {
    for (const k of c.kpis) {
      const pct = `${Math.round((k.progress ?? 0) * 1000) / 10}`;
      await expect(kpiChart).toHaveAttribute("aria-label", new RegExp(`${c.contract_no} · [^，；]+ ${pct}(，|$)`));
    }
  }
  // Sessions by type: each count in the chart's description.
  const sessions = page.locator('[data-chart="活动场次（按类型）"]');
  const labels: Record<string, string> = { education: "集中教育", skills_training: "技能培训", group_counseling: "团体辅导", individual_counseling: "个别心理咨询", public_welfare: "公益活动" };
  for (const [type, n] of Object.entries(overview.sessions_by_type)) {
    await expect(sessions).toHaveAttribute("aria-label", new RegExp(`${labels[type]} ${n}(，|$)`));
  }

  // Compliance per office for this month: the table equals the API, row by row.
  const compliance = unwrapJson(await officer.api.GET("/api/v1/stats/compliance", { params: { query: { month: today.slice(0, 7) } } }));
  const rows = page.getByTestId("compliance-table").locator("tbody tr");
  await expect(rows).toHaveCount(compliance.items.length);
  const busiest = compliance.items.reduce((a, b) => (b.on_register > a.on_register ? b : a));
  expect(busiest.on_register).toBeGreaterThan(0);
  const row = rows.filter({ hasText: busiest.office_name });
  const cells = row.locator("td");
  await expect(cells.nth(1)).toHaveText(String(busiest.on_register));
  await expect(cells.nth(3)).toHaveText(String(busiest.met));
  await expect(cells.nth(4)).toHaveText(String(busiest.at_risk));
  await expect(cells.nth(5)).toHaveText(String(busiest.not_met));
  await expect(cells.nth(7)).toHaveText(String(busiest.open_alerts));
  await screenshot(page, "dashboard");

  // Each block downloads the API's CSV.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载 CSV" }).first().click();
  expect((await download).suggestedFilename()).toMatch(/^overview-.*\.csv$/);
});

test("the demo contract's KPI actuals are those of GET /contracts/{id}/kpis", async ({ page }) => {
  const officer = await apiAs(demo("officer"));
  const contract = unwrap(await officer.api.GET("/api/v1/contracts", { params: { query: { status: "active" } } })).items[0];
  expect(contract).toBeDefined();
  const kpis = unwrap(await officer.api.GET("/api/v1/contracts/{id}/kpis", { params: { path: { id: contract!.id } } }));
  await login(page, demo("officer"));
  await page.getByRole("menuitem", { name: "合同" }).click();
  // The list shows the contract exactly once (a reload under way may briefly render the table twice).
  const row = page.getByRole("cell", { name: contract!.contract_no, exact: true });
  await expect(row).toHaveCount(1);
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/contracts/${contract!.id}`));
  const actuals = page.getByTestId("kpi-actual");
  await expect(actuals).toHaveCount(kpis.length);
  for (const [i, k] of kpis.entries()) {
    const shown = k.actual === undefined || k.actual === null ? "—" : new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 }).format(k.actual);
    await expect(actuals.nth(i)).toHaveText(k.metric === "attendance_rate" ? /%|—/ : shown);
  }
  await screenshot(page, "contract");

  // A transition sent with a stale version says so and shows the current record.
  const fresh = unwrap(await officer.api.GET("/api/v1/contracts/{id}", { params: { path: { id: contract!.id } } }));
  unwrap(
    await officer.api.POST("/api/v1/contracts/{id}/suspend", { params: { path: { id: fresh.id } }, body: { reason: "e2e：他人暂停" } }),
  );
  await page.getByRole("button", { name: "完成" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "已被他人修改" })).toBeVisible();
  await expect(page.getByTestId("contract-status")).toHaveText("已暂停");
  unwrap(await officer.api.POST("/api/v1/contracts/{id}/resume", { params: { path: { id: fresh.id } } }));
});

test("the officer scores the bids of a closed procurement and awards one, giving the reason", async ({ page }) => {
  await login(page, demo("officer"));
  await page.getByRole("menuitem", { name: "采购" }).click();
  await page.getByRole("row", { name: /已截止/ }).click();
  await expect(page.getByTestId("procurement-status")).toHaveText("已截止");
  const bids = page.locator('[data-testid^="bid-"]');
  await expect(bids).toHaveCount(2);
  // Score the first bid higher than the second.
  for (const [i, score] of [90, 60].entries()) {
    await bids.nth(i).getByRole("button", { name: "评分" }).click();
    const dialog = page.getByRole("dialog");
    for (const input of await dialog.getByRole("spinbutton").all()) await input.fill(String(score));
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(bids.nth(i).getByTestId("total-score")).toHaveText(String(score));
  }
  await screenshot(page, "procurement");
  // Awarding the lower one asks for a reason; without one the API's answer is shown.
  await bids.nth(1).getByRole("button", { name: "授标" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("不是最高分");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(dialog.getByRole("alert").filter({ hasText: "422" })).toBeVisible();
  await dialog.getByLabel("授标理由").fill("报价与服务方案综合更优，经评审委员会讨论决定");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(page.getByTestId("procurement-status")).toHaveText("已授标");
  await page.getByRole("button", { name: "查看合同" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("草稿");
});

test("a submitted report is returned, resubmitted by the NGO, then accepted and frozen", async ({ page }) => {
  const ngo = await apiAs(demo("ngo-admin"));
  const officer = await apiAs(demo("officer"));
  const contract = unwrap(await officer.api.GET("/api/v1/contracts", { params: { query: { status: "active" } } })).items[0]!;
  const report = unwrap(
    await ngo.api.POST("/api/v1/contracts/{id}/reports", {
      params: { path: { id: contract.id } },
      body: { period_start: contract.start_date, period_end: contract.end_date, narrative: "本期开展团体辅导三次。" },
    }),
  );
  unwrap(await ngo.api.POST("/api/v1/reports/{id}/submit", { params: { path: { id: report.id } } }));

  await login(page, demo("officer"));
  await page.getByRole("menuitem", { name: "报告" }).click();
  const row = page.getByTestId("reports-table").getByRole("row", { name: /待审阅/ });
  await expect(row).toHaveCount(1);
  await row.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("本期开展团体辅导三次。");
  await expect(dialog.getByTestId("report-metrics")).toContainText("服务人数");
  await screenshot(page, "report");
  await dialog.getByLabel("退回意见").fill("请补充个案辅导的成效说明。");
  await dialog.getByRole("button", { name: "退回" }).click();
  await expect(dialog.getByTestId("report-status")).toHaveText("已退回");

  // The NGO revises and resubmits through the API.
  const returned = unwrapJson(await ngo.api.GET("/api/v1/reports/{id}", { params: { path: { id: report.id } } }));
  expect(returned.comments).toBe("请补充个案辅导的成效说明。");
  unwrap(
    await ngo.api.PATCH("/api/v1/reports/{id}", {
      params: { path: { id: report.id }, header: { "If-Match": `"${returned.version}"` } },
      body: { narrative: "本期开展团体辅导三次，个案辅导成效见附表。" },
    }),
  );
  unwrap(await ngo.api.POST("/api/v1/reports/{id}/submit", { params: { path: { id: report.id } } }));

  await page.reload();
  await page.getByTestId("reports-table").getByRole("row", { name: /待审阅/ }).click();
  await expect(dialog).toContainText("个案辅导成效见附表");
  await dialog.getByRole("button", { name: "通过" }).click();
  await expect(dialog.getByTestId("report-status")).toHaveText("已通过");
  await expect(dialog).toContainText("已通过的报告不可修改");
  await expect(dialog.getByRole("button", { name: "通过" })).toHaveCount(0);
});

test("the admin creates a user who then logs in", async ({ page, browser }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await page.getByRole("menuitem", { name: "系统管理" }).click();
  await page.getByRole("menuitem", { name: "用户" }).click();
  await page.getByRole("button", { name: "新建用户" }).click();
  const dialog = page.getByRole("dialog");
  const email = `e2e-${Date.now()}@bureau.huigui.cn`;
  await dialog.getByLabel("电子邮箱").fill(email);
  await dialog.getByLabel("姓名").fill("新科员");
  await dialog.getByLabel("初始密码").fill("short");
  await dialog.getByLabel("所属机构").click();
  await page.getByRole("option", { name: /文水县司法局/ }).click();
  await dialog.getByRole("button", { name: "保存" }).click();
  // The API's field error stands beside the field.
  await expect(dialog.locator(".el-form-item__error")).toBeVisible();
  await dialog.getByLabel("初始密码").fill("new-officer-password-2026");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("users-table")).toContainText(email);
  await screenshot(page, "users");

  const other = await browser.newContext({ baseURL });
  const second = await other.newPage();
  await login(second, email, "new-officer-password-2026");
  await expect(second.getByTestId("who")).toContainText("新科员");
  await other.close();
});

test("the auditor sees no write controls and verifies the audit chain", async ({ page }) => {
  // The admin signs a checkpoint; the auditor verifies the chain, then against it.
  const admin = await apiAs(ADMIN.email, ADMIN.password);
  const checkpoint = unwrap(
    await admin.api.POST("/api/v1/audit-events/checkpoints", { params: { header: { "Idempotency-Key": crypto.randomUUID() } } }),
  );
  await login(page, demo("auditor"));
  await page.getByRole("menuitem", { name: "审计" }).click();
  await page.getByTestId("verify").click();
  await expect(page.getByTestId("verification")).toContainText("校验通过");
  await page.getByRole("combobox", { name: "签名检查点" }).click({ force: true }); // the select's wrapper takes the pointer
  await page.getByRole("option", { name: new RegExp(`^#${checkpoint.seq} `) }).click();
  await page.getByTestId("verify").click();
  await expect(page.getByTestId("verification")).toContainText("校验通过");
  // The trail filters by action.
  await page.getByRole("textbox", { name: "操作" }).fill("audit.checkpoint");
  await page.getByRole("button", { name: "筛选" }).click();
  // (the daily checkpoint job may have signed one too)
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  await expect(rows.first()).toContainText("audit.checkpoint");
  for (const row of await rows.all()) await expect(row).toContainText("audit.checkpoint");
  await screenshot(page, "audit");
  const writes = /新建|保存|发布|授标|评分|签订|暂停|终止|通过|退回|停用|签署/;
  for (const path of ["/audit", "/dashboard", "/procurements", "/contracts"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("button", { name: writes })).toHaveCount(0);
  }
  // Into a procurement and a contract too.
  await page.goto("/procurements");
  await page.getByRole("row", { name: /已截止|已授标/ }).first().click();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("button", { name: writes })).toHaveCount(0);
  await page.goto("/contracts");
  await page.getByRole("row", { name: /履行中/ }).first().click();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("button", { name: writes })).toHaveCount(0);
});

test("an expired access token is renewed without the user noticing", async ({ page }) => {
  await login(page, demo("officer"));
  await expect(page.getByTestId("contracted")).not.toBeEmpty();
  const refreshed = page.waitForRequest((r) => r.url().endsWith("/api/v1/auth/refresh"));
  // This server's access tokens live 20 s; wait until the first one is dead on the server too.
  await page.waitForTimeout(21_000);
  await page.getByRole("menuitem", { name: "合同" }).click();
  await refreshed;
  await expect(page.getByRole("heading", { name: "合同" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  await expect(page).not.toHaveURL(/\/login/);
  // A reload keeps the session (refresh token in this tab's sessionStorage, never localStorage).
  await page.reload();
  await expect(page).toHaveURL(/\/contracts/);
  const stored = await page.evaluate(() => ({ local: JSON.stringify(localStorage), session: Object.keys(sessionStorage) }));
  expect(stored.local).not.toMatch(/token/i);
  expect(stored.session.sort()).toEqual(["huigui.me", "huigui.refresh_token"]);
  // Logging out revokes the refresh token.
  const token = await page.evaluate(() => sessionStorage.getItem("huigui.refresh_token"));
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  const r = await fetch(new URL("/api/v1/auth/refresh", page.url()), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ refresh_token: token }),
  });
  expect(r.status).toBe(401);
});

test("a deep link the role may not open shows the 403 page; an unknown one the 404 page", async ({ page }) => {
  await login(page, demo("ngo-staff"));
  await page.goto("/audit");
  await expect(page.getByRole("alert")).toContainText("403");
  await screenshot(page, "forbidden");
  await expect(page.getByRole("menuitem", { name: "审计" })).toHaveCount(0);
  await page.goto("/contracts/00000000-0000-7000-8000-000000000000");
  await expect(page.getByRole("alert")).toContainText("404");
  await page.goto("/no/such/page");
  await expect(page.getByRole("alert")).toContainText("404");
});

test("the language switch shows the console in English", async ({ page }) => {
  await login(page, demo("officer"));
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "总览" })).toBeVisible();
});

test("login works from the keyboard alone, and the dashboard fits a tablet", async ({ page }) => {
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.goto("/login");
  await expect(page.getByLabel("电子邮箱")).toBeFocused();
  await page.keyboard.type(demo("officer"));
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("密码", { exact: true })).toBeFocused();
  await page.keyboard.type("huigui-demo-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "总览" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no sideways scrolling on a tablet").toBeLessThanOrEqual(0);
  await screenshot(page, "dashboard-tablet");
});

test("the officer drafts a procurement: the weights are checked as typed, a decimal target is fine, and it publishes", async ({ page }) => {
  await login(page, demo("officer"));
  await page.getByRole("menuitem", { name: "采购" }).click();
  await page.getByRole("button", { name: "新建采购" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("项目名称").fill("2027年度社区矫正对象心理健康服务");
  await dialog.getByLabel("项目说明").fill("面向全县矫正对象的心理测评与团体辅导");
  await dialog.getByText("团体辅导").click();
  await dialog.getByRole("spinbutton", { name: "预算（元）" }).fill("300000");
  const period = dialog.locator(".el-form-item", { hasText: "服务开始" }).getByRole("combobox");
  const year = new Date().getFullYear() + 1;
  await period.nth(0).fill(`${year}-01-01`);
  await period.nth(1).fill(`${year}-12-31`);
  await period.nth(1).press("Enter");
  const deadline = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
  await dialog.locator(".el-form-item", { hasText: "投标截止" }).getByRole("combobox").first().fill(deadline);
  await dialog.locator(".el-form-item", { hasText: "投标截止" }).getByRole("combobox").first().press("Enter");
  // A KPI with a fractional target (attendance 0.85) alongside the default one.
  await dialog.getByRole("button", { name: "添加一行" }).first().click();
  const kpiRows = dialog.locator(".el-form-item", { hasText: "绩效指标模板" }).locator("tbody tr");
  await kpiRows.nth(0).getByRole("spinbutton", { name: "权重" }).fill("60");
  await kpiRows.nth(1).getByRole("spinbutton", { name: "目标值" }).fill("0.85");
  await kpiRows.nth(1).getByRole("spinbutton", { name: "权重" }).fill("40");
  await expect(dialog.getByTestId("criteria-sum")).toContainText("100");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("procurement-status")).toHaveText("草稿");
  await page.getByRole("button", { name: "发布" }).click();
  await expect(page.getByTestId("procurement-status")).toHaveText("已发布");
});
