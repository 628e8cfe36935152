//! Multi-agency collaboration: agency types, a person's village committee
//! (by API and by the roster's 村(居)委会 column), supervision findings.

use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

use crate::{
    helpers::{World, uscc},
    sessions::person,
};

async fn agency(w: &World, name: &str, agency_type: &str, n: u32) -> String {
    let r = w
        .app
        .post(
            "/api/v1/organizations",
            Some(w.token("admin")),
            json!({"kind": "agency", "agency_type": agency_type, "name": name, "uscc": uscc(n)}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["agency_type"], agency_type);
    r.id()
}

#[tokio::test]
async fn agencies_carry_their_type_and_only_agencies_do() {
    let w = World::new().await;
    let admin = w.token("admin");
    let committee = agency(&w, "城关村民委员会", "village_committee", 501).await;
    // Required for an agency, refused for every other kind; one of the seven (else a malformed body).
    let cases = [
        json!({"kind": "agency", "name": "无类型", "uscc": uscc(502)}),
        json!({"kind": "ngo", "agency_type": "police", "name": "社工站", "uscc": uscc(503)}),
    ];
    for body in cases {
        let r = w.app.post("/api/v1/organizations", Some(admin), body).await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(r.body["errors"][0]["field"], "agency_type", "{}", r.body);
    }
    let unknown = w
        .app
        .post(
            "/api/v1/organizations",
            Some(admin),
            json!({"kind": "agency", "agency_type": "ministry", "name": "部", "uscc": uscc(504)}),
        )
        .await;
    assert_eq!(
        unknown.status, 400,
        "not one of the seven: {}",
        unknown.body
    );
    // Shown on reads and filterable; an office (no agency) shows null.
    let one = w
        .app
        .get(&format!("/api/v1/organizations/{committee}"), admin)
        .await;
    assert_eq!(one.body["agency_type"], "village_committee");
    let office = w
        .app
        .get(&format!("/api/v1/organizations/{}", w.office), admin)
        .await;
    assert_eq!(office.body["agency_type"], Value::Null);
    let listed = w
        .app
        .get("/api/v1/organizations?agency_type=village_committee", admin)
        .await;
    let ids: Vec<&str> = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![committee.as_str()]);
    // A police station must be a police agency; an office cannot take a type.
    let tag = office.body["version"].to_string();
    let r = w
        .app
        .patch(
            &format!("/api/v1/organizations/{}", w.office),
            admin,
            json!({"police_station_id": committee}),
            Some(&format!("\"{tag}\"")),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "police_station_id");
    let r = w
        .app
        .patch(
            &format!("/api/v1/organizations/{}", w.office),
            admin,
            json!({"agency_type": "police"}),
            Some(&format!("\"{tag}\"")),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "agency_type");
}

