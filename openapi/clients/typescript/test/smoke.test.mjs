// Smoke test of the TypeScript client against a live server.
// Needs HUIGUI_URL, HUIGUI_ADMIN_EMAIL, HUIGUI_ADMIN_PASSWORD (set by .ci/contract).
import assert from "node:assert/strict";
import { test } from "node:test";

import { HuiguiClient, OfflineQueue, ProblemError, newKey, pages, unwrap } from "../dist/index.js";

const baseUrl = process.env.HUIGUI_URL ?? "http://127.0.0.1:8080";
const email = process.env.HUIGUI_ADMIN_EMAIL;
const password = process.env.HUIGUI_ADMIN_PASSWORD;

// GB 32100 credit code with both check characters, for unique test organisations.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
function uscc(first16) {
  const orgVal = (c) => (c >= "0" && c <= "9" ? Number(c) : c.charCodeAt(0) - 55);
  const ow = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += orgVal(first16[8 + i]) * ow[i];
  const c = 11 - (s % 11);
  const org = c === 10 ? "X" : c === 11 ? "0" : String(c);
  const body = first16 + org;
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(body[i]) * w[i];
  return body + ALPHABET[(31 - (sum % 31)) % 31];
}
const unique = () => String(Date.now() % 1_000_000).padStart(6, "0") + String(Math.floor(Math.random() * 90) + 10);

test("login, refresh, me, create, paginate, typed problem", async () => {
  const client = new HuiguiClient({ baseUrl });
  const first = await client.login(email, password);
  assert.ok(first.refreshToken && first.expiresAt > Date.now());
  const rotated = await client.refresh();
  assert.notEqual(rotated.refreshToken, first.refreshToken);

  const me = unwrap(await client.api.GET("/api/v1/me"));
  assert.equal(me.email, email);
  assert.equal(me.role, "admin");

  const u = unique();
  for (const n of ["1", "2"]) {
    const { data, response } = await client.api.POST("/api/v1/organizations", {
      body: { kind: "ngo", name: `TS smoke NGO ${u}${n}`, uscc: uscc(`52141121${u.slice(0, 7)}${n}`) },
    });
    assert.equal(response.status, 201);
    assert.ok(response.headers.get("location")?.endsWith(data.id));
  }

  const seen = new Set();
  let cursor;
  let pages = 0;
  do {
    const page = unwrap(
      await client.api.GET("/api/v1/organizations", { params: { query: { limit: 1, cursor } } }),
    );
    assert.ok(page.items.length <= 1);
    page.items.forEach((o) => seen.add(o.id));
    cursor = page.next_cursor ?? undefined;
    pages++;
  } while (cursor);
  assert.ok(pages >= 3, `expected several pages, got ${pages}`);
  assert.equal(seen.size, pages, "every page holds one new organisation");

  const bad = await client.api.POST("/api/v1/organizations", {
    body: { kind: "ngo", name: "Bad", uscc: "91350100M000100Y44" },
  });
  assert.throws(() => unwrap(bad), (err) => {
    assert.ok(err instanceof ProblemError);
    assert.equal(err.status, 422);
    assert.equal(err.code, "validation_failed");
    assert.equal(err.problem.errors[0].field, "uscc");
    return true;
  });

  await client.logout();
  await assert.rejects(client.refresh(), /not logged in/);
});

