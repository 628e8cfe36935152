//! Procurement to payment: calls, bids, scoring, award, contracts, KPIs,
//! amendments, evaluations and milestones.

use chrono::{Duration, Utc};
use poem::http::Method;
use serde_json::{Value, json};

use crate::helpers::{PASSWORD, Resp, World};

fn procurement_body(deadline_hours: i64) -> Value {
    json!({
        "title": "2027年社区矫正对象教育帮扶服务",
        "description": "集中教育、心理辅导与公益活动",
        "categories": ["education", "group_counseling", "public_welfare"],
        "budget_fen": 50_000_000,
        "service_start": "2027-01-01",
        "service_end": "2027-12-31",
        "bid_deadline": (Utc::now() + Duration::hours(deadline_hours)).to_rfc3339(),
        "kpi_template": [
            {"metric": "sessions_education", "target": 24.0, "weight": 40},
            {"metric": "attendance_rate", "target": 0.9, "weight": 60}
        ],
        "criteria": [{"name": "方案质量", "weight": 60}, {"name": "价格", "weight": 40}]
    })
}

async fn action(w: &World, key: &str, path: &str, body: Value) -> Resp {
    w.app.post(path, Some(w.token(key)), body).await
}

/// A published procurement with bids from NGO A and NGO B; returns (procurement, bid A, bid B).
async fn published_with_two_bids(w: &World) -> (String, String, String) {
    let p = action(w, "officer", "/api/v1/procurements", procurement_body(1)).await;
    assert_eq!(p.status, 201, "{}", p.body);
    let pid = p.id();
    let r = action(
        w,
        "officer",
        &format!("/api/v1/procurements/{pid}/publish"),
        json!({}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "published");
    let bid = |price: i64| json!({"price_fen": price, "proposal": "方案", "planned_kpis": [{"metric": "sessions_education", "target": 30.0}]});
    let a = action(
        w,
        "ngo_admin",
        &format!("/api/v1/procurements/{pid}/bids"),
        bid(45_000_000),
    )
    .await;
    assert_eq!(a.status, 201, "{}", a.body);
    let b = action(
        w,
        "ngo_b_admin",
        &format!("/api/v1/procurements/{pid}/bids"),
        bid(48_000_000),
    )
    .await;
    assert_eq!(b.status, 201, "{}", b.body);
    (pid, a.id(), b.id())
}

async fn second_officer(w: &World) -> String {
    let r = w
        .app
        .post(
            "/api/v1/users",
            Some(w.token("admin")),
            json!({"email": "officer2@test.huigui.cn", "display_name": "评审二", "role": "officer",
                   "organization_id": w.bureau, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status, 201);
    w.app.token("officer2@test.huigui.cn", PASSWORD).await
}

async fn score(w: &World, token: &str, bid: &str, quality: i64, price: i64) -> Resp {
    w.app
        .send(
            Method::PUT,
            &format!("/api/v1/bids/{bid}/scores"),
            Some(token),
            Some(json!({"scores": [{"criterion": "方案质量", "score": quality}, {"criterion": "价格", "score": price}]}).to_string().into_bytes()),
            &[],
        )
        .await
}

/// Runs the whole call through to an award of NGO A's (lower-scored) bid; returns the contract id.
async fn awarded_contract(w: &World) -> (String, String, String, String) {
    let (pid, a, b) = published_with_two_bids(w).await;
    w.app.state.clock.advance(Duration::hours(2));
    let r = action(
        w,
        "officer",
        &format!("/api/v1/procurements/{pid}/close"),
        json!({}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let officer2 = second_officer(w).await;
    // A: (80×60+70×40)=7600 and (70×60+80×40)=7400 → 75.00; B: 90/80 and 80/90 → 86.00 / 84.00 → 85.00
    assert_eq!(score(w, w.token("officer"), &a, 80, 70).await.status, 200);
    let r = score(w, &officer2, &a, 70, 80).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["total_score"], 75.0);
    assert_eq!(r.body["evaluator_count"], 2);
    assert_eq!(score(w, w.token("officer"), &b, 90, 80).await.status, 200);
    let r = score(w, &officer2, &b, 80, 90).await;
    assert_eq!(r.body["total_score"], 85.0);
    let r = action(
        w,
        "officer",
        &format!("/api/v1/procurements/{pid}/award"),
        json!({"bid_id": a}),
    )
    .await;
    assert_eq!(r.status, 422, "lower score without reason: {}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "reason");
    let r = action(
        w,
        "officer",
        &format!("/api/v1/procurements/{pid}/award"),
        json!({"bid_id": a, "reason": "B方案人员资质不符合要求"}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let cid = r.body["contract_id"].as_str().unwrap().to_string();
    (pid, a, b, cid)
}

#[tokio::test]
async fn call_bid_score_award_creates_a_draft_contract() {
    let w = World::new().await;
    let (pid, a, b) = published_with_two_bids(&w).await;
    // NGO A sees its own bid only, without scores.
    let mine = w
        .app
        .get(
            &format!("/api/v1/procurements/{pid}/bids"),
            w.token("ngo_staff"),
        )
        .await;
    let items = mine.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["id"], a.as_str());
    let again = action(
        &w,
        "ngo_admin",
        &format!("/api/v1/procurements/{pid}/bids"),
        json!({"price_fen": 1, "proposal": "again", "planned_kpis": []}),
    )
    .await;
    assert_eq!(again.status, 409, "one live bid per NGO");
    drop((a, b));

    let w = World::new().await;
    let (pid, a, b, cid) = awarded_contract(&w).await;
    let bid_after_deadline = action(
        &w,
        "ngo_admin",
        &format!("/api/v1/procurements/{pid}/bids"),
        json!({"price_fen": 1, "proposal": "late", "planned_kpis": []}),
    )
    .await;
    assert_eq!(bid_after_deadline.status, 409);
    let p = w
        .app
        .get(&format!("/api/v1/procurements/{pid}"), w.token("officer"))
        .await;
    assert_eq!(p.body["status"], "awarded");
    assert_eq!(p.body["awarded_bid_id"], a.as_str());
    assert_eq!(p.body["contract_id"], cid.as_str());
    let lost = w
        .app
        .get(&format!("/api/v1/bids/{b}"), w.token("officer"))
        .await;
    assert_eq!(lost.body["status"], "not_awarded");
    let won = w
        .app
        .get(&format!("/api/v1/bids/{a}"), w.token("ngo_admin"))
        .await;
    assert_eq!(won.body["status"], "awarded");
    assert_eq!(
        won.body["total_score"], 75.0,
        "scores are visible to the NGO after the award"
    );
    let c = w
        .app
        .get(&format!("/api/v1/contracts/{cid}"), w.token("ngo_admin"))
        .await;
    assert_eq!(c.status, 200);
    assert_eq!(c.body["status"], "draft");
    assert_eq!(c.body["amount_fen"], 45_000_000);
    assert_eq!(c.body["ngo_id"], w.ngo_a.as_str());
    assert_eq!(c.body["procurement_id"], pid.as_str());
    assert!(c.body["contract_no"].as_str().unwrap().starts_with("WS-"));
    let kpis = c.body["kpis"].as_array().unwrap();
    assert_eq!(
        kpis[0],
        json!({"metric": "sessions_education", "target": 30.0, "weight": 40})
    );
    let events = w
        .app
        .get(
            "/api/v1/audit-events?action=procurement.award",
            w.token("auditor"),
        )
        .await;
    assert_eq!(events.body["items"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn signing_more_than_30_days_after_the_award_is_flagged() {
    let w = World::new().await;
    let (_, _, _, cid) = awarded_contract(&w).await;
    w.app.state.clock.advance(Duration::days(31));
    let r = action(
        &w,
        "officer",
        &format!("/api/v1/contracts/{cid}/sign"),
        json!({}),
    )
    .await;
    assert_eq!(r.status, 200);
    let warnings = r.body["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{}", r.body);
    assert!(warnings[0].as_str().unwrap().contains("30"));
}

#[tokio::test]
async fn concurrent_direct_contracts_get_distinct_numbers() {
    let w = World::new().await;
    let body = direct_contract(&w, "2027-12-31", false);
    let posts = (0..8).map(|_| {
        w.app
            .post("/api/v1/contracts", Some(w.token("officer")), body.clone())
    });
    let results = futures::future::join_all(posts).await;
    let mut numbers: Vec<_> = results
        .iter()
        .map(|r| {
            assert_eq!(r.status, 201, "{}", r.body);
            r.body["contract_no"].as_str().unwrap().to_string()
        })
        .collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 8);
}

#[tokio::test]
async fn scores_are_hidden_from_ngos_until_the_award() {
    let w = World::new().await;
    let (pid, a, _) = published_with_two_bids(&w).await;
    w.app.state.clock.advance(Duration::hours(2));
    action(
        &w,
        "officer",
        &format!("/api/v1/procurements/{pid}/close"),
        json!({}),
    )
    .await;
    assert_eq!(score(&w, w.token("officer"), &a, 90, 90).await.status, 200);
    let ngo = w
        .app
        .get(&format!("/api/v1/bids/{a}"), w.token("ngo_admin"))
        .await;
    assert!(ngo.body["total_score"].is_null());
    assert_eq!(ngo.body["evaluator_count"], 0);
    let bureau = w
        .app
        .get(&format!("/api/v1/bids/{a}"), w.token("auditor"))
        .await;
    assert_eq!(bureau.body["total_score"], 90.0);
}

#[tokio::test]
async fn procurement_guards_and_invalid_transitions() {
    let w = World::new().await;
    let mut bad = procurement_body(1);
    bad["criteria"] = json!([{"name": "a", "weight": 60}, {"name": "b", "weight": 30}]);
    let r = action(&w, "officer", "/api/v1/procurements", bad).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["errors"][0]["field"], "criteria");
    let past = action(&w, "officer", "/api/v1/procurements", procurement_body(-1)).await;
    assert_eq!(past.status, 201);
    let r = action(
        &w,
        "officer",
        &format!("/api/v1/procurements/{}/publish", past.id()),
        json!({}),
    )
    .await;
    assert_eq!(r.status, 422, "deadline must be in the future to publish");
    let p = action(&w, "officer", "/api/v1/procurements", procurement_body(1))
        .await
        .id();
    let path = |a: &str| format!("/api/v1/procurements/{p}/{a}");
    assert_eq!(
        action(&w, "officer", &path("close"), json!({}))
            .await
            .status,
        409,
        "draft cannot close"
    );
    assert_eq!(
        action(&w, "officer", &path("publish"), json!({}))
            .await
            .status,
        200
    );
    let r = action(&w, "officer", &path("publish"), json!({})).await;
    assert_eq!(r.status, 409);
    assert_eq!(r.problem_code(), "invalid_transition");
    assert_eq!(
        action(&w, "officer", &path("close"), json!({}))
            .await
            .status,
        409,
        "before the deadline"
    );
    let patch = w
        .app
        .patch(
            &format!("/api/v1/procurements/{p}"),
            w.token("officer"),
            json!({"title": "x"}),
            None,
        )
        .await;
    assert_eq!(patch.status, 409, "PATCH only in draft");
    let over = action(
        &w,
        "ngo_admin",
        &path("bids"),
        json!({"price_fen": 50_000_001, "proposal": "p", "planned_kpis": []}),
    )
    .await;
    assert_eq!(over.status, 422, "price above budget");
    let bid = action(
        &w,
        "ngo_admin",
        &path("bids"),
        json!({"price_fen": 40_000_000, "proposal": "p", "planned_kpis": []}),
    )
    .await
    .id();
    assert_eq!(
        action(
            &w,
            "ngo_admin",
            &format!("/api/v1/bids/{bid}/withdraw"),
            json!({})
        )
        .await
        .status,
        200
    );
    assert_eq!(
        action(
            &w,
            "ngo_admin",
            &format!("/api/v1/bids/{bid}/withdraw"),
            json!({})
        )
        .await
        .status,
        409
    );
    let bid2 = action(
        &w,
        "ngo_admin",
        &path("bids"),
        json!({"price_fen": 40_000_000, "proposal": "p2", "planned_kpis": []}),
    )
    .await;
    assert_eq!(bid2.status, 201, "a new bid after withdrawing");
    w.app.state.clock.advance(Duration::hours(2));
    assert_eq!(
        action(
            &w,
            "ngo_admin",
            &format!("/api/v1/bids/{}/withdraw", bid2.id()),
            json!({})
        )
        .await
        .status,
        409,
        "no withdrawal after the deadline"
    );
    assert_eq!(
        action(&w, "officer", &path("close"), json!({}))
            .await
            .status,
        200
    );
    assert_eq!(
        action(&w, "officer", &path("award"), json!({"bid_id": bid2.id()}))
            .await
            .status,
        200,
        "unscored single bid is top"
    );
    assert_eq!(
        action(&w, "officer", &path("cancel"), json!({}))
            .await
            .status,
        409,
        "not once awarded"
    );
}

#[tokio::test]
async fn contract_lifecycle_terms_if_match_and_amendment_cap() {
    let w = World::new().await;
    let (_, _, _, cid) = awarded_contract(&w).await;
    let c = format!("/api/v1/contracts/{cid}");
    let officer = w.token("officer");
    let no_match = w
        .app
        .patch(&c, officer, json!({"title": "新标题"}), None)
        .await;
    assert_eq!(no_match.status, 428);
    let ok = w
        .app
        .patch(&c, officer, json!({"title": "新标题"}), Some("\"1\""))
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let stale = w
        .app
        .patch(&c, officer, json!({"title": "again"}), Some("\"1\""))
        .await;
    assert_eq!(stale.status, 412);
    let long = w
        .app
        .patch(
            &c,
            officer,
            json!({"end_date": "2028-01-31"}),
            Some("\"2\""),
        )
        .await;
    assert_eq!(long.status, 422, "13 months without multi_year");
    for a in ["complete", "resume", "suspend"] {
        let r = action(&w, "officer", &format!("{c}/{a}"), json!({})).await;
        assert_eq!(r.status, 409, "{a} from draft");
    }
    let signed = action(&w, "officer", &format!("{c}/sign"), json!({})).await;
    assert_eq!(signed.status, 200, "{}", signed.body);
    assert_eq!(signed.body["status"], "active");
    assert!(signed.body["signed_at"].is_string());
    assert_eq!(
        action(&w, "officer", &format!("{c}/sign"), json!({}))
            .await
            .status,
        409
    );
    assert_eq!(
        w.app
            .patch(&c, officer, json!({"title": "x"}), Some("\"3\""))
            .await
            .status,
        409,
        "mutable only in draft"
    );
    // Amendments: +10 % of 45,000,000 = 4,500,000 fen.
    let over = action(
        &w,
        "ngo_admin",
        &format!("{c}/amendments"),
        json!({"reason": "扩大服务", "amount_fen": 49_500_001}),
    )
    .await;
    assert_eq!(over.status, 422);
    let am = action(
        &w,
        "ngo_admin",
        &format!("{c}/amendments"),
        json!({"reason": "扩大服务", "amount_fen": 48_000_000}),
    )
    .await;
    assert_eq!(am.status, 201, "{}", am.body);
    assert_eq!(
        action(
            &w,
            "ngo_admin",
            &format!("/api/v1/amendments/{}/approve", am.id()),
            json!({})
        )
        .await
        .status,
        403
    );
    let ap = action(
        &w,
        "officer",
        &format!("/api/v1/amendments/{}/approve", am.id()),
        json!({"note": "同意"}),
    )
    .await;
    assert_eq!(ap.status, 200, "{}", ap.body);
    assert_eq!(ap.body["before"]["amount_fen"], 45_000_000);
    assert_eq!(w.app.get(&c, officer).await.body["amount_fen"], 48_000_000);
    let second = action(
        &w,
        "officer",
        &format!("{c}/amendments"),
        json!({"reason": "再增加", "amount_fen": 50_000_000}),
    )
    .await;
    assert_eq!(second.status, 422, "together beyond +10 %");
    assert_eq!(
        action(
            &w,
            "officer",
            &format!("/api/v1/amendments/{}/approve", am.id()),
            json!({})
        )
        .await
        .status,
        409
    );
    assert_eq!(
        action(
            &w,
            "officer",
            &format!("{c}/suspend"),
            json!({"reason": "整改"})
        )
        .await
        .body["status"],
        "suspended"
    );
    assert_eq!(
        action(&w, "officer", &format!("{c}/resume"), json!({}))
            .await
            .body["status"],
        "active"
    );
    assert_eq!(
        action(&w, "officer", &format!("{c}/terminate"), json!({}))
            .await
            .status,
        422,
        "reason required"
    );
    let t = action(
        &w,
        "officer",
        &format!("{c}/terminate"),
        json!({"reason": "严重违约"}),
    )
    .await;
    assert_eq!(t.body["status"], "terminated");
    assert_eq!(
        action(&w, "officer", &format!("{c}/resume"), json!({}))
            .await
            .status,
        409
    );
}

fn direct_contract(w: &World, end: &str, multi_year: bool) -> Value {
    let mut b = json!({
        "title": "心理辅导单一来源采购", "ngo_id": w.ngo_a, "categories": ["individual_counseling"],
        "amount_fen": 1_000_000, "start_date": "2027-01-01", "end_date": end, "multi_year": multi_year,
        "kpis": [{"metric": "counseling_cases", "target": 40.0, "weight": 100}]
    });
    if multi_year {
        b["multi_year_reason"] = json!("稳定的经常性服务，预算已纳入中期规划");
    }
    b
}

#[tokio::test]
async fn direct_contracts_respect_the_12_and_36_month_terms() {
    let w = World::new().await;
    let r = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2028-01-31", false),
    )
    .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "end_date");
    let r = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2028-01-31", true),
    )
    .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["multi_year"], true);
    let r = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2030-01-01", true),
    )
    .await;
    assert_eq!(r.status, 422, "beyond 36 months");
    let mut no_reason = direct_contract(&w, "2028-01-31", true);
    no_reason["multi_year_reason"] = Value::Null;
    assert_eq!(
        action(&w, "officer", "/api/v1/contracts", no_reason)
            .await
            .status,
        422
    );
    let a = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2027-12-31", false),
    )
    .await;
    let b = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2027-12-31", false),
    )
    .await;
    let (na, nb) = (
        a.body["contract_no"].as_str().unwrap(),
        b.body["contract_no"].as_str().unwrap(),
    );
    assert_ne!(na, nb);
    assert!(na.ends_with("-002") && nb.ends_with("-003"), "{na} {nb}");
    let kpis = w
        .app
        .get(
            &format!("/api/v1/contracts/{}/kpis", a.id()),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(kpis.status, 200);
    assert_eq!(
        kpis.body,
        json!([{"metric": "counseling_cases", "target": 40.0, "actual": 0.0, "progress": 0.0}])
    );
}

#[tokio::test]
async fn milestones_become_payable_only_after_a_qualifying_evaluation() {
    let w = World::new().await;
    let cid = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2027-12-31", false),
    )
    .await
    .id();
    let c = format!("/api/v1/contracts/{cid}");
    let m1 = action(
        &w,
        "officer",
        &format!("{c}/milestones"),
        json!({"name": "上半年", "due_date": "2027-06-30", "amount_fen": 333_333, "min_score": 80}),
    )
    .await;
    assert_eq!(m1.status, 201, "{}", m1.body);
    let too_much = action(
        &w,
        "officer",
        &format!("{c}/milestones"),
        json!({"name": "超额", "due_date": "2027-12-31", "amount_fen": 700_000, "min_score": 60}),
    )
    .await;
    assert_eq!(too_much.status, 422);
    let m2 = action(
        &w,
        "officer",
        &format!("{c}/milestones"),
        json!({"name": "下半年", "due_date": "2027-12-31", "amount_fen": 666_667, "min_score": 60}),
    )
    .await;
    assert_eq!(m2.status, 201);
    assert_eq!(
        action(
            &w,
            "officer",
            &format!("/api/v1/milestones/{}/approve", m1.id()),
            json!({})
        )
        .await
        .status,
        409,
        "not eligible yet"
    );
    assert_eq!(
        action(&w, "officer", &format!("{c}/sign"), json!({}))
            .await
            .status,
        200
    );
    let e = action(
        &w,
        "officer",
        &format!("{c}/evaluations"),
        json!({
        "period_start": "2027-01-01", "period_end": "2027-06-30", "score": 85,
        "kpi_ratings": [{"metric": "counseling_cases", "rating": 85}], "comment": "良好"}),
    )
    .await;
    assert_eq!(e.status, 201, "{}", e.body);
    let list = w
        .app
        .get(&format!("{c}/milestones"), w.token("ngo_admin"))
        .await;
    let ms = list.body["items"].as_array().unwrap();
    let first = ms.iter().find(|m| m["id"] == m1.id().as_str()).unwrap();
    let second = ms.iter().find(|m| m["id"] == m2.id().as_str()).unwrap();
    assert_eq!(first["status"], "eligible");
    assert_eq!(
        first["payable_fen"], 299_999,
        "85 → 90 % of 333,333, floored"
    );
    assert_eq!(second["status"], "scheduled", "not covered by the period");
    let low = action(
        &w,
        "officer",
        &format!("{c}/evaluations"),
        json!({
        "period_start": "2027-07-01", "period_end": "2027-12-31", "score": 65,
        "kpi_ratings": [], "comment": "未达标"}),
    )
    .await;
    assert_eq!(low.status, 201);
    let second = w
        .app
        .get(&format!("{c}/milestones"), w.token("officer"))
        .await
        .body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == m2.id().as_str())
        .unwrap()
        .clone();
    assert_eq!(second["status"], "withheld", "65 is below the 70 band");
    assert_eq!(second["payable_fen"], 0);
    let m = format!("/api/v1/milestones/{}", m1.id());
    assert_eq!(
        action(&w, "officer", &format!("{m}/pay"), json!({}))
            .await
            .status,
        409,
        "approve before pay"
    );
    assert_eq!(
        action(&w, "officer", &format!("{m}/approve"), json!({}))
            .await
            .body["status"],
        "approved"
    );
    let paid = action(&w, "officer", &format!("{m}/pay"), json!({})).await;
    assert_eq!(paid.body["status"], "paid");
    assert!(paid.body["paid_at"].is_string());
    for a in [
        "milestone.eligible",
        "milestone.approved",
        "milestone.paid",
        "milestone.withheld",
    ] {
        let ev = w
            .app
            .get(
                &format!("/api/v1/audit-events?action={a}"),
                w.token("auditor"),
            )
            .await;
        assert_eq!(ev.body["items"].as_array().unwrap().len(), 1, "{a}");
    }
}