#[tokio::test]
async fn a_person_names_a_village_committee_by_api_and_by_roster() {
    let w = World::new().await;
    let office = w.token("office_staff");
    let committee = agency(&w, "城关村民委员会", "village_committee", 511).await;
    let mut body = person("19800101", 11);
    body["village_committee_id"] = json!(committee);
    let r = w.app.post("/api/v1/participants", Some(office), body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["village_committee_id"], committee.as_str());
    // Any other organisation is refused, by create and by update; null removes it.
    let mut wrong = person("19800101", 12);
    wrong["village_committee_id"] = json!(w.agency);
    let bad = w
        .app
        .post("/api/v1/participants", Some(office), wrong)
        .await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert_eq!(bad.body["errors"][0]["field"], "village_committee_id");
    let id = r.id();
    let patch = |body: Value| {
        let w = &w;
        let id = id.clone();
        async move {
            w.app
                .patch(
                    &format!("/api/v1/participants/{id}"),
                    w.token("office_staff"),
                    body,
                    None,
                )
                .await
        }
    };
    let r = patch(json!({"village_committee_id": w.office})).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let r = patch(json!({"village_committee_id": null})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["village_committee_id"], Value::Null);
    // The roster names the committee in 村(居)委会; an unknown name rejects the row.
    let id_number = |birth: &str, serial: u32| person(birth, serial)["id_number"].clone();
    let csv = format!(
        "姓名,身份证号,矫正类别,管理类别,矫正起始日,矫正终止日,村(居)委会\n\
         王建国,{},缓刑,普管,2026-01-01,2027-06-30,城关村民委员会\n\
         李秀英,{},假释,严管,2026-02-01,2027-01-31,不存在村委会\n",
        id_number("19850505", 21).as_str().unwrap(),
        id_number("19900202", 22).as_str().unwrap(),
    );
    let r = w
        .app
        .post_raw(
            "/api/v1/participants/import",
            office,
            "text/csv",
            csv.into_bytes(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let results = r.body["results"].as_array().unwrap();
    assert_eq!(results[0]["status"], "created", "{}", r.body);
    assert_eq!(results[1]["status"], "rejected");
    assert_eq!(results[1]["errors"][0]["field"], "village_committee");
    let created = w
        .app
        .get(
            &format!(
                "/api/v1/participants/{}",
                results[0]["participant_id"].as_str().unwrap()
            ),
            office,
        )
        .await;
    assert_eq!(created.body["village_committee_id"], committee.as_str());
}

async fn outbox(w: &World, kind: &str) -> i64 {
    let row = w
        .app
        .state
        .db
        .read
        .query_one_raw(sea_orm::Statement::from_string(
            w.app.state.db.backend(),
            format!("SELECT COUNT(*) AS n FROM outbox WHERE kind = '{kind}'"),
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "n").unwrap()
}

async fn run(w: &World, job: &str) -> usize {
    huigui::jobs::run(&w.app.state, job)
        .await
        .unwrap()
        .expect("lease")
}

#[tokio::test]
async fn the_procuratorate_records_a_finding_the_office_rectifies_and_it_is_closed_or_reopened() {
    let w = World::new().await;
    let office = w.token("office_staff");
    let auditor = w.token("auditor");
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let person = w
        .app
        .post("/api/v1/participants", Some(office), person("19800101", 31))
        .await
        .id();
    let by = (today + chrono::Duration::days(10)).to_string();
    let body = |org: &str, kind: &str, id: Value, by: &str| {
        json!({"organization_id": org, "subject": {"kind": kind, "id": id},
               "description": "社区服务时长记录不全，请核实并补正。", "rectify_by": by})
    };
    // Only the procuratorate records; everyone else is 403.
    for role in [
        "admin",
        "officer",
        "office_staff",
        "ngo_admin",
        "agency_staff",
    ] {
        let r = w
            .app
            .post(
                "/api/v1/findings",
                Some(w.token(role)),
                body(&w.office, "participant", json!(person), &by),
            )
            .await;
        assert_eq!(r.status, 403, "{role}: {}", r.body);
    }
    // Addressee, subject and deadline are checked.
    let past = (today - chrono::Duration::days(1)).to_string();
    for (b, field) in [
        (body(&w.agency, "none", Value::Null, &by), "organization_id"),
        (
            body(&w.office, "participant", Value::Null, &by),
            "subject.id",
        ),
        (body(&w.office, "none", json!(person), &by), "subject.id"),
        (
            body(&w.office, "contract", json!(person), &by),
            "subject.id",
        ),
        (
            body(&w.office, "participant", json!(person), &past),
            "rectify_by",
        ),
    ] {
        let r = w.app.post("/api/v1/findings", Some(auditor), b).await;
        assert_eq!(r.status, 422, "{field}: {}", r.body);
        assert_eq!(r.body["errors"][0]["field"], field, "{}", r.body);
    }
    assert_eq!(outbox(&w, "finding").await, 0, "nothing half-written");
    let r = w
        .app
        .post(
            "/api/v1/findings",
            Some(auditor),
            body(&w.office, "participant", json!(person), &by),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "open");
    assert_eq!(r.body["overdue"], false);
    assert_eq!(r.body["subject"]["kind"], "participant");
    let id = r.id();
    let path = format!("/api/v1/findings/{id}");
    assert_eq!(outbox(&w, "finding").await, 1, "the office is mailed");

    // The office, the bureau and the procuratorate see it; an NGO does not (404); agencies may not read findings.
    for role in ["office_staff", "officer", "admin", "auditor"] {
        assert_eq!(w.app.get(&path, w.token(role)).await.status, 200, "{role}");
        let list = w.app.get("/api/v1/findings", w.token(role)).await;
        assert_eq!(list.body["items"].as_array().unwrap().len(), 1, "{role}");
    }
    assert_eq!(w.app.get(&path, w.token("ngo_admin")).await.status, 404);
    let list = w.app.get("/api/v1/findings", w.token("ngo_admin")).await;
    assert!(list.body["items"].as_array().unwrap().is_empty());
    assert_eq!(w.app.get(&path, w.token("agency_staff")).await.status, 403);

    // Nothing to accept before an answer; only the addressee answers.
    let accept = format!("{path}/accept");
    assert_eq!(
        w.app.post(&accept, Some(auditor), json!({})).await.status,
        409
    );
    let answer = json!({"rectification": "已补录缺失的服务时长并复核全部记录。"});
    let respond = format!("{path}/respond");
    let r = w
        .app
        .post(&respond, Some(w.token("officer")), answer.clone())
        .await;
    assert_eq!(
        r.status, 403,
        "the bureau sees it but is not addressed: {}",
        r.body
    );
    let r = w
        .app
        .post(&respond, Some(w.token("ngo_admin")), answer.clone())
        .await;
    assert_eq!(r.status, 404);
    let r = w.app.post(&respond, Some(office), answer.clone()).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "responded");
    assert_eq!(r.body["rectification"], answer["rectification"]);
    assert_eq!(
        w.app
            .post(&respond, Some(office), answer.clone())
            .await
            .status,
        409
    );

    // The office cannot close its own finding; the procuratorate accepts, then reopens with a new deadline.
    assert_eq!(
        w.app.post(&accept, Some(office), json!({})).await.status,
        403
    );
    let r = w.app.post(&accept, Some(auditor), json!({})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "closed");
    assert!(r.body["closed_at"].is_string());
    let later = (today + chrono::Duration::days(3)).to_string();
    let r = w
        .app
        .post(
            &format!("{path}/reopen"),
            Some(auditor),
            json!({"rectify_by": later}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "open");
    assert_eq!(r.body["rectify_by"], later.as_str());
    assert_eq!(outbox(&w, "finding").await, 2, "mailed again on reopening");

    // Past the deadline it is overdue: listed by `overdue=true` and reminded once a day.
    assert_eq!(run(&w, "finding_reminders").await, 0, "not yet due");
    w.app.state.clock.advance(chrono::Duration::days(4));
    let overdue = w.app.get("/api/v1/findings?overdue=true", auditor).await;
    let items = overdue.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{}", overdue.body);
    assert_eq!(items[0]["overdue"], true);
    assert_eq!(run(&w, "finding_reminders").await, 1);
    assert_eq!(run(&w, "finding_reminders").await, 0, "once a day");
    w.app.state.clock.advance(chrono::Duration::days(1));
    assert_eq!(
        run(&w, "finding_reminders").await,
        1,
        "and again the next day"
    );
    // Counted on the dashboards: the office's compliance row and the overview.
    let (office_row, overview) = dashboards(&w).await;
    assert_eq!(office_row["overdue_findings"], 1, "{office_row}");
    assert_eq!(overview["overdue_findings"], 1);

    // Every write is audited.
    let n = w
        .app
        .state
        .db
        .read
        .query_one_raw(sea_orm::Statement::from_string(
            w.app.state.db.backend(),
            "SELECT COUNT(*) AS n FROM audit_events WHERE object_type = 'finding'".to_string(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(n, 4, "create, respond, accept, reopen");
}

#[tokio::test]
async fn a_joint_meeting_hands_out_tasks_its_participants_see_and_owners_complete() {
    let w = World::new().await;
    let officer = w.token("officer");
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let day = |n: i64| (today + chrono::Duration::days(n)).to_string();
    let person = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 41),
        )
        .await
        .id();
    let meeting = json!({"level": "county", "title": "县社区矫正1+N联席会议", "held_on": day(0),
                         "organization_ids": [w.office, w.agency, w.procuratorate]});
    // The bureau convenes county meetings, an office township ones; NGOs and agencies convene none.
    let r = w
        .app
        .post(
            "/api/v1/meetings",
            Some(w.token("office_staff")),
            meeting.clone(),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "level");
    for role in ["ngo_admin", "agency_staff", "auditor", "admin"] {
        let r = w
            .app
            .post("/api/v1/meetings", Some(w.token(role)), meeting.clone())
            .await;
        assert_eq!(r.status, 403, "{role}");
    }
    let r = w.app.post("/api/v1/meetings", Some(officer), meeting).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["status"], "planned");
    assert_eq!(
        r.body["organization_ids"].as_array().unwrap().len(),
        4,
        "the bureau takes part"
    );
    let id = r.id();
    let path = format!("/api/v1/meetings/{id}");

    // Those taking part (and the procuratorate) see it; an NGO that does not take part sees nothing.
    for role in ["officer", "office_staff", "agency_staff", "auditor"] {
        assert_eq!(w.app.get(&path, w.token(role)).await.status, 200, "{role}");
    }
    for p in [
        path.clone(),
        format!("{path}/items"),
        format!("{path}/tasks"),
    ] {
        assert_eq!(w.app.get(&p, w.token("ngo_admin")).await.status, 404, "{p}");
    }
    let none = w.app.get("/api/v1/meetings", w.token("ngo_admin")).await;
    assert!(none.body["items"].as_array().unwrap().is_empty());

    // Agenda: a person appears by code, with the name only for the bureau and the person's office.
    let item = json!({"topic": "place_of_execution", "participant_id": person,
                      "discussion": "申请变更执行地至邻县。", "decision": "同意，由司法所办理交接。"});
    let r = w
        .app
        .post(
            &format!("{path}/items"),
            Some(w.token("office_staff")),
            item.clone(),
        )
        .await;
    assert_eq!(
        r.status, 403,
        "only the convener records minutes: {}",
        r.body
    );
    let r = w
        .app
        .post(&format!("{path}/items"), Some(officer), item)
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let item_id = r.id();
    assert!(r.body["participant"]["name"].is_string());
    let office_view = w
        .app
        .get(&format!("{path}/items"), w.token("office_staff"))
        .await;
    assert!(office_view.body["items"][0]["participant"]["name"].is_string());
    let agency_view = w
        .app
        .get(&format!("{path}/items"), w.token("agency_staff"))
        .await;
    let seen = &agency_view.body["items"][0]["participant"];
    assert!(
        seen["code"].is_string() && seen.get("name").is_none(),
        "{seen}"
    );
    assert!(
        !agency_view.body.to_string().contains("对象41"),
        "no name anywhere"
    );

    // Tasks go to an organisation taking part, due no earlier than the meeting.
    let task = |owner: &str, due: String| json!({"item_id": item_id, "owner_id": owner, "description": "办理交接手续", "due_on": due});
    for (body, field) in [
        (task(&w.ngo_a, day(5)), "owner_id"),
        (task(&w.agency, day(-1)), "due_on"),
        (
            json!({"item_id": w.office, "owner_id": w.agency, "description": "x", "due_on": day(5)}),
            "item_id",
        ),
    ] {
        let r = w
            .app
            .post(&format!("{path}/tasks"), Some(officer), body)
            .await;
        assert_eq!(r.status, 422, "{field}: {}", r.body);
        assert_eq!(r.body["errors"][0]["field"], field);
    }
    let agency_task = w
        .app
        .post(
            &format!("{path}/tasks"),
            Some(officer),
            task(&w.agency, day(5)),
        )
        .await;
    assert_eq!(agency_task.status, 201, "{}", agency_task.body);
    let office_task = w
        .app
        .post(
            &format!("{path}/tasks"),
            Some(officer),
            task(&w.office, day(1)),
        )
        .await;
    assert_eq!(office_task.status, 201);
    let (agency_task, office_task) = (agency_task.id(), office_task.id());

    // Hold, then close: the minutes are frozen.
    assert_eq!(
        w.app
            .post(&format!("{path}/close"), Some(officer), json!({}))
            .await
            .status,
        409,
        "held first"
    );
    assert_eq!(
        w.app
            .post(&format!("{path}/hold"), Some(officer), json!({}))
            .await
            .body["status"],
        "held"
    );
    let closed = w
        .app
        .post(&format!("{path}/close"), Some(officer), json!({}))
        .await;
    assert_eq!(closed.body["status"], "closed");
    let late_item = json!({"topic": "other", "discussion": "补充", "decision": "补充"});
    assert_eq!(
        w.app
            .post(&format!("{path}/items"), Some(officer), late_item)
            .await
            .status,
        409
    );
    assert_eq!(
        w.app
            .post(
                &format!("{path}/tasks"),
                Some(officer),
                task(&w.agency, day(5))
            )
            .await
            .status,
        409
    );
    let patched = w
        .app
        .patch(&path, officer, json!({"title": "改名"}), None)
        .await;
    assert_eq!(patched.status, 409, "{}", patched.body);

    // Each owner sees its own tasks; the bureau all of them.
    let ids = |r: &crate::helpers::Resp| -> Vec<String> {
        r.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        ids(&w.app.get("/api/v1/tasks", w.token("agency_staff")).await),
        vec![agency_task.clone()]
    );
    assert_eq!(
        ids(&w.app.get("/api/v1/tasks", w.token("office_staff")).await),
        vec![office_task.clone()]
    );
    assert!(ids(&w.app.get("/api/v1/tasks", w.token("ngo_admin")).await).is_empty());
    assert_eq!(ids(&w.app.get("/api/v1/tasks", officer).await).len(), 2);

    // Only the owner completes, once (after the meeting closed, too).
    let done = json!({"result": "已完成交接"});
    let complete = format!("/api/v1/tasks/{agency_task}/complete");
    assert_eq!(
        w.app
            .post(&complete, Some(officer), done.clone())
            .await
            .status,
        403,
        "visible, not owned"
    );
    assert_eq!(
        w.app
            .post(&complete, Some(w.token("ngo_b_admin")), done.clone())
            .await
            .status,
        404
    );
    assert_eq!(
        w.app
            .post(&complete, Some(w.token("auditor")), done.clone())
            .await
            .status,
        403
    );
    let r = w
        .app
        .post(&complete, Some(w.token("agency_staff")), done.clone())
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "done");
    assert_eq!(
        w.app
            .post(&complete, Some(w.token("agency_staff")), done)
            .await
            .status,
        409
    );

    // The office's task goes overdue: listed, and its owner reminded once a day.
    assert_eq!(run(&w, "task_reminders").await, 0);
    w.app.state.clock.advance(chrono::Duration::days(2));
    let overdue = w
        .app
        .get("/api/v1/tasks?overdue=true", w.token("office_staff"))
        .await;
    assert_eq!(ids(&overdue), vec![office_task]);
    assert_eq!(overdue.body["items"][0]["overdue"], true);
    assert_eq!(run(&w, "task_reminders").await, 1);
    assert_eq!(run(&w, "task_reminders").await, 0, "once a day");
    assert_eq!(outbox(&w, "task").await, 1);
    let (office_row, overview) = dashboards(&w).await;
    assert_eq!(office_row["overdue_tasks"], 1, "{office_row}");
    assert_eq!(overview["overdue_tasks"], 1, "the agency's is done");
}

/// The world's office row of this month's compliance, and the overview.
async fn dashboards(w: &World) -> (Value, Value) {
    let c = w
        .app
        .get("/api/v1/stats/compliance", w.token("officer"))
        .await;
    assert_eq!(c.status, 200, "{}", c.body);
    let row = c.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["office_id"] == w.office.as_str())
        .cloned()
        .unwrap();
    let o = w
        .app
        .get("/api/v1/stats/overview", w.token("officer"))
        .await;
    assert_eq!(o.status, 200, "{}", o.body);
    (row, o.body)
}

#[tokio::test]
async fn an_office_notifies_the_village_committee_which_acknowledges_or_is_reminded_once() {
    let w = World::new().await;
    let office = w.token("office_staff");
    let committee = agency(&w, "城关村民委员会", "village_committee", 521).await;
    let u = w
        .app
        .post(
            "/api/v1/users",
            Some(w.token("admin")),
            json!({"email": "cun@example.cn", "display_name": "村委会主任", "role": "agency_staff",
                   "organization_id": committee, "password": "committee-password-2026"}),
        )
        .await;
    assert_eq!(u.status, 201, "{}", u.body);
    let cun = w
        .app
        .token("cun@example.cn", "committee-password-2026")
        .await;
    let person = w
        .app
        .post("/api/v1/participants", Some(office), person("19800101", 51))
        .await
        .id();
    let path = format!("/api/v1/participants/{person}/assistance-notices");
    let duties = json!({"duties": "协助掌握对象日常表现，发现异常及时报告司法所。"});
    // The person needs a committee first; only the office issues.
    let r = w.app.post(&path, Some(office), duties.clone()).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "village_committee_id");
    let set = w
        .app
        .patch(
            &format!("/api/v1/participants/{person}"),
            office,
            json!({"village_committee_id": committee}),
            None,
        )
        .await;
    assert_eq!(set.status, 200, "{}", set.body);
    for role in ["officer", "ngo_admin", "agency_staff", "auditor"] {
        assert_eq!(
            w.app
                .post(&path, Some(w.token(role)), duties.clone())
                .await
                .status,
            403,
            "{role}"
        );
    }
    let year = chrono::Datelike::year(&w.app.state.clock.today(w.app.state.settings.tz()));
    let prefix = w.app.state.settings.contract_prefix.clone();
    let first = w.app.post(&path, Some(office), duties.clone()).await;
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(first.body["number"], format!("{prefix}-XZ-{year}-001"));
    assert_eq!(first.body["status"], "sent");
    let second = w.app.post(&path, Some(office), duties).await;
    assert_eq!(second.body["number"], format!("{prefix}-XZ-{year}-002"));
    assert_eq!(
        outbox(&w, "assistance_notice").await,
        2,
        "mailed to the committee"
    );

    // The committee sees what is addressed to it (with the person's name); another agency nothing.
    let mine = w.app.get("/api/v1/assistance-notices", &cun).await;
    assert_eq!(
        mine.body["items"].as_array().unwrap().len(),
        2,
        "{}",
        mine.body
    );
    assert_eq!(mine.body["items"][0]["participant_name"], "对象51");
    let other = w
        .app
        .get("/api/v1/assistance-notices", w.token("agency_staff"))
        .await;
    assert!(other.body["items"].as_array().unwrap().is_empty());
    let one = format!("/api/v1/assistance-notices/{}", first.id());
    assert_eq!(w.app.get(&one, w.token("agency_staff")).await.status, 404);
    assert_eq!(w.app.get(&one, w.token("ngo_admin")).await.status, 403);
    assert_eq!(
        w.app.get(&path, office).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Only the committee acknowledges, once.
    let ack = format!("{one}/acknowledge");
    assert_eq!(w.app.post(&ack, Some(office), json!({})).await.status, 403);
    assert_eq!(
        w.app
            .post(&ack, Some(w.token("agency_staff")), json!({}))
            .await
            .status,
        404
    );
    let r = w.app.post(&ack, Some(&cun), json!({})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["status"], "acknowledged");
    assert_eq!(w.app.post(&ack, Some(&cun), json!({})).await.status, 409);

    // Five days unacknowledged: one reminder, for the other notice only.
    assert_eq!(run(&w, "notice_reminders").await, 0);
    w.app.state.clock.advance(chrono::Duration::days(6));
    assert_eq!(run(&w, "notice_reminders").await, 1);
    assert_eq!(run(&w, "notice_reminders").await, 0, "once");
    assert_eq!(outbox(&w, "assistance_notice").await, 3);
}

#[tokio::test]
async fn a_months_records_export_as_json_and_as_csv_the_roster_import_reads_back() {
    use chrono::Duration;
    let w = World::new().await;
    let office = w.token("office_staff");
    let (sid, people, start) = crate::sessions::running_session(&w, false, 2).await;
    let tz = w.app.state.settings.tz();
    let month = start.with_timezone(&tz).format("%Y-%m").to_string();
    w.app.state.clock.advance(Duration::hours(2));
    for (kind, at) in [
        ("check_in", start),
        ("check_out", start + Duration::hours(2)),
    ] {
        let r = w
            .app
            .post(
                &format!("/api/v1/sessions/{sid}/attendance"),
                Some(w.token("ngo_staff")),
                json!({"participant_id": people[0], "kind": kind, "at": at.to_rfc3339(), "source": "staff"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let closed = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    let today = w.app.state.clock.today(tz);
    let r = w
        .app
        .post(
            &format!("/api/v1/participants/{}/discipline", people[0]),
            Some(office),
            json!({"kind": "reprimand", "reason": "未按规定报告", "date": start.with_timezone(&tz).date_naive()}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let r = w
        .app
        .post(
            "/api/v1/referrals",
            Some(office),
            json!({"participant_id": people[0], "need": "employment", "agency_id": w.agency,
                   "detail": "求职帮扶", "respond_by": (today + Duration::days(5)).to_string()}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);

    // JSON: the office's people, with the month's record and the full ID number.
    let path = format!("/api/v1/exports/records?month={month}");
    let r = w.app.get(&path, office).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let items = r.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{}", r.body);
    let first = items
        .iter()
        .find(|i| i["participant_id"] == people[0].as_str())
        .unwrap();
    assert_eq!(first["education_hours"], 2.0, "{first}");
    assert_eq!(first["sessions"][0]["type"], "education");
    assert_eq!(first["sessions"][0]["hours"], 2.0);
    assert_eq!(first["discipline"][0]["kind"], "reprimand");
    assert_eq!(first["referrals"][0]["need"], "employment");
    assert_eq!(first["referrals"][0]["status"], "open");
    assert_eq!(first["id_number"].as_str().unwrap().len(), 18, "in full");

    // CSV (UTF-8 with BOM, or GB18030): the roster's Chinese headers first, then the record.
    let (status, bytes) = w.app.get_bytes(&format!("{path}&format=csv"), office).await;
    assert_eq!(status, 200);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.starts_with(
            "姓名,身份证号,联系电话,矫正类别,管理类别,矫正起始日,矫正终止日,矫正编号,月份"
        ),
        "{text}"
    );
    assert!(
        text.contains("教育学习 2小时") && text.contains("训诫") && text.contains("就业"),
        "{text}"
    );
    let (_, gb) = w
        .app
        .get_bytes(&format!("{path}&format=csv&encoding=gb18030"), office)
        .await;
    let (decoded, _, bad) = encoding_rs::GB18030.decode(&gb);
    assert!(!bad && decoded.starts_with("姓名,身份证号"), "{decoded}");
    // The roster import reads it back: both people are known and active in this office.
    let back = w
        .app
        .post_raw(
            "/api/v1/participants/import?dry_run=true",
            office,
            "text/csv",
            gb.clone(),
        )
        .await;
    assert_eq!(back.status, 200, "{}", back.body);
    assert_eq!(back.body["updated"], 2, "{}", back.body);
    assert_eq!(back.body["rejected"], 0);

    // Offices export only their own; the bureau everyone; NGOs, agencies and the procuratorate not at all.
    let other = format!("{path}&office_id={}", uuid::Uuid::now_v7());
    assert_eq!(w.app.get(&other, office).await.status, 404);
    assert_eq!(
        w.app.get(&path, w.token("officer")).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    for role in ["ngo_admin", "agency_staff", "auditor"] {
        assert_eq!(w.app.get(&path, w.token(role)).await.status, 403, "{role}");
    }
    let audited = w
        .app
        .state
        .db
        .read
        .query_one_raw(sea_orm::Statement::from_string(
            w.app.state.db.backend(),
            "SELECT COUNT(*) AS n FROM audit_events WHERE action = 'records.export'".to_string(),
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get::<i64>("", "n")
        .unwrap();
    assert_eq!(audited, 4, "every export is audited");

    // The command line writes the same file.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("records.csv");
    huigui::cli::export_records(w.app.state.settings.clone(), &month, None, "gb18030", &out)
        .await
        .unwrap();
    let raw = std::fs::read(&out).unwrap();
    let (file, _, bad) = encoding_rs::GB18030.decode(&raw);
    assert!(!bad && file.lines().count() == 3, "{file}");
    let json_out = dir.path().join("records.json");
    huigui::cli::export_records(
        w.app.state.settings.clone(),
        &month,
        None,
        "utf-8",
        &json_out,
    )
    .await
    .unwrap();
    let parsed: Value = serde_json::from_slice(&std::fs::read(&json_out).unwrap()).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_office_sets_a_correction_team_and_a_woman_has_a_woman_on_hers() {
    let w = World::new().await;
    let office = w.token("office_staff");
    // 19850721 + serial 62: an even sequence digit is a woman in GB 11643.
    let woman = w
        .app
        .post("/api/v1/participants", Some(office), person("19850721", 62))
        .await;
    assert_eq!(woman.status, 201, "{}", woman.body);
    assert_eq!(woman.body["gender"], "female", "{}", woman.body);
    let path = format!("/api/v1/participants/{}/team", woman.id());
    let member = |name: &str, role: &str, gender: &str| json!({"name": name, "role": role, "gender": gender, "phone": "13800000000"});
    let men = json!({"members": [member("张所长", "office_staff", "male"), member("李医生", "doctor", "male")]});
    let r = w.app.put(&path, office, men, None).await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert_eq!(r.body["errors"][0]["field"], "members");
    assert!(
        r.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Art. 25")
    );
    let team = json!({"members": [member("张所长", "office_staff", "male"),
                                  {"name": "王主任", "role": "village_committee", "gender": "female", "organization_id": w.agency}]});
    for role in ["officer", "ngo_admin", "auditor"] {
        assert_eq!(
            w.app
                .put(&path, w.token(role), team.clone(), None)
                .await
                .status,
            403,
            "{role}"
        );
    }
    let r = w.app.put(&path, office, team.clone(), None).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.body["version"], 1);
    assert_eq!(r.body["members"].as_array().unwrap().len(), 2);
    // A stale If-Match is 412 and changes nothing; the current one replaces the team.
    assert_eq!(
        w.app
            .put(&path, office, team.clone(), Some("\"7\""))
            .await
            .status,
        412
    );
    let r = w.app.put(&path, office, team, Some("\"1\"")).await;
    assert_eq!(r.body["version"], 2, "{}", r.body);
    // The bureau and the procuratorate read it; NGOs never do.
    for role in ["officer", "auditor", "office_staff"] {
        let r = w.app.get(&path, w.token(role)).await;
        assert_eq!(r.status, 200, "{role}");
        assert_eq!(r.body["members"][1]["gender"], "female");
    }
    assert_eq!(w.app.get(&path, w.token("ngo_admin")).await.status, 403);
    assert_eq!(w.app.get(&path, w.token("agency_staff")).await.status, 403);
}

/// The office's compliance row for `month`.
async fn compliance_row(w: &World, month: &str) -> Value {
    let c = w
        .app
        .get(
            &format!("/api/v1/stats/compliance?month={month}"),
            w.token("officer"),
        )
        .await;
    assert_eq!(c.status, 200, "{}", c.body);
    c.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["office_id"] == w.office.as_str())
        .cloned()
        .unwrap()
}

#[tokio::test]
async fn a_plan_in_effect_changes_what_a_month_requires_its_status_alerts_and_compliance() {
    use chrono::{Datelike, Duration};
    let w = World::new().await;
    let office = w.token("office_staff");
    // Two ordinary-level people (8 h + 8 h a month by default); one attends a 2-hour education session.
    let (sid, people, start) = crate::sessions::running_session(&w, false, 2).await;
    let r = w
        .app
        .post(&format!("/api/v1/sessions/{sid}/attendance"), Some(w.token("ngo_staff")),
              json!({"participant_id": people[0], "kind": "check_in", "at": start.to_rfc3339(), "source": "staff"}))
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let closed = w
        .app
        .post(
            &format!("/api/v1/sessions/{sid}/close"),
            Some(w.token("ngo_staff")),
            json!({}),
        )
        .await;
    assert_eq!(closed.status, 200, "{}", closed.body);
    let tz = w.app.state.settings.tz();
    let today = w.app.state.clock.today(tz);
    let month = start.with_timezone(&tz).format("%Y-%m").to_string();
    let hours_path = format!("/api/v1/participants/{}/hours?month={month}", people[0]);
    let before = w.app.get(&hours_path, office).await.body;
    assert_eq!(before["required"]["education"], 8.0, "{before}");
    assert_ne!(before["status"], "met");
    assert!(before.get("plan_version").is_none());
    let met_before = compliance_row(&w, &month).await["met"].as_i64().unwrap();

    let plans = format!("/api/v1/participants/{}/plans", people[0]);
    let first_day = today.with_day(1).unwrap();
    let plan = json!({"effective_from": first_day.to_string(), "reason": "入矫评估：就业压力大",
        "monthly_hours": {"education": 2, "public_welfare": 0},
        "session_goals": [{"type": "education", "per_month": 1}, {"type": "individual_counseling", "per_month": 2}],
        "notes": "家属联系电话见档案"});
    // Only the person's office adds versions; the rules are 422s naming the field.
    for role in ["officer", "ngo_admin", "auditor", "agency_staff"] {
        let r = w.app.post(&plans, Some(w.token(role)), plan.clone()).await;
        assert_eq!(r.status, 403, "{role}: {}", r.body);
    }
    let mut past = plan.clone();
    past["effective_from"] = json!((first_day - Duration::days(1)).to_string());
    past["session_goals"] =
        json!([{"type": "education", "per_month": 1}, {"type": "education", "per_month": 2}]);
    let r = w.app.post(&plans, Some(office), past).await;
    assert_eq!(r.status, 422, "{}", r.body);
    let fields: Vec<&str> = r.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["effective_from", "session_goals[1].type"],
        "{}",
        r.body
    );
    let mut zero = plan.clone();
    zero["session_goals"][0]["per_month"] = json!(0);
    assert_eq!(w.app.post(&plans, Some(office), zero).await.status, 422);
    let mut extra = plan.clone();
    extra["team_phone"] = json!("1");
    assert!(matches!(
        w.app.post(&plans, Some(office), extra).await.status,
        400 | 422
    ));
    let v1 = w.app.post(&plans, Some(office), plan.clone()).await;
    assert_eq!(v1.status, 201, "{}", v1.body);
    assert_eq!(
        (v1.body["version"].as_i64(), v1.body["in_effect"].as_bool()),
        (Some(1), Some(true))
    );

    // The plan's 2 h + 0 h replace the level's 8 h + 8 h: the month is met.
    let after = w.app.get(&hours_path, office).await.body;
    assert_eq!(
        (
            after["required"]["education"].as_f64(),
            after["status"].as_str(),
            after["plan_version"].as_i64()
        ),
        (Some(2.0), Some("met"), Some(1)),
        "{after}"
    );
    let goals = after["goals"].as_array().unwrap();
    assert_eq!(
        (
            goals[0]["type"].as_str(),
            goals[0]["attended"].as_i64(),
            goals[0]["status"].as_str()
        ),
        (Some("education"), Some(1), Some("met"))
    );
    assert_eq!(
        (
            goals[1]["type"].as_str(),
            goals[1]["attended"].as_i64(),
            goals[1]["status"].as_str()
        ),
        (Some("individual_counseling"), Some(0), Some("open"))
    );
    assert_eq!(
        compliance_row(&w, &month).await["met"].as_i64().unwrap(),
        met_before + 1
    );

    // Who sees what: notes for the bureau and the office; the procuratorate no
    // notes; the NGO that has the person enrolled the goals only; others nothing.
    for (role, terms, notes) in [
        ("officer", true, true),
        ("office_staff", true, true),
        ("auditor", true, false),
        ("ngo_staff", false, false),
    ] {
        let r = w.app.get(&plans, w.token(role)).await;
        assert_eq!(r.status, 200, "{role}: {}", r.body);
        let v = &r.body["items"][0];
        assert_eq!(v["session_goals"][1]["per_month"], 2, "{role}");
        assert_eq!(
            (v.get("reason").is_some(), v.get("monthly_hours").is_some()),
            (terms, terms),
            "{role}: {v}"
        );
        assert_eq!(v.get("notes").is_some(), notes, "{role}: {v}");
    }
    let ngo_view = w.app.get(&hours_path, w.token("ngo_staff")).await.body;
    assert!(
        ngo_view.get("plan_version").is_none() && ngo_view["goals"] == json!([]),
        "{ngo_view}"
    );
    assert_eq!(w.app.get(&plans, w.token("agency_staff")).await.status, 403);
    let ngo_b = w.app.get(&plans, w.token("ngo_b_admin")).await;
    assert_eq!(ngo_b.status, 404, "{}", ngo_b.body);

    // A second version from next month leaves the requirement to the policy again;
    // it may not start before the newest.
    let next_first = (first_day + Duration::days(32)).with_day(1).unwrap();
    let mut v2 = json!({"effective_from": next_first.to_string(), "reason": "表现良好，取消时长调整",
        "session_goals": [{"type": "individual_counseling", "per_month": 1}], "notes": "—"});
    let r = w.app.post(&plans, Some(office), v2.clone()).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(
        (r.body["version"].as_i64(), r.body["in_effect"].as_bool()),
        (Some(2), Some(false))
    );
    v2["effective_from"] = json!(first_day.to_string());
    assert_eq!(w.app.post(&plans, Some(office), v2).await.status, 422);
    let list = w.app.get(&plans, office).await.body;
    let flags: Vec<(i64, bool)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["version"].as_i64().unwrap(),
                p["in_effect"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(flags, [(1, true), (2, false)]);
    let next_month = next_first.format("%Y-%m").to_string();
    let next = w
        .app
        .get(
            &format!(
                "/api/v1/participants/{}/hours?month={next_month}",
                people[0]
            ),
            office,
        )
        .await
        .body;
    assert_eq!(
        (
            next["required"]["education"].as_f64(),
            next["plan_version"].as_i64()
        ),
        (Some(8.0), Some(2)),
        "{next}"
    );

    // On day 20 the monthly check finds the other person behind, never the one the plan excuses.
    if today.day() < 20 {
        w.app
            .state
            .clock
            .advance(Duration::days(i64::from(20 - today.day())));
    }
    run(&w, "monthly_checks").await;
    let mut alerts = Vec::new();
    for p in &people {
        let path = format!("/api/v1/alerts?participant_id={p}&kind=month_at_risk");
        let r = w.app.get(&path, office).await;
        alerts.push(r.body["items"].as_array().unwrap().len());
    }
    assert_eq!(
        alerts,
        [0, 1],
        "the plan's person is on track, the other behind"
    );
}