test("procurement to contract: publish, bid, close, score, award, sign", async () => {
  const admin = new HuiguiClient({ baseUrl });
  await admin.login(email, password);
  const me = unwrap(await admin.api.GET("/api/v1/me"));
  const u = unique();
  const ngo = unwrap(
    await admin.api.POST("/api/v1/organizations", {
      body: { kind: "ngo", name: `TS 社工 ${u}`, uscc: uscc(`52141121${u.slice(0, 7)}9`) },
    }),
  );
  const pw = `smoke-password-${u}`;
  for (const [role, org] of [["officer", me.organization_id], ["ngo_admin", ngo.id]]) {
    unwrap(
      await admin.api.POST("/api/v1/users", {
        body: { email: `${role}-${u}@smoke.huigui.cn`, display_name: role, role, organization_id: org, password: pw },
      }),
    );
  }
  const officer = new HuiguiClient({ baseUrl });
  await officer.login(`officer-${u}@smoke.huigui.cn`, pw);
  const ngoAdmin = new HuiguiClient({ baseUrl });
  await ngoAdmin.login(`ngo_admin-${u}@smoke.huigui.cn`, pw);

  const deadline = new Date(Date.now() + 2500);
  const p = unwrap(
    await officer.api.POST("/api/v1/procurements", {
      body: {
        title: "TS smoke procurement",
        description: "education services",
        categories: ["education"],
        budget_fen: 1_000_000,
        service_start: "2027-01-01",
        service_end: "2027-12-31",
        bid_deadline: deadline.toISOString(),
        kpi_template: [{ metric: "sessions_education", target: 12, weight: 100 }],
        criteria: [{ name: "quality", weight: 100 }],
      },
    }),
  );
  assert.equal(p.status, "draft");
  const pathId = { params: { path: { id: p.id } } };
  assert.equal(unwrap(await officer.api.POST("/api/v1/procurements/{id}/publish", pathId)).status, "published");
  const bid = unwrap(
    await ngoAdmin.api.POST("/api/v1/procurements/{id}/bids", {
      ...pathId,
      body: { price_fen: 900_000, proposal: "plan", planned_kpis: [{ metric: "sessions_education", target: 15 }] },
    }),
  );
  await new Promise((r) => setTimeout(r, Math.max(0, deadline.getTime() - Date.now() + 300)));
  assert.equal(unwrap(await officer.api.POST("/api/v1/procurements/{id}/close", pathId)).status, "closed");
  const scored = unwrap(
    await officer.api.PUT("/api/v1/bids/{id}/scores", {
      params: { path: { id: bid.id } },
      body: { scores: [{ criterion: "quality", score: 88 }] },
    }),
  );
  assert.equal(scored.total_score, 88);
  const award = unwrap(await officer.api.POST("/api/v1/procurements/{id}/award", { ...pathId, body: { bid_id: bid.id } }));
  const contract = unwrap(
    await officer.api.POST("/api/v1/contracts/{id}/sign", { params: { path: { id: award.contract_id } } }),
  );
  assert.equal(contract.status, "active");
  assert.equal(contract.amount_fen, 900_000);
  const kpis = unwrap(await ngoAdmin.api.GET("/api/v1/contracts/{id}/kpis", { params: { path: { id: contract.id } } }));
  assert.deepEqual(kpis.map((k) => [k.metric, k.target]), [["sessions_education", 15]]);
});

// GB 11643 citizen ID number with its check character.
function idNumber(first17) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
  return first17 + "10X98765432"[s % 11];
}

