/**
 * Multi-agency collaboration in the console: the procuratorate records a
 * finding, the office answers it, the procuratorate closes it; the office
 * reports its overdue joint-meeting task done and reads the meeting's
 * decisions.
 */
import { demo, expect, login, screenshot, test } from "./fixtures";

test("a finding is recorded by the procuratorate, answered by the office and closed", async ({ page, browser }) => {
  await login(page, demo("auditor"));
  await page.getByRole("menuitem", { name: "检察监督" }).click();
  const table = page.getByTestId("findings-table");
  await expect(table.getByText("个案帮扶服务台账不完整")).toBeVisible();
  await expect(table.getByRole("row", { name: /台账不完整/ })).toContainText("已逾期");
  await page.getByRole("button", { name: "提出监督意见" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator(".el-form-item", { hasText: "被监督单位" }).locator(".el-select__wrapper").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "凤城镇司法所" }).first().click();
  await dialog.getByLabel("监督意见").fill("社区服务签到表缺少经办人签字");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  const mine = table.getByRole("row", { name: /缺少经办人签字/ });
  await expect(mine).toContainText("待整改");
  await screenshot(page, "findings");

  // The office answers it.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await login(office, demo("office"));
  await office.getByRole("menuitem", { name: "检察监督" }).click();
  const theirs = office.getByTestId("findings-table").getByRole("row", { name: /缺少经办人签字/ });
  await theirs.getByRole("button", { name: "答复整改" }).click();
  await office.getByRole("dialog").getByLabel("整改情况").fill("已补签并建立复核制度");
  await office.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(theirs).toContainText("已答复");
  await officeContext.close();

  // The procuratorate closes it.
  await page.reload();
  await mine.getByRole("button", { name: "确认整改" }).click();
  await expect(mine).toContainText("已办结");
});

test("the office completes its overdue meeting task and reads the meeting's decisions", async ({ page }) => {
  await login(page, demo("office"));
  await page.getByRole("menuitem", { name: "联席会议" }).click();
  const task = page.getByTestId("tasks-table").getByRole("row", { name: /执行地变更交接/ });
  await expect(task).toContainText("已逾期");
  await task.getByRole("button", { name: "反馈办结" }).click();
  await page.getByRole("dialog").getByLabel("办理结果").fill("已与邻县司法局完成交接");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(task).toContainText("已办结");
  await page.getByRole("tab", { name: "会议" }).click();
  const county = page.getByTestId("meetings-table").getByRole("row", { name: /联席会议/ }).filter({ hasText: "县级" });
  await county.locator(".el-table__expand-icon").click();
  await expect(page.getByText("同意变更，由凤城镇司法所十日内办理交接。")).toBeVisible();
  await screenshot(page, "meetings");
});
