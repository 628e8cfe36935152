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

test("the office reads a person's team, adds a plan version that decides the month, and notifies the committee, which acknowledges", async ({ page, browser }) => {
  await login(page, demo("office"));
  await page.getByRole("menuitem", { name: "矫正对象" }).click();
  await page.getByLabel("按姓名或编号筛选").fill("李秀英");
  await page.getByTestId("people-table").getByRole("row", { name: /李秀英/ }).click();
  // Her team, with a woman of her village committee; her plan's two versions, the second in effect.
  await expect(page.getByTestId("team")).toContainText("王桂兰");
  const plans = page.getByTestId("plans");
  await expect(plans.getByRole("row", { name: /v2/ })).toContainText("本月执行");
  await expect(plans).toContainText("个别心理咨询 每月 2 次");
  await expect(page.getByTestId("hours-plan")).toContainText("方案 v2");
  await expect(page.getByTestId("hours-goals")).toContainText("个别心理咨询");

  await plans.getByRole("button", { name: "新增方案版本" }).click();
  const dialog = page.getByRole("dialog", { name: "新增方案版本" });
  await dialog.getByLabel("理由").fill("病情稳定，恢复常规时长");
  await dialog.getByLabel("备注").fill("下月起恢复集中教育");
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  await expect(plans.getByRole("row", { name: /v3/ })).toContainText("本月执行");
  await expect(plans.getByRole("row", { name: /v3/ })).toContainText("按监管等级");
  await expect(page.getByTestId("hours-plan")).toContainText("方案 v3");
  await screenshot(page, "person-plan");

  // A notice to her village committee, acknowledged there.
  const notices = page.getByTestId("notices");
  await notices.getByRole("button", { name: "发出协助通知" }).click();
  await page.getByRole("dialog").getByLabel("协助事项").fill("协助核实对象家庭困难情况，每月反馈一次");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  const sent = notices.getByRole("row", { name: /每月反馈一次/ });
  await expect(sent).toContainText("待确认");

  const committeeContext = await browser.newContext();
  const committee = await committeeContext.newPage();
  await login(committee, demo("committee"));
  await committee.getByRole("menuitem", { name: "协助通知" }).click();
  const row = committee.getByTestId("notices-table").getByRole("row", { name: /每月反馈一次/ });
  await row.getByRole("button", { name: "确认收到" }).click();
  await expect(row).toContainText("已确认");
  await screenshot(committee, "notices");
  await committeeContext.close();
  await page.reload();
  await expect(sent).toContainText("已确认");
});

test("an office convenes a township meeting, records a decision and a task, holds and closes it", async ({ page }) => {
  await login(page, demo("office"));
  await page.getByRole("menuitem", { name: "联席会议" }).click();
  await page.getByRole("button", { name: "召集会议" }).click();
  const dialog = page.getByRole("dialog", { name: "召集会议" });
  await dialog.getByLabel("会议", { exact: true }).fill("凤城镇十二月矫正工作例会");
  await dialog.locator(".el-form-item", { hasText: "参会单位" }).locator(".el-select__wrapper").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "城关村民委员会" }).first().click();
  await dialog.getByLabel("会议", { exact: true }).click(); // close the dropdown
  await dialog.getByRole("button", { name: "保存" }).click();
  await expect(dialog).toBeHidden();
  const meeting = page.getByTestId("meetings-table").getByRole("row", { name: /十二月矫正工作例会/ });
  await expect(meeting).toContainText("筹备中");
  await meeting.locator(".el-table__expand-icon").click();

  await page.getByRole("button", { name: "记录议题" }).click();
  const item = page.getByRole("dialog", { name: "记录议题" });
  await item.getByLabel("讨论情况").fill("对象家庭困难，需民政救助");
  await item.getByLabel("会议决定").fill("由村委会协助申请临时救助");
  await item.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("由村委会协助申请临时救助")).toBeVisible();

  await page.getByRole("button", { name: "分派任务" }).click();
  const task = page.getByRole("dialog", { name: "分派任务" });
  await task.locator(".el-form-item", { hasText: "承办单位" }).locator(".el-select__wrapper").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "城关村民委员会" }).first().click();
  await task.getByLabel("任务内容").fill("协助申请临时救助");
  await task.getByRole("button", { name: "保存" }).click();
  await expect(task).toBeHidden();
  await expect(page.getByText(/城关村民委员会：协助申请临时救助/)).toBeVisible();

  await page.getByRole("button", { name: "召开" }).click();
  await expect(meeting).toContainText("已召开");
  await page.getByRole("button", { name: "结束并封存纪要" }).click();
  await expect(meeting).toContainText("已结束");
  await expect(page.getByRole("button", { name: "记录议题" })).toBeHidden();
});
