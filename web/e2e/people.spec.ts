/**
 * People on the server's terms: the office's list narrowed by the API
 * (hours status, name), a person's sessions with their attendance and
 * referrals; the NGO's volunteers — registered, enrolled in a session it
 * edits, and certified for their approved hours on a printable page.
 */
import { unwrap } from "@huigui/client";
import { apiAs, demo, expect, login, screenshot, test } from "./fixtures";

const lastMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(d).slice(0, 7);
};

test("the office filters its people on the server and sees a person's sessions with attendance", async ({ page }) => {
  const office = await apiAs(demo("office"));
  await login(page, demo("office"));
  await expect(page).toHaveURL(/\/people/);
  const table = page.getByTestId("people-table");
  await expect(table.locator("tbody tr").first()).toBeVisible();

  // "Not met last month": the console asks the API, and shows exactly what it answers.
  const expected = unwrap(
    await office.api.GET("/api/v1/participants", {
      params: { query: { kind: "correction_subject", status: "active", month_status: "not_met", month: lastMonth(), limit: 200 } },
    }),
  ).items;
  const asked = page.waitForRequest((r) => r.url().includes("month_status=not_met") && r.url().includes(`month=${lastMonth()}`));
  await page.getByTestId("hours-filter").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "上月未达标" }).click();
  await asked;
  await expect(table.locator("tbody tr")).toHaveCount(expected.length);
  for (const p of expected) await expect(table).toContainText(p.code);
  await page.getByTestId("hours-filter").hover();
  await page.getByTestId("hours-filter").locator(".el-select__clear").click();
  await expect(table.locator("tbody tr")).not.toHaveCount(0);

  // Typing a name asks the server (`q`) and leaves one row.
  const everyone = unwrap(
    await office.api.GET("/api/v1/participants", { params: { query: { kind: "correction_subject", status: "active", limit: 200 } } }),
  ).items;
  const withSessions = [];
  for (const p of everyone) {
    const e = unwrap(await office.api.GET("/api/v1/participants/{id}/enrollments", { params: { path: { id: p.id } } })).items;
    if (e.some((x) => x.outcome)) withSessions.push({ p, e });
  }
  expect(withSessions.length, "the demo's held sessions have attendance").toBeGreaterThan(0);
  const { p: person, e: enrolments } = withSessions[0]!;
  const searched = page.waitForRequest((r) => r.url().includes("q="));
  await page.getByLabel("按姓名或编号筛选").fill(person.name!);
  await searched;
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await table.getByRole("row", { name: new RegExp(person.name!) }).click();

  // The person's sessions: one row per enrolment, held ones with their outcome and hours.
  const sessions = page.getByTestId("person-sessions");
  await expect(sessions.locator("tbody tr")).toHaveCount(enrolments.length);
  const held = enrolments.find((x) => x.outcome)!;
  const row = sessions.getByRole("row", { name: new RegExp(held.session.title) }).first();
  const outcomeLabel = { present: "出席", late: "迟到", left_early: "早退", excused: "请假", no_show: "缺席" }[held.outcome!];
  await expect(row).toContainText(outcomeLabel);
  await sessions.scrollIntoViewIfNeeded();
  await screenshot(page, "person-sessions");
});

test("NGO staff edit an upcoming session, register a volunteer, enrol them, and print their certificate", async ({ page }) => {
  const staff = await apiAs(demo("ngo-staff"));
  const now = Date.now();
  const upcoming = unwrap(await staff.api.GET("/api/v1/sessions", { params: { query: { status: "scheduled" } } })).items.find(
    (s) => Date.parse(s.starts_at) > now,
  );
  expect(upcoming, "the demo has an upcoming session").toBeDefined();

  await login(page, demo("ngo-staff"));
  await page.goto(`/sessions/${upcoming!.id}`);
  await page.getByRole("button", { name: "编辑", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "编辑活动" });
  await edit.getByRole("textbox", { name: "地点" }).fill("凤城镇新时代文明实践站");
  await edit.getByRole("button", { name: "保存" }).click();
  await expect(edit).toBeHidden();
  await expect(page.locator(".el-descriptions")).toContainText("凤城镇新时代文明实践站");
  const saved = unwrap(await staff.api.GET("/api/v1/sessions/{id}", { params: { path: { id: upcoming!.id } } }));
  expect([saved.location, saved.version]).toEqual(["凤城镇新时代文明实践站", upcoming!.version + 1]);

  // A volunteer of the NGO's own.
  await page.getByRole("menuitem", { name: "志愿者" }).click();
  await page.getByRole("button", { name: "登记志愿者" }).click();
  const reg = page.getByRole("dialog", { name: "登记志愿者" });
  await reg.getByLabel("姓名").fill("周志愿");
  await reg.getByLabel("联系电话").fill("13912345678");
  await reg.getByRole("button", { name: "保存" }).click();
  await expect(reg).toBeHidden();
  const volunteers = page.getByTestId("volunteers-table");
  await expect(volunteers).toContainText("周志愿");
  await screenshot(page, "volunteers");

  // Enrolled in the session by the NGO.
  await page.goto(`/sessions/${upcoming!.id}`);
  await page.getByRole("button", { name: "志愿者报名" }).click();
  const enrol = page.getByRole("dialog", { name: "志愿者报名" });
  await enrol.locator(".el-select__wrapper").click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: "周志愿" }).click();
  await enrol.locator(".el-dialog__title").click(); // close the dropdown
  await enrol.getByRole("button", { name: "确定" }).click();
  await expect(enrol.getByTestId("enrol-answers")).toContainText("周志愿：已报名");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("enrolments")).toContainText("周志愿");

  // Hours logged by staff and approved by the NGO's admin appear on the certificate.
  const volunteer = unwrap(
    await staff.api.GET("/api/v1/participants", { params: { query: { kind: "volunteer", q: "周志愿" } } }),
  ).items[0]!;
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  const entry = unwrap(
    await staff.api.POST("/api/v1/participants/{id}/hours", {
      params: { path: { id: volunteer.id } },
      body: { category: "volunteer", hours: 3, date: today, description: "社区义务清扫" },
    }),
  );
  const admin = await apiAs(demo("ngo-admin"));
  unwrap(await admin.api.POST("/api/v1/hours/{entry_id}/approve", { params: { path: { entry_id: entry.id } } }));
  await page.getByRole("menuitem", { name: "志愿者" }).click();
  await volunteers.getByRole("row", { name: /周志愿/ }).getByRole("button", { name: "志愿服务证明" }).click();
  const cert = page.getByTestId("certificate");
  await expect(cert).toContainText("周志愿");
  await expect(cert).toContainText("社区义务清扫");
  await expect(cert).toContainText("文水县阳光社会工作服务中心");
  await expect(cert.locator("tfoot")).toContainText("3");
  await expect(page.getByRole("button", { name: "打印" })).toBeEnabled();
  // On paper only the certificate: the menu and the buttons are not printed.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await expect(page.getByRole("menuitem", { name: "志愿者" })).toBeHidden();
  await expect(cert).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await screenshot(page, "certificate");
});
