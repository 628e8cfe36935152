/**
 * The NGO's check-in page on the demo's running session: a check by button,
 * one recorded offline that survives a reload and is sent once when the
 * network is back, and a QR code on screen that the API accepts.
 */
import { unwrap, type components } from "@huigui/client";
import jsQR from "jsqr";
import { apiAs, demo, expect, login, screenshot, test } from "./fixtures";

type SyncEvent = components["schemas"]["SyncEvent"];

test("check-in by button, offline across a reload, then once when back online; the QR code is one the API accepts", async ({
  page,
  context,
}) => {
  const ngo = await apiAs(demo("ngo-staff"));
  const now = Date.now();
  const running = unwrap(await ngo.api.GET("/api/v1/sessions", { params: { query: { status: "scheduled" } } })).items.find(
    (s) => Date.parse(s.starts_at) <= now && now <= Date.parse(s.ends_at),
  );
  expect(running, "the demo has a session under way").toBeDefined();
  const sid = running!.id;

  await login(page, demo("ngo-staff"));
  await expect(page).toHaveURL(/\/sessions/);
  await page.getByTestId("sessions-table").getByRole("row", { name: new RegExp(running!.title) }).getByRole("button", { name: "签到" }).click();
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