test("delivery: register, session, enrol, offline sync replayed, close, hours", async () => {
  const admin = new HuiguiClient({ baseUrl });
  await admin.login(email, password);
  const me = unwrap(await admin.api.GET("/api/v1/me"));
  const u = unique();
  const office = unwrap(await admin.api.POST("/api/v1/organizations", {
    body: { kind: "judicial_office", name: `TS 司法所 ${u}`, uscc: uscc(`11141121${u.slice(0, 7)}3`), township: "凤城镇" },
  }));
  const ngo = unwrap(await admin.api.POST("/api/v1/organizations", {
    body: { kind: "ngo", name: `TS 社工站 ${u}`, uscc: uscc(`52141121${u.slice(0, 7)}4`) },
  }));
  const pw = `smoke-password-${u}`;
  const login = async (role, org) => {
    const mail = `d-${role}-${u}@smoke.huigui.cn`;
    unwrap(await admin.api.POST("/api/v1/users", { body: { email: mail, display_name: role, role, organization_id: org, password: pw } }));
    const c = new HuiguiClient({ baseUrl });
    await c.login(mail, pw);
    return c;
  };
  const officer = await login("officer", me.organization_id);
  const staff = await login("office_staff", office.id);
  const ngoStaff = await login("ngo_staff", ngo.id);

  const person = unwrap(await staff.api.POST("/api/v1/participants", {
    body: {
      kind: "correction_subject", name: "王建国", id_number: idNumber(`14232719850315${u.slice(0, 3)}`),
      correction_type: "probation", supervision_level: "strict", correction_start: "2026-01-01", correction_end: "2027-12-31",
    },
  }));
  const contract = unwrap(await officer.api.POST("/api/v1/contracts", {
    body: { title: "TS 公益服务", ngo_id: ngo.id, categories: ["public_welfare"], amount_fen: 300_000,
      start_date: "2026-01-01", end_date: "2026-12-31", multi_year: false, kpis: [] },
  }));
  unwrap(await officer.api.POST("/api/v1/contracts/{id}/sign", { params: { path: { id: contract.id } } }));
  const now = Date.now() - (Date.now() % 60_000);
  const at = (min) => new Date(now + min * 60_000).toISOString();
  const session = unwrap(await ngoStaff.api.POST("/api/v1/sessions", {
    body: { contract_id: contract.id, type: "public_welfare", title: "敬老院公益劳动", starts_at: at(-120), ends_at: at(30),
      location: "敬老院", capacity: 5, facilitator: "李老师", credit_hours: 1.5 },
  }));
  unwrap(await staff.api.POST("/api/v1/sessions/{id}/enrollments", {
    params: { path: { id: session.id } }, body: { participant_id: person.id },
  }));
  const events = [
    { client_event_id: crypto.randomUUID(), session_id: session.id, participant_id: person.id, kind: "check_in", at: at(-120), source: "staff" },
    { client_event_id: crypto.randomUUID(), session_id: session.id, participant_id: person.id, kind: "check_out", at: at(-1), source: "staff" },
  ];
  const first = unwrap(await ngoStaff.api.POST("/api/v1/attendance/sync", { body: { events } }));
  assert.deepEqual(first.results.map((r) => r.status), ["created", "created"]);
  const replay = unwrap(await ngoStaff.api.POST("/api/v1/attendance/sync", { body: { events: [...events].reverse() } }));
  assert.deepEqual(replay.results.map((r) => r.status), ["duplicate", "duplicate"]);
  const changed = unwrap(await ngoStaff.api.POST("/api/v1/attendance/sync", { body: { events: [{ ...events[0], at: at(-50) }] } }));
  assert.equal(changed.results[0].status, "conflict");
  unwrap(await ngoStaff.api.POST("/api/v1/sessions/{id}/close", { params: { path: { id: session.id } } }));

  const policy = unwrap(await staff.api.GET("/api/v1/policies/requirements"));
  const month = new Date(now - 120 * 60_000 + 8 * 3600_000).toISOString().slice(0, 7);
  const hours = unwrap(await staff.api.GET("/api/v1/participants/{id}/hours", {
    params: { path: { id: person.id }, query: { month } },
  }));
  assert.equal(hours.required.public_welfare, policy.strict.public_welfare);
  assert.equal(hours.earned.public_welfare, 1.5);
  assert.equal(hours.entries.length, 1);
  assert.equal(hours.entries[0].source, "attendance");
});