#[tokio::test]
async fn ngo_b_sees_none_of_ngo_as_bids_contracts_amendments_or_milestones() {
    let w = World::new().await;
    let (pid, a, _, cid) = awarded_contract(&w).await;
    let c = format!("/api/v1/contracts/{cid}");
    let ms = action(
        &w,
        "officer",
        &format!("{c}/milestones"),
        json!({"name": "全款", "due_date": "2027-06-30", "amount_fen": 45_000_000, "min_score": 0}),
    )
    .await
    .id();
    action(&w, "officer", &format!("{c}/sign"), json!({})).await;
    let am = action(
        &w,
        "ngo_admin",
        &format!("{c}/amendments"),
        json!({"reason": "延期", "end_date": "2027-12-31"}),
    )
    .await
    .id();
    let b = w.token("ngo_b_admin");
    for path in [
        format!("/api/v1/bids/{a}"),
        c.clone(),
        format!("{c}/kpis"),
        format!("{c}/milestones"),
        format!("{c}/amendments"),
        format!("{c}/evaluations"),
    ] {
        let r = w.app.get(&path, b).await;
        assert_eq!(r.status, 404, "{path}: {}", r.body);
    }
    for (path, body) in [
        (format!("/api/v1/bids/{a}/withdraw"), json!({})),
        (
            format!("{c}/amendments"),
            json!({"reason": "x", "end_date": "2027-12-31"}),
        ),
    ] {
        assert_eq!(w.app.post(&path, Some(b), body).await.status, 404, "{path}");
    }
    let bids = w
        .app
        .get(&format!("/api/v1/procurements/{pid}/bids"), b)
        .await;
    assert!(
        bids.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|x| x["ngo_id"] == w.ngo_b.as_str())
    );
    let contracts = w.app.get("/api/v1/contracts", b).await;
    assert!(contracts.body["items"].as_array().unwrap().is_empty());
    // Office staff read contracts and KPIs, not the money details.
    assert_eq!(w.app.get(&c, w.token("office_staff")).await.status, 200);
    assert_eq!(
        w.app
            .get(&format!("{c}/milestones"), w.token("office_staff"))
            .await
            .status,
        403
    );
    drop((ms, am));
}

