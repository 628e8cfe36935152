/**
 * The judicial office and the agency at work: a GB18030 roster import
 * (dry run with a rejected row, then the import), a person's page, an alert
 * escalated to the police station, and a referral the agency accepts and
 * resolves. An NGO cannot open the office's screens.
 */
import { unwrap } from "@huigui/client";
import iconv from "iconv-lite";
import { apiAs, demo, expect, idNumber, login, screenshot, test } from "./fixtures";

test("the office imports a GB18030 roster: the dry run shows the rejected row, then the import", async ({ page }) => {
  const good = [idNumber("19850312", 611), idNumber("19900704", 622)];
  const bad = good[0]!.slice(0, 17) + (good[0]!.endsWith("1") ? "2" : "1"); // wrong check character
  const csv = [
    "姓名,身份证号,联系电话,矫正类别,管理类别,矫正起始日,矫正终止日",
    `赵新民,${good[0]},13900001111,缓刑,普管,2026-09-01,2027-08-31`,
    `钱晓燕,${good[1]},13900002222,假释,严管,2026-10-01,2027-09-30`,
    `孙错号,${bad},13900003333,缓刑,普管,2026-10-01,2027-09-30`,
  ].join("\r\n");
  const file = { name: "花名册.csv", mimeType: "text/csv", buffer: iconv.encode(csv, "gb18030") };

  await login(page, demo("office"));
  await expect(page).toHaveURL(/\/people/);
  await page.getByRole("button", { name: "导入花名册" }).click();
  await page.getByTestId("roster-file").setInputFiles(file);
  await page.getByRole("button", { name: "试导入（不保存）" }).click();
  await expect(page.getByTestId("roster-summary")).toContainText("新增 2 · 更新 0 · 拒绝 1");
  const rejected = page.getByTestId("roster-rows").getByRole("row", { name: /拒绝/ });
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText("4"); // the file's line 4 (line 1 is the header)
  await expect(rejected).toContainText("id_number");
  await screenshot(page, "roster-import");
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("roster-summary")).toContainText("新增 2");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("people-table")).toContainText("赵新民");
  await expect(page.getByTestId("people-table")).toContainText("钱晓燕");
  await expect(page.getByTestId("people-table")).not.toContainText("孙错号");

  // The person's page: the full ID number for the own office, the month's hours.
  await page.getByTestId("people-table").getByRole("row", { name: /赵新民/ }).click();
  await expect(page.getByText(good[0]!)).toBeVisible();
  await expect(page.getByTestId("hours-status")).toBeVisible();
  await screenshot(page, "person");
});

test("the office escalates an alert to the police station; a referral is accepted and resolved by the agency", async ({ page, browser }) => {
  await login(page, demo("office"));
  await page.getByRole("menuitem", { name: "预警" }).click();
  const first = page.getByTestId("alerts-table").locator("tbody tr").first();
  await expect(first).toContainText("待处理");
  await first.getByRole("button", { name: "上报协作部门" }).click();
  const dialog = page.getByRole("dialog");
  // The office's police station is preselected.
  await expect(dialog.locator(".el-select")).toContainText("凤城派出所");
  await dialog.getByLabel("处理说明").fill("连续缺席，请派出所协助核查");
  await dialog.getByRole("button", { name: "确定" }).click();
  await expect(first).toContainText("已上报");
  await screenshot(page, "alerts");

  await page.getByRole("menuitem", { name: "转介" }).click();
  await page.getByRole("button", { name: "新建转介" }).click();
  const create = page.getByRole("dialog");
  const choose = async (field: string, option: RegExp) => {
    await create.locator(".el-form-item", { hasText: field }).locator(".el-select__wrapper").click();
    await page.locator(".el-select-dropdown__item:visible", { hasText: option }).first().click();
  };
  await choose("对象", /./);
  await choose("接收部门", /派出所/);
  await create.getByLabel("情况说明").fill("家庭困难，申请临时救助");
  await create.getByRole("button", { name: "保存" }).click();
  await expect(create).toBeHidden();
  const row = page.getByTestId("referrals-table").getByRole("row", { name: /家庭困难/ });
  await expect(row).toContainText("待受理");

  // The police station's staff answers it.
  const agencyContext = await browser.newContext();
  const agency = await agencyContext.newPage();
  await login(agency, demo("agency"));
  await expect(agency).toHaveURL(/\/referrals/);
  const theirs = agency.getByTestId("referrals-table").getByRole("row", { name: /家庭困难/ });
  await theirs.getByRole("button", { name: "受理", exact: true }).click();
  await agency.getByRole("dialog").getByLabel("答复").fill("已受理，三日内入户");
  await agency.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(theirs).toContainText("已受理");
  await theirs.getByRole("button", { name: "办结" }).click();
  await agency.getByRole("dialog").getByLabel("答复").fill("已发放临时救助金");
  await agency.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(theirs).toContainText("已办结");
  // The escalated alert is in the agency's view too: it resolves it, saying what it did.
  await agency.getByRole("menuitem", { name: "预警" }).click();
  const escalated = agency.getByTestId("alerts-table").getByRole("row", { name: /已上报/ }).first();
  await escalated.getByRole("button", { name: "办结" }).click();
  await agency.getByRole("dialog").getByLabel("处理说明").fill("已上门核查，本人在家");
  await agency.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(agency.getByRole("dialog")).toBeHidden();
  await agency.locator(".el-switch").click(); // show resolved ones too
  await expect(agency.getByTestId("alerts-table")).toContainText("已办结");
  await screenshot(agency, "agency-referrals");
  await agencyContext.close();

  const office = await apiAs(demo("office"));
  const referrals = unwrap(await office.api.GET("/api/v1/referrals", {})).items;
  const resolved = referrals.find((r) => r.detail === "家庭困难，申请临时救助");
  expect(resolved?.status).toBe("resolved");
  // The person's page lists it with its state.
  await page.goto(`/people/${resolved!.participant_id}`);
  await expect(page.getByTestId("person-referrals")).toContainText("家庭困难，申请临时救助");
  await expect(page.getByTestId("person-referrals")).toContainText("已办结");
});

test("the office sees its month's compliance and closes last month once", async ({ page }) => {
  const office = await apiAs(demo("office"));
  const me = unwrap(await office.api.GET("/api/v1/me"));
  const last = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() - 28 * 86400_000)).slice(0, 7);
  const stats = unwrap(await office.api.GET("/api/v1/stats/compliance", { params: { query: { month: last, office_id: me.organization_id } } }));
  const row = typeof stats === "string" ? undefined : stats.items[0];
  await login(page, demo("office"));
  await expect(page.getByText(`在册 ${row?.on_register ?? 0}`)).toBeVisible();
  await page.getByRole("button", { name: "月度结账" }).click();
  await expect(page.getByText(`${last} 已结账`)).toBeVisible();
  await page.getByRole("button", { name: "月度结账" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "409" })).toBeVisible();
});

test("an NGO cannot open the office's screens", async ({ page }) => {
  await login(page, demo("ngo-staff"));
  await expect(page.getByRole("menuitem", { name: "矫正对象" })).toHaveCount(0);
  for (const path of ["/people", "/referrals"]) {
    await page.goto(path);
    await expect(page.getByRole("alert")).toContainText("403");
  }
});