test("alerts: an NGO reports a concern, the office acknowledges and resolves it", async () => {
  const admin = new HuiguiClient({ baseUrl });
  await admin.login(email, password);
  const me = unwrap(await admin.api.GET("/api/v1/me"));
  const u = unique();
  const office = unwrap(await admin.api.POST("/api/v1/organizations", {
    body: { kind: "judicial_office", name: `TS 所 ${u}`, uscc: uscc(`11141121${u.slice(0, 7)}5`), township: "开栅镇" },
  }));
  const ngo = unwrap(await admin.api.POST("/api/v1/organizations", {
    body: { kind: "ngo", name: `TS 站 ${u}`, uscc: uscc(`52141121${u.slice(0, 7)}6`) },
  }));
  const pw = `smoke-password-${u}`;
  const login = async (role, org) => {
    const mail = `a-${role}-${u}@smoke.huigui.cn`;
    unwrap(await admin.api.POST("/api/v1/users", { body: { email: mail, display_name: role, role, organization_id: org, password: pw } }));
    const c = new HuiguiClient({ baseUrl });
    await c.login(mail, pw);
    return c;
  };
  const officer = await login("officer", me.organization_id);
  const staff = await login("office_staff", office.id);
  const ngoStaff = await login("ngo_staff", ngo.id);
  const person = unwrap(await staff.api.POST("/api/v1/participants", {
    body: {
      kind: "correction_subject", name: "钱多多", id_number: idNumber(`14232719900612${u.slice(0, 3)}`),
      correction_type: "control", supervision_level: "ordinary", correction_start: "2026-01-01", correction_end: "2027-12-31",
    },
  }));
  const contract = unwrap(await officer.api.POST("/api/v1/contracts", {
    body: { title: "TS 教育", ngo_id: ngo.id, categories: ["education"], amount_fen: 100_000,
      start_date: "2026-01-01", end_date: "2026-12-31", multi_year: false, kpis: [] },
  }));
  unwrap(await officer.api.POST("/api/v1/contracts/{id}/sign", { params: { path: { id: contract.id } } }));
  const start = new Date(Date.now() + 86_400_000);
  const session = unwrap(await ngoStaff.api.POST("/api/v1/sessions", {
    body: { contract_id: contract.id, type: "education", title: "法治讲座", starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3_600_000).toISOString(), location: "礼堂", capacity: 5, facilitator: "王老师", credit_hours: 1 },
  }));
  unwrap(await staff.api.POST("/api/v1/sessions/{id}/enrollments", { params: { path: { id: session.id } }, body: { participant_id: person.id } }));
  const alert = unwrap(await ngoStaff.api.POST("/api/v1/alerts", {
    body: { participant_id: person.id, kind: "behaviour_concern", detail: "活动中情绪激动" },
  }));
  assert.equal(alert.status, "open");
  const mine = unwrap(await staff.api.GET("/api/v1/alerts", { params: { query: { kind: "behaviour_concern" } } }));
  assert.deepEqual(mine.items.map((a) => a.id), [alert.id]);
  const path = { params: { path: { id: alert.id } } };
  assert.equal(unwrap(await staff.api.POST("/api/v1/alerts/{id}/acknowledge", { ...path, body: {} })).status, "acknowledged");
  assert.equal(unwrap(await staff.api.POST("/api/v1/alerts/{id}/resolve", { ...path, body: { note: "已谈话" } })).status, "resolved");
  const forbidden = await ngoStaff.api.GET("/api/v1/participants/{id}/discipline", { params: { path: { id: person.id } } });
  assert.equal(forbidden.response.status, 403);
});

test("reports: draft with computed metrics, submit, accept (frozen); dashboards as JSON and CSV", async () => {
  const admin = new HuiguiClient({ baseUrl });
  await admin.login(email, password);
  const me = unwrap(await admin.api.GET("/api/v1/me"));
  const u = unique();
  const ngo = unwrap(await admin.api.POST("/api/v1/organizations", {
    body: { kind: "ngo", name: `TS 报告 ${u}`, uscc: uscc(`52141121${u.slice(0, 7)}7`) },
  }));
  const pw = `smoke-password-${u}`;
  const login = async (role, org) => {
    const mail = `rep-${role}-${u}@smoke.huigui.cn`;
    unwrap(await admin.api.POST("/api/v1/users", { body: { email: mail, display_name: role, role, organization_id: org, password: pw } }));
    const c = new HuiguiClient({ baseUrl });
    await c.login(mail, pw);
    return c;
  };
  const officer = await login("officer", me.organization_id);
  const ngoAdmin = await login("ngo_admin", ngo.id);
  const contract = unwrap(await officer.api.POST("/api/v1/contracts", {
    body: { title: "TS 报告合同", ngo_id: ngo.id, categories: ["education"], amount_fen: 100_000,
      start_date: "2026-01-01", end_date: "2026-12-31", multi_year: false, kpis: [] },
  }));
  unwrap(await officer.api.POST("/api/v1/contracts/{id}/sign", { params: { path: { id: contract.id } } }));
  const report = unwrap(await ngoAdmin.api.POST("/api/v1/contracts/{id}/reports", {
    params: { path: { id: contract.id } }, body: { period_start: "2026-11-01", period_end: "2026-11-30", narrative: "十一月报告" },
  }));
  assert.equal(report.status, "draft");
  assert.equal(report.metrics.sessions_education, 0);
  assert.equal(report.metrics.satisfaction, null);
  const path = { params: { path: { id: report.id } } };
  assert.equal(unwrap(await ngoAdmin.api.POST("/api/v1/reports/{id}/submit", path)).status, "submitted");
  const accepted = unwrap(await officer.api.POST("/api/v1/reports/{id}/accept", { ...path, body: {} }));
  assert.equal(accepted.status, "accepted");
  const overview = unwrap(await officer.api.GET("/api/v1/stats/overview", { params: { query: { from: "2026-01-01", to: "2026-12-31" } } }));
  assert.ok(overview.contracts.some((c) => c.contract_id === contract.id));
  const csv = await officer.api.GET("/api/v1/stats/compliance", { params: { query: { format: "csv" } }, parseAs: "text" });
  assert.equal(csv.response.status, 200);
  assert.match(csv.response.headers.get("content-type"), /text\/csv/);
  assert.ok(csv.data.replace(/^\ufeff/, "").startsWith("office_id,office_name"));
});

