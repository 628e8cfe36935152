/**
 * The NGO's check-in page on the demo's running session: a check by button,
 * one recorded offline that survives a reload and is sent once when the
 * network is back, and a QR code on screen that the API accepts.
 */
import { unwrap, type components } from "@huigui/client";
import jsQR from "jsqr";
import { apiAs, demo, expect, idNumber, login, screenshot, test } from "./fixtures";

type SyncEvent = components["schemas"]["SyncEvent"];

// One session's day in order: enrolment, check-in, close.
test.describe.configure({ mode: "serial" });

/** The demo's session under way (started 30 minutes before `demo` ran). */
async function runningSession() {
  const ngo = await apiAs(demo("ngo-staff"));
  const now = Date.now();
  const s = unwrap(await ngo.api.GET("/api/v1/sessions", { params: { query: { status: "scheduled" } } })).items.find(
    (x) => Date.parse(x.starts_at) <= now && now <= Date.parse(x.ends_at),
  );
  expect(s, "the demo has a session under way").toBeDefined();
  return s!;
}

test("the office enrols two of its people into the running session and excuses one", async ({ page }) => {
  const office = await apiAs(demo("office"));
  const me = unwrap(await office.api.GET("/api/v1/me"));
  const names = ["周启明", "吴秀兰"];
  for (const [i, name] of names.entries()) {
    unwrap(
      await office.api.POST("/api/v1/participants", {
        body: {
          kind: "correction_subject",
          name,
          id_number: idNumber(`1979050${i + 1}`, 700 + i),
          judicial_office_id: me.organization_id,
          correction_type: "probation",
          supervision_level: "ordinary",
          correction_start: "2026-06-01",
          correction_end: "2027-05-31",
        },
      }),
    );
  }
  const session = await runningSession();
  await login(page, demo("office"));
  await page.getByRole("menuitem", { name: "活动" }).click();
  await page.getByTestId("sessions-table").getByRole("row", { name: new RegExp(session.title) }).click();
  await page.getByRole("button", { name: "为本所人员报名" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.locator(".el-select__wrapper").click();
  for (const name of names) await page.locator(".el-select-dropdown__item:visible", { hasText: name }).click();
  await dialog.locator(".el-dialog__title").click(); // close the dropdown
  await dialog.getByRole("button", { name: "确定" }).click();
  for (const name of names) await expect(dialog.getByTestId("enrol-answers")).toContainText(`${name}：已报名`);
  await page.keyboard.press("Escape");
  const enrolments = page.getByTestId("enrolments");
  for (const name of names) await expect(enrolments).toContainText(name);
  // Excusing one of them, with a reason.
  await enrolments.getByRole("row", { name: new RegExp(names[1]!) }).getByRole("button", { name: "请假" }).click();
  await page.getByRole("dialog").getByLabel("请假理由").fill("住院治疗，附医院证明");
  await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
  await expect(enrolments.getByRole("row", { name: new RegExp(names[1]!) })).toContainText("请假");
  await screenshot(page, "session");
});

test("check-in by button, offline across a reload, then once when back online; the QR code is one the API accepts", async ({
  page,
  context,
}) => {
  const ngo = await apiAs(demo("ngo-staff"));
  const running = await runningSession();
  const sid = running.id;

  await login(page, demo("ngo-staff"));
  await expect(page).toHaveURL(/\/sessions/);
  await page.getByTestId("sessions-table").getByRole("row", { name: new RegExp(running.title) }).getByRole("button", { name: "签到" }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sid}/checkin`));
  const rows = page.getByTestId("roster").locator("tbody tr");
  await expect(rows.first()).toBeVisible();

  // 1. By button, online.
  await rows.nth(0).getByRole("button", { name: "签到" }).click();
  await expect(page.getByTestId("results")).toContainText("已记录");
  await expect(rows.nth(0).getByRole("button", { name: "签到" })).toBeDisabled();

  // 2. Offline: the check waits in the queue, and a reload keeps it.
  await context.setOffline(true);
  await rows.nth(1).getByRole("button", { name: "签到" }).click();
  await expect(page.getByTestId("pending")).toContainText("1 条");
  const queued = await page.evaluate(
    () =>
      new Promise<SyncEvent[]>((resolve, reject) => {
        const open = indexedDB.open("huigui");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction("checkin-queue").objectStore("checkin-queue").get("events");
          get.onsuccess = () => resolve(get.result as SyncEvent[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
  expect(queued).toHaveLength(1);
  const offlineEvent = queued[0]!;
  await screenshot(page, "checkin-offline");
  await page.reload();
  await expect(page.getByTestId("offline")).toBeVisible();
  await expect(page.getByTestId("pending")).toContainText("1 条");

  // 3. Back online: sent, and stored exactly once.
  await context.setOffline(false);
  await expect(page.getByTestId("results")).toContainText("已记录");
  await expect(page.getByTestId("pending")).toHaveCount(0);
  const attendance = unwrap(await ngo.api.GET("/api/v1/sessions/{id}/attendance", { params: { path: { id: sid } } })).items;
  const row = attendance.find((a) => a.participant_id === offlineEvent.participant_id);
  expect(row?.check_in_at && Date.parse(row.check_in_at)).toBe(Date.parse(offlineEvent.at));
  const replay = unwrap(await ngo.api.POST("/api/v1/attendance/sync", { body: { events: [offlineEvent] } }));
  expect(replay.results[0]?.status, "a replay of the same client_event_id is harmless").toBe("duplicate");
  await expect(page.getByTestId("counts")).toContainText("已签到 2");
  await screenshot(page, "checkin");

  // 4. The rotating QR code decodes to a token the API accepts.
  await page.getByRole("button", { name: "二维码签到" }).click();
  const qr = page.getByTestId("qr");
  await expect(qr).toBeVisible();
  await page.waitForFunction(() => (document.querySelector('[data-testid="qr"]') as HTMLCanvasElement | null)?.width ?? 0 > 0);
  const pixels = await qr.evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  expect(decoded?.data, "the QR code decodes").toBeTruthy();
  await screenshot(page, "checkin-qr");
  const third = attendance.find((a) => !a.check_in_at && a.participant_id !== offlineEvent.participant_id);
  const byQr = await ngo.api.POST("/api/v1/sessions/{id}/attendance", {
    params: { path: { id: sid } },
    body: { participant_id: third!.participant_id, kind: "check_in", at: new Date().toISOString(), source: "qr", qr_token: decoded!.data },
  });
  expect(byQr.response.status, JSON.stringify(byQr.error)).toBe(201);
});

test("the NGO closes the session, rates and records an outcome; the office sees outcomes and the month's hours", async ({ page }) => {
  const session = await runningSession();
  await login(page, demo("ngo-staff"));
  await page.getByTestId("sessions-table").getByRole("row", { name: new RegExp(session.title) }).click();
  await page.getByRole("button", { name: "结束活动并结算" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("已结束");
  const enrolments = page.getByTestId("enrolments");
  await expect(enrolments).toContainText("缺席");
  await expect(enrolments.getByRole("row", { name: /吴秀兰/ })).toContainText("请假");
  const attended = enrolments.locator("tbody tr").filter({ hasText: /出席|迟到|早退/ }).first();
  await expect(attended).toBeVisible();
  await attended.locator(".el-rate__item").nth(4).click(); // five stars
  await expect(attended.getByRole("slider", { name: "满意度" })).toHaveAttribute("aria-valuenow", "5");
  await attended.getByRole("button", { name: "记录成效" }).click();
  await page.getByRole("dialog").getByLabel("情况说明").fill("完成团体辅导，获结业证书");
  await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("alert").filter({ hasText: "422" }), "no stray rating was sent").toHaveCount(0);
  await screenshot(page, "session-closed");

  // The office: the person's outcome and this month's credited hours.
  const office = await apiAs(demo("office"));
  const rows = unwrap(await office.api.GET("/api/v1/sessions/{id}/attendance", { params: { path: { id: session.id } } })).items;
  const credited = rows.find((r) => (r.hours_credited ?? 0) > 0 && (r.satisfaction ?? 0) === 5);
  expect(credited, "the rated person has credited hours").toBeDefined();
  const month = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date()).slice(0, 7);
  const hours = unwrap(
    await office.api.GET("/api/v1/participants/{id}/hours", { params: { path: { id: credited!.participant_id }, query: { month } } }),
  );
  expect(hours.entries.some((e) => e.session_id === session.id && e.source === "attendance")).toBe(true);
  await page.getByRole("button", { name: "退出登录" }).click();
  await login(page, demo("office"));
  await page.goto(`/people/${credited!.participant_id}`);
  await expect(page.getByTestId("ledger")).toContainText("活动签到");
  await expect(page.getByText("完成团体辅导，获结业证书")).toBeVisible();
});