#[tokio::test]
async fn procurement_and_contract_operations_follow_the_role_matrix() {
    let w = World::new().await;
    let (pid, a, _, cid) = awarded_contract(&w).await;
    let id = uuid::Uuid::now_v7();
    let get = |p: String| (Method::GET, p, None::<Value>);
    let post = |p: String| (Method::POST, p, Some(json!({})));
    let post_with = |p: String, b: Value| (Method::POST, p, Some(b));
    let bid = json!({"price_fen": 1, "proposal": "p", "planned_kpis": []});
    type Case = ((Method, String, Option<Value>), &'static [&'static str]);
    let cases: Vec<Case> = vec![
        (
            get("/api/v1/procurements".into()),
            &[
                "admin",
                "officer",
                "auditor",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
            ],
        ),
        (
            get(format!("/api/v1/procurements/{pid}")),
            &[
                "admin",
                "officer",
                "auditor",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
            ],
        ),
        (
            post_with("/api/v1/procurements".into(), procurement_body(1)),
            &["officer"],
        ),
        (
            post(format!("/api/v1/procurements/{id}/publish")),
            &["officer"],
        ),
        (
            post(format!("/api/v1/procurements/{id}/close")),
            &["officer"],
        ),
        (
            post(format!("/api/v1/procurements/{id}/cancel")),
            &["officer"],
        ),
        (
            post_with(
                format!("/api/v1/procurements/{id}/award"),
                json!({"bid_id": id}),
            ),
            &["officer"],
        ),
        (
            post_with(format!("/api/v1/procurements/{id}/bids"), bid.clone()),
            &["ngo_admin", "ngo_b_admin"],
        ),
        (
            get(format!("/api/v1/bids/{a}")),
            &[
                "admin",
                "officer",
                "auditor",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
            ],
        ),
        (
            post(format!("/api/v1/bids/{id}/withdraw")),
            &["ngo_admin", "ngo_b_admin"],
        ),
        (
            (
                Method::PUT,
                format!("/api/v1/bids/{id}/scores"),
                Some(json!({"scores": []})),
            ),
            &["officer"],
        ),
        (
            get("/api/v1/contracts".into()),
            &[
                "admin",
                "officer",
                "auditor",
                "office_staff",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
            ],
        ),
        (
            get(format!("/api/v1/contracts/{cid}/kpis")),
            &[
                "admin",
                "officer",
                "auditor",
                "office_staff",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
            ],
        ),
        (
            post_with(
                "/api/v1/contracts".into(),
                direct_contract(&w, "2027-12-31", false),
            ),
            &["officer"],
        ),
        (post(format!("/api/v1/contracts/{id}/sign")), &["officer"]),
        (
            post_with(
                format!("/api/v1/contracts/{id}/terminate"),
                json!({"reason": "r"}),
            ),
            &["officer"],
        ),
        (
            get(format!("/api/v1/contracts/{cid}/milestones")),
            &[
                "admin",
                "officer",
                "auditor",
                "ngo_admin",
                "ngo_staff",
                "ngo_b_admin",
            ],
        ),
        (
            post_with(
                format!("/api/v1/contracts/{id}/milestones"),
                json!({"name": "m", "due_date": "2027-06-30", "amount_fen": 1, "min_score": 0}),
            ),
            &["officer"],
        ),
        (
            post(format!("/api/v1/milestones/{id}/approve")),
            &["officer"],
        ),
        (post(format!("/api/v1/milestones/{id}/pay")), &["officer"]),
        (
            post_with(
                format!("/api/v1/contracts/{id}/amendments"),
                json!({"reason": "r", "amount_fen": 1}),
            ),
            &["officer", "ngo_admin", "ngo_b_admin"],
        ),
        (
            post(format!("/api/v1/amendments/{id}/approve")),
            &["officer"],
        ),
        (
            post(format!("/api/v1/amendments/{id}/reject")),
            &["officer"],
        ),
        (
            post_with(
                format!("/api/v1/contracts/{id}/evaluations"),
                json!({"period_start": "2027-01-01", "period_end": "2027-06-30", "score": 90, "kpi_ratings": [], "comment": "c"}),
            ),
            &["officer"],
        ),
    ];
    for ((method, path, body), allowed) in cases {
        for key in crate::helpers::SEEDED {
            let before = w.app.count("audit_events").await;
            let r = w
                .app
                .send(
                    method.clone(),
                    &path,
                    Some(w.token(key)),
                    body.as_ref().map(|b| b.to_string().into_bytes()),
                    &[],
                )
                .await;
            if allowed.contains(&key) {
                assert_ne!(r.status, 403, "{key} {method} {path}: {}", r.body);
                assert!(r.status < 500, "{key} {method} {path}: {}", r.body);
            } else {
                assert_eq!(r.status, 403, "{key} {method} {path}: {}", r.body);
                let after = w.app.count("audit_events").await;
                assert_eq!(after, before, "a refused request writes nothing");
            }
        }
    }
}