test("concurrent refreshes share one request: the session survives", async () => {
  const saved = [];
  const client = new HuiguiClient({ baseUrl, onSession: (s) => saved.push(s) });
  await client.login(email, password);
  const before = client.session.refreshToken;
  const [a, b, c] = await Promise.all([client.refresh(), client.refresh(), client.refresh()]);
  assert.equal(a, b);
  assert.equal(b, c);
  assert.notEqual(a.refreshToken, before);
  // Had two refreshes sent the same token, the server would have revoked the family.
  const next = await client.refresh();
  assert.notEqual(next.refreshToken, a.refreshToken);
  assert.equal(unwrap(await client.api.GET("/api/v1/me")).email, email);
  assert.ok(saved.length >= 3, "every change reached onSession");
  // A restored session works as the original.
  const restored = new HuiguiClient({ baseUrl, session: client.session });
  assert.equal(unwrap(await restored.api.GET("/api/v1/me")).email, email);
});

test("an access token about to expire is renewed before the call", async () => {
  const client = new HuiguiClient({ baseUrl });
  const s = await client.login(email, password);
  // Renewal is planned 30 s before expiry (this server's tokens live 15 min).
  assert.ok(s.renewAt !== undefined && s.renewAt > Date.now() && Math.abs(s.expiresAt - 30_000 - s.renewAt) < 5);
  // Pretend the token expires now (a session restored without renewAt): the next call renews first.
  const stale = new HuiguiClient({ baseUrl, session: { ...s, expiresAt: Date.now(), renewAt: undefined } });
  assert.equal(unwrap(await stale.api.GET("/api/v1/me")).email, email);
  assert.notEqual(stale.session.refreshToken, s.refreshToken);
});

test("a partner client logs in, renews by asking again, pages and queues offline events", async () => {
  const admin = new HuiguiClient({ baseUrl });
  await admin.login(email, password);
  const u = unique();
  const ngo = unwrap(
    await admin.api.POST("/api/v1/organizations", {
      body: { kind: "ngo", name: `TS client NGO ${u}`, uscc: uscc(`52141121${u.slice(0, 7)}7`) },
    }),
  );
  const ngoAdminEmail = `ts-client-${u}@smoke.huigui.cn`;
  unwrap(
    await admin.api.POST("/api/v1/users", {
      body: { email: ngoAdminEmail, display_name: "NGO admin", role: "ngo_admin", organization_id: ngo.id, password: "smoke-password-2026" },
    }),
  );
  const ngoAdmin = new HuiguiClient({ baseUrl });
  await ngoAdmin.login(ngoAdminEmail, "smoke-password-2026");
  const created = unwrap(
    await ngoAdmin.api.POST("/api/v1/api-clients", {
      params: { header: { "Idempotency-Key": newKey() } },
      body: { name: "kiosk", scopes: ["sessions:read", "attendance:write"] },
    }),
  );
  const kiosk = new HuiguiClient({ baseUrl });
  const s = await kiosk.loginClient(created.client_id, created.client_secret);
  assert.equal(s.refreshToken, undefined);
  const renewed = await kiosk.refresh();
  assert.notEqual(renewed.accessToken, s.accessToken);
  const sessions = [];
  for await (const session of pages((cursor) => kiosk.api.GET("/api/v1/sessions", { params: { query: { cursor, limit: 1 } } }))) {
    sessions.push(session);
  }
  assert.equal(sessions.length, 0, "a new NGO has no sessions");
  // An event for a session that does not exist is answered `rejected` and leaves the queue.
  // Events for sessions that do not exist are answered `rejected` and leave the queue.
  // A store as slow as IndexedDB: two adds at once must both be kept.
  const kept = { events: [] };
  const slow = {
    load: async () => {
      await new Promise((r) => setTimeout(r, 5));
      return [...kept.events];
    },
    save: async (events) => {
      await new Promise((r) => setTimeout(r, 5));
      kept.events = [...events];
    },
  };
  const queue = new OfflineQueue(kiosk, slow);
  const event = () => ({ session_id: newKey(), participant_id: newKey(), kind: "check_in", at: new Date().toISOString(), source: "app" });
  await Promise.all([queue.add(event()), queue.add(event())]);
  assert.equal((await queue.pending()).length, 2, "concurrent adds are both kept");
  // Two flushes at once send the queue once.
  const [results, same] = await Promise.all([queue.flush(), queue.flush()]);
  assert.equal(results, same, "the second flush shares the first");
  assert.equal(results.length, 2);
  assert.ok(results.every((r) => r.status === "rejected"));
  assert.equal((await queue.pending()).length, 0);
});

test("a typed agency and a procuratorate finding: recorded, answered by the NGO, reopened", async () => {
  const admin = new HuiguiClient({ baseUrl });
  await admin.login(email, password);
  const u = unique();
  const committee = unwrap(
    await admin.api.POST("/api/v1/organizations", {
      body: { kind: "agency", agency_type: "village_committee", name: `TS 村委会 ${u}`, uscc: uscc(`54141121${u.slice(0, 7)}3`) },
    }),
  );
  assert.equal(committee.agency_type, "village_committee");
  const ngo = unwrap(
    await admin.api.POST("/api/v1/organizations", {
      body: { kind: "ngo", name: `TS 检 社工 ${u}`, uscc: uscc(`52141121${u.slice(0, 7)}4`) },
    }),
  );
  const procuratorate = unwrap(
    await admin.api.POST("/api/v1/organizations", {
      body: { kind: "procuratorate", name: `TS 检察院 ${u}`, uscc: uscc(`11141121${u.slice(0, 7)}5`) },
    }),
  );
  const pw = `smoke-password-${u}`;
  for (const [role, org] of [["auditor", procuratorate.id], ["ngo_admin", ngo.id]]) {
    unwrap(
      await admin.api.POST("/api/v1/users", {
        body: { email: `f-${role}-${u}@smoke.huigui.cn`, display_name: role, role, organization_id: org, password: pw },
      }),
    );
  }
  const auditor = new HuiguiClient({ baseUrl });
  await auditor.login(`f-auditor-${u}@smoke.huigui.cn`, pw);
  const ngoAdmin = new HuiguiClient({ baseUrl });
  await ngoAdmin.login(`f-ngo_admin-${u}@smoke.huigui.cn`, pw);
  const by = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const f = unwrap(
    await auditor.api.POST("/api/v1/findings", {
      body: { organization_id: ngo.id, subject: { kind: "none" }, description: "服务台账不全", rectify_by: by },
    }),
  );
  assert.equal(f.status, "open");
  const answered = unwrap(
    await ngoAdmin.api.POST("/api/v1/findings/{id}/respond", {
      params: { path: { id: f.id } },
      body: { rectification: "已补齐台账" },
    }),
  );
  assert.equal(answered.status, "responded");
  const reopened = unwrap(
    await auditor.api.POST("/api/v1/findings/{id}/reopen", { params: { path: { id: f.id } }, body: {} }),
  );
  assert.equal(reopened.status, "open");
  const mine = unwrap(await ngoAdmin.api.GET("/api/v1/findings", { params: { query: { status: "open" } } }));
  assert.deepEqual(mine.items.map((x) => x.id), [f.id]);
});