#[tokio::test]
async fn contract_transitions_refuse_a_stale_if_match_and_run_without_one() {
    let w = World::new().await;
    let created = action(
        &w,
        "officer",
        "/api/v1/contracts",
        direct_contract(&w, "2027-12-31", false),
    )
    .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["id"].as_str().unwrap();
    let version = created.body["version"].as_i64().unwrap();
    let post = |path: String, tag: Option<String>, body: Option<Vec<u8>>| {
        let officer = w.token("officer").to_string();
        let app = &w.app;
        async move {
            let headers: Vec<(&str, &str)> = tag
                .as_deref()
                .map(|t| ("if-match", t))
                .into_iter()
                .collect();
            app.send(
                poem::http::Method::POST,
                &path,
                Some(&officer),
                body,
                &headers,
            )
            .await
        }
    };
    let sign = format!("/api/v1/contracts/{id}/sign");
    let stale = post(sign.clone(), Some(format!("\"{}\"", version + 5)), None).await;
    assert_eq!(stale.status, 412, "{}", stale.body);
    let still = w
        .app
        .get(&format!("/api/v1/contracts/{id}"), w.token("officer"))
        .await;
    assert_eq!(still.body["status"], "draft", "nothing half-done");
    let signed = post(sign, Some(format!("\"{version}\"")), None).await;
    assert_eq!(signed.status, 200, "{}", signed.body);
    assert_eq!(signed.body["status"], "active");
    // The version moved on: the one the console showed before signing is stale now.
    let reason = Some(br#"{"reason": "e2e"}"#.to_vec());
    let suspend = format!("/api/v1/contracts/{id}/suspend");
    let old = post(
        suspend.clone(),
        Some(format!("\"{version}\"")),
        reason.clone(),
    )
    .await;
    assert_eq!(old.status, 412);
    // Without If-Match the transition runs as before (the header is optional here).
    let plain = post(suspend, None, reason).await;
    assert_eq!(plain.status, 200, "{}", plain.body);
    assert_eq!(plain.body["status"], "suspended");
}
