//! Security hardening, data exposure and ownership (issue 15): what an NGO,
//! a partner app, an agency or the auditor may see of a person, and what
//! only the person's owner may change.

use chrono::Duration;
use huigui::domain::id_number::IdNumber;
use serde_json::{Value, json};

use crate::{
    helpers::{Resp, World},
    sessions::{client_token, enroll, running_session},
};

fn id_number(birth: &str, serial: u32) -> String {
    IdNumber::complete(&format!("142327{birth}{serial:03}"))
        .unwrap()
        .as_str()
        .to_string()
}

fn subject(name: &str, id: &str) -> Value {
    json!({
        "kind": "correction_subject", "name": name, "id_number": id,
        "correction_type": "probation", "supervision_level": "ordinary",
        "correction_start": "2026-01-01", "correction_end": "2027-12-31"
    })
}

/// A session of the same contract as `sid`, `days` from now.
async fn upcoming_session(w: &World, sid: &str, days: i64) -> String {
    let s = w
        .app
        .get(&format!("/api/v1/sessions/{sid}"), w.token("ngo_staff"))
        .await;
    let contract = s.body["contract_id"].as_str().unwrap();
    let start = w.app.state.clock.now() + Duration::days(days);
    crate::sessions::session(w, contract, "education", start, 10)
        .await
        .id()
}

fn text(r: &Resp) -> String {
    match &r.body {
        Value::String(s) => s.clone(),
        v => v.to_string(),
    }
}

/// What must never appear in a response to someone outside the person's
/// office and the bureau.
struct Secrets {
    ids: Vec<String>,
    births: Vec<String>,
    minor_name: String,
}

impl Secrets {
    /// Checks one response; `true` when it carried data (200), `false` for
    /// an operation the caller may not use at all (403), checked all the same.
    fn assert_absent(&self, who: &str, path: &str, r: &Resp) -> bool {
        assert!(
            r.status == 200 || r.status == 403,
            "{who} {path}: {} {}",
            r.status,
            r.body
        );
        let t = text(r);
        for id in &self.ids {
            assert!(
                !t.contains(id.as_str()),
                "{who} {path} shows a full ID number"
            );
        }
        for b in &self.births {
            let dashed = format!("{}-{}-{}", &b[..4], &b[4..6], &b[6..]);
            assert!(
                !t.contains(b.as_str()) && !t.contains(&dashed),
                "{who} {path} shows a birth date, which undoes the mask: {t}"
            );
        }
        assert!(
            !t.contains(&self.minor_name),
            "{who} {path} shows a minor's name"
        );
        r.status == 200
    }
}

#[tokio::test]
async fn no_response_outside_the_office_and_bureau_reveals_an_id_number_or_a_minors_name() {
    let w = World::new().await;
    let (sid, _, _) = running_session(&w, false, 0).await;
    let (adult_id, minor_id) = (id_number("19790817", 11), id_number("20120523", 12));
    let office = w.token("office_staff");
    let adult = w
        .app
        .post(
            "/api/v1/participants",
            Some(office),
            subject("成年对象", &adult_id),
        )
        .await;
    assert_eq!(adult.status, 201, "{}", adult.body);
    let minor = w
        .app
        .post(
            "/api/v1/participants",
            Some(office),
            subject("未成年对象", &minor_id),
        )
        .await;
    assert_eq!(minor.body["minor"], true);
    let (adult, minor) = (adult.id(), minor.id());
    // The running session has started; enrol in a second, upcoming one.
    let upcoming = upcoming_session(&w, &sid, 2).await;
    for p in [&adult, &minor] {
        assert_eq!(enroll(&w, &upcoming, p).await.status, 201);
        let a = w
            .app
            .post(
                "/api/v1/alerts",
                Some(w.token("ngo_staff")),
                json!({"participant_id": p, "kind": "behaviour_concern", "detail": "迟到"}),
            )
            .await;
        assert_eq!(a.status, 201, "{}", a.body);
        let today = w.app.state.clock.today(w.app.state.settings.tz());
        let r = w
            .app
            .post(
                "/api/v1/referrals",
                Some(office),
                json!({"participant_id": p, "need": "employment", "agency_id": w.agency,
                       "detail": "就业帮扶", "respond_by": (today + Duration::days(5)).to_string()}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    let volunteer_id = id_number("20110304", 13);
    let volunteer = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            json!({"kind": "volunteer", "name": "未成年志愿者", "id_number": volunteer_id}),
        )
        .await;
    assert_eq!(volunteer.status, 201, "{}", volunteer.body);
    let volunteer = volunteer.id();

    // The owner and the bureau see everything, birth date included.
    let own = w
        .app
        .get(&format!("/api/v1/participants/{adult}"), office)
        .await;
    assert_eq!(own.body["id_number"], adult_id.as_str());
    assert_eq!(own.body["birth_date"], "1979-08-17");
    let bureau = w
        .app
        .get(&format!("/api/v1/participants/{minor}"), w.token("officer"))
        .await;
    assert_eq!(bureau.body["name"], "未成年对象");

    let secrets = Secrets {
        ids: vec![adult_id.clone(), minor_id.clone(), volunteer_id.clone()],
        births: vec!["19790817".into(), "20120523".into(), "20110304".into()],
        minor_name: "未成年对象".into(),
    };
    let client = client_token(
        &w,
        "ngo_admin",
        json!(["participants:read", "sessions:read"]),
    )
    .await;
    let alerts = w.app.get("/api/v1/alerts", w.token("auditor")).await;
    let alert_ids: Vec<String> = alerts.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    let referrals = w.app.get("/api/v1/referrals", w.token("auditor")).await;
    let referral_ids: Vec<String> = referrals.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!((alert_ids.len(), referral_ids.len()), (2, 2));

    let mut people_paths = vec!["/api/v1/participants?limit=200".to_string()];
    for p in [&adult, &minor] {
        people_paths.push(format!("/api/v1/participants/{p}"));
        people_paths.push(format!("/api/v1/participants/{p}/hours"));
        people_paths.push(format!("/api/v1/participants/{p}/outcomes"));
    }
    let session_paths = vec![
        format!("/api/v1/sessions/{upcoming}/enrollments"),
        format!("/api/v1/sessions/{upcoming}/attendance"),
    ];
    let mut care_paths = vec![
        "/api/v1/alerts".to_string(),
        "/api/v1/referrals".to_string(),
    ];
    care_paths.extend(alert_ids.iter().map(|a| format!("/api/v1/alerts/{a}")));
    care_paths.extend(
        referral_ids
            .iter()
            .map(|r| format!("/api/v1/referrals/{r}")),
    );
    let month = w
        .app
        .state
        .clock
        .today(w.app.state.settings.tz())
        .format("%Y-%m");
    let supervision = vec![
        "/api/v1/audit-events?limit=200".to_string(),
        format!("/api/v1/participants/{volunteer}/certificate"),
        format!("/api/v1/stats/compliance?month={month}&format=csv"),
        format!("/api/v1/stats/overview?format=csv"),
    ];

    let mut checked = 0;
    let ngo = w.token("ngo_staff").to_string();
    let auditor = w.token("auditor").to_string();
    let agency = w.token("agency_staff").to_string();
    let cases: Vec<(&str, &str, Vec<String>)> = vec![
        (
            "ngo_staff",
            &ngo,
            [people_paths.clone(), session_paths.clone()].concat(),
        ),
        (
            "partner client",
            &client,
            [people_paths.clone(), session_paths.clone()].concat(),
        ),
        (
            "auditor",
            &auditor,
            [
                people_paths.clone(),
                session_paths,
                care_paths.clone(),
                supervision,
            ]
            .concat(),
        ),
        (
            "agency_staff",
            &agency,
            referral_ids
                .iter()
                .map(|r| format!("/api/v1/referrals/{r}"))
                .chain(["/api/v1/referrals".to_string()])
                .collect(),
        ),
    ];
    for (who, token, paths) in cases {
        for path in paths {
            let r = w.app.get(&path, token).await;
            if secrets.assert_absent(who, &path, &r) {
                checked += 1;
            }
        }
    }
    assert!(checked > 35, "walked {checked} responses with data");

    // The masked view carries an age instead of the birth date; minors are codes.
    let seen = w
        .app
        .get(&format!("/api/v1/participants/{adult}"), &ngo)
        .await;
    assert_eq!(
        seen.body["id_number_masked"],
        format!("142327********{}", &adult_id[14..])
    );
    assert!(seen.body["birth_date"].is_null());
    assert!(seen.body["age"].as_i64().is_some_and(|a| a >= 47));
    for token in [&ngo, &client, &auditor] {
        let m = w
            .app
            .get(&format!("/api/v1/participants/{minor}"), token)
            .await;
        assert!(
            m.body["name"].is_null() && m.body["id_number_masked"].is_null(),
            "{}",
            m.body
        );
        assert!(m.body["code"].as_str().unwrap().starts_with("HG-"));
    }
    let cert = w
        .app
        .get(
            &format!("/api/v1/participants/{volunteer}/certificate"),
            &auditor,
        )
        .await;
    assert!(
        cert.body["participant_name"]
            .as_str()
            .unwrap()
            .starts_with("HG-")
    );
}

#[tokio::test]
async fn ngos_cannot_rewrite_persons_under_correction_but_edit_their_volunteers() {
    let w = World::new().await;
    let (_, people, _) = running_session(&w, false, 1).await;
    let path = format!("/api/v1/participants/{}", people[0]);
    let before = w.app.get(&path, w.token("office_staff")).await;
    for key in ["ngo_staff", "ngo_admin"] {
        let r = w
            .app
            .patch(
                &path,
                w.token(key),
                json!({"supervision_level": "lenient", "correction_end": "2026-12-31", "name": "改名"}),
                None,
            )
            .await;
        assert_eq!(r.status, 403, "{key}: {}", r.body);
        assert_eq!(r.problem_code(), "forbidden");
    }
    let after = w.app.get(&path, w.token("office_staff")).await;
    assert_eq!(after.body, before.body, "nothing changed");
    // Another NGO does not even see the person.
    let other = w
        .app
        .patch(&path, w.token("ngo_b_admin"), json!({"name": "x"}), None)
        .await;
    assert_eq!(other.status, 404);
    let v = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("ngo_staff")),
            json!({"kind": "volunteer", "name": "志愿者甲"}),
        )
        .await;
    let vp = format!("/api/v1/participants/{}", v.id());
    let ok = w
        .app
        .patch(&vp, w.token("ngo_staff"), json!({"name": "志愿者乙"}), None)
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.body["name"], "志愿者乙");
    let office = w
        .app
        .patch(&vp, w.token("office_staff"), json!({"name": "x"}), None)
        .await;
    assert_eq!(office.status, 404, "an office does not see volunteers");
}

#[tokio::test]
async fn only_the_persons_owner_removes_an_enrolment() {
    let w = World::new().await;
    let (sid, _, _) = running_session(&w, false, 0).await;
    let upcoming = upcoming_session(&w, &sid, 1).await;
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            subject("对象甲", &id_number("19800101", 21)),
        )
        .await
        .id();
    assert_eq!(enroll(&w, &upcoming, &p).await.status, 201);
    let path = format!("/api/v1/sessions/{upcoming}/enrollments/{p}");
    let r = w.app.delete(&path, w.token("ngo_staff")).await;
    assert_eq!(r.status, 403, "{}", r.body);
    let list = w
        .app
        .get(
            &format!("/api/v1/sessions/{upcoming}/enrollments"),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(
        list.body["items"].as_array().unwrap().len(),
        1,
        "still enrolled"
    );
    assert_eq!(
        w.app.delete(&path, w.token("office_staff")).await.status,
        204
    );
}

#[tokio::test]
async fn registering_a_volunteer_reveals_nothing_about_other_tenants() {
    let w = World::new().await;
    let id = id_number("19750505", 31);
    let register = |key: &'static str, body: Value| {
        let w = &w;
        async move {
            w.app
                .post("/api/v1/participants", Some(w.token(key)), body)
                .await
                .status
        }
    };
    assert_eq!(register("office_staff", subject("对象乙", &id)).await, 201);
    let volunteer = json!({"kind": "volunteer", "name": "志愿者", "id_number": id});
    assert_eq!(
        register("ngo_staff", volunteer.clone()).await,
        201,
        "the same answer whether or not the number is under correction"
    );
    assert_eq!(
        register("ngo_staff", volunteer.clone()).await,
        409,
        "a duplicate within the NGO's own volunteers"
    );
    assert_eq!(
        register("ngo_b_admin", volunteer).await,
        201,
        "another NGO's volunteers are not consulted"
    );
    // The office's own register still refuses a second active registration.
    assert_eq!(register("office_staff", subject("对象乙", &id)).await, 409);
}

#[tokio::test]
async fn an_ngos_month_view_sums_only_what_it_sees() {
    let w = World::new().await;
    let (_, people, _) = running_session(&w, false, 1).await;
    let p = &people[0];
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let e = w
        .app
        .post(
            &format!("/api/v1/participants/{p}/hours"),
            Some(w.token("office_staff")),
            json!({"category": "education", "hours": 3.0, "date": today.to_string(), "description": "司法所集中教育"}),
        )
        .await;
    assert_eq!(e.status, 201, "{}", e.body);
    let ok = w
        .app
        .post(
            &format!("/api/v1/hours/{}/approve", e.id()),
            Some(w.token("office_staff")),
            json!({}),
        )
        .await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    let path = format!("/api/v1/participants/{p}/hours");
    let office = w.app.get(&path, w.token("office_staff")).await;
    assert_eq!(office.body["earned"]["education"], 3.0);
    assert!(office.body["status"].is_string());
    let client = client_token(&w, "ngo_admin", json!(["participants:read"])).await;
    for token in [w.token("ngo_staff"), client.as_str()] {
        let ngo = w.app.get(&path, token).await;
        assert_eq!(ngo.status, 200);
        assert_eq!(ngo.body["earned"]["education"], 0.0, "{}", ngo.body);
        assert_eq!(ngo.body["balance"], 0.0);
        assert!(ngo.body.get("status").is_none(), "{}", ngo.body);
        assert!(ngo.body["entries"].as_array().unwrap().is_empty());
    }
}

#[tokio::test]
async fn another_ngos_client_event_ids_are_rejected_not_reported() {
    let w = World::new().await;
    let (sid, people, start) = running_session(&w, false, 1).await;
    let cid = uuid::Uuid::now_v7().to_string();
    let event = json!({"client_event_id": cid, "session_id": sid, "participant_id": people[0],
                       "kind": "check_in", "at": (start + Duration::minutes(1)).to_rfc3339(), "source": "staff"});
    let own = w
        .app
        .post(
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            json!({"events": [event]}),
        )
        .await;
    assert_eq!(own.body["results"][0]["status"], "created", "{}", own.body);
    let mut different = event.clone();
    different["kind"] = json!("check_out");
    for e in [event, different] {
        let r = w
            .app
            .post(
                "/api/v1/attendance/sync",
                Some(w.token("ngo_b_admin")),
                json!({"events": [e]}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["results"][0]["status"], "rejected", "{}", r.body);
    }
    // The owner still gets its own answers.
    let replay = w
        .app
        .post(
            "/api/v1/attendance/sync",
            Some(w.token("ngo_staff")),
            json!({"events": [{"client_event_id": cid, "session_id": sid, "participant_id": people[0],
                   "kind": "check_in", "at": (start + Duration::minutes(1)).to_rfc3339(), "source": "staff"}]}),
        )
        .await;
    assert_eq!(replay.body["results"][0]["status"], "duplicate");
}

#[tokio::test]
async fn csv_cells_that_would_run_as_formulas_are_neutralised() {
    let w = World::new().await;
    let r = w
        .app
        .post(
            "/api/v1/organizations",
            Some(w.token("admin")),
            json!({"kind": "judicial_office", "name": "=HYPERLINK(\"http://x\",\"y\")", "uscc": crate::helpers::uscc(90), "township": "-1+1"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    let month = w
        .app
        .state
        .clock
        .today(w.app.state.settings.tz())
        .format("%Y-%m");
    let csv = w
        .app
        .get(
            &format!("/api/v1/stats/compliance?month={month}&format=csv"),
            w.token("officer"),
        )
        .await;
    assert_eq!(csv.status, 200);
    let t = text(&csv);
    assert!(t.contains("\"'=HYPERLINK("), "{t}");
    for line in t.lines() {
        for cell in line.split(',') {
            let c = cell.trim_start_matches(['\u{feff}', '"']);
            assert!(!c.starts_with(['=', '+', '@']), "formula cell {cell}");
        }
    }
}

#[tokio::test]
async fn rosters_decode_cleanly_or_are_refused_and_charsets_are_accepted() {
    let w = World::new().await;
    let token = w.token("office_staff");
    let header = "姓名,身份证号,矫正类别,管理类别,矫正起始日,矫正终止日\n";
    let row = |name: &str, serial: u32| {
        format!(
            "{name},{},缓刑,普管,2026-01-01,2027-01-01\n",
            id_number("19800101", serial)
        )
    };
    // UTF-8 with one broken byte: refused with its line, nothing stored.
    let mut bytes = format!("{header}{}", row("张三", 41)).into_bytes();
    bytes.extend(b"\xE6\x9D\x8E\xFF\xE5\x9B\x9B,");
    bytes.extend(
        format!(
            "{},缓刑,普管,2026-01-01,2027-01-01\n",
            id_number("19800101", 42)
        )
        .into_bytes(),
    );
    let before = w.app.count("participants").await;
    let r = w
        .app
        .post_raw("/api/v1/participants/import", token, "text/csv", bytes)
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(
        r.body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("line 3"),
        "{}",
        r.body
    );
    assert_eq!(w.app.count("participants").await, before);

    let gb_text = format!("{header}{}", row("李四", 43));
    let gb = encoding_rs::GB18030.encode(&gb_text).0.into_owned();
    for ct in ["text/csv; charset=gb18030", "text/csv;charset=GB18030"] {
        let r = w
            .app
            .post_raw(
                "/api/v1/participants/import?dry_run=true",
                token,
                ct,
                gb.to_vec(),
            )
            .await;
        assert_eq!(r.status, 200, "{ct}: {}", r.body);
        assert_eq!(r.body["created"], 1);
    }
    let r = w
        .app
        .post_raw(
            "/api/v1/participants/import",
            token,
            "text/csv; charset=utf-8",
            format!("{header}{}", row("王五", 44)).into_bytes(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let listed = w.app.get("/api/v1/participants?limit=200", token).await;
    assert!(text(&listed).contains("王五") && !text(&listed).contains('\u{FFFD}'));
    let declared_wrong = w
        .app
        .post_raw(
            "/api/v1/participants/import",
            token,
            "text/csv; charset=utf-8",
            gb.to_vec(),
        )
        .await;
    assert_eq!(
        declared_wrong.status, 422,
        "GB18030 bytes declared as UTF-8"
    );
    let latin = w
        .app
        .post_raw(
            "/api/v1/participants/import",
            token,
            "text/csv; charset=latin1",
            gb.to_vec(),
        )
        .await;
    assert_eq!(latin.status, 415);
}

#[tokio::test]
async fn skills_follow_the_same_rules_on_create_update_and_import() {
    let w = World::new().await;
    let office = w.token("office_staff");
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(office),
            subject("对象丙", &id_number("19800101", 51)),
        )
        .await;
    let path = format!("/api/v1/participants/{}", p.id());
    let many: Vec<String> = (0..51).map(|i| format!("技能{i}")).collect();
    let r = w
        .app
        .patch(&path, office, json!({"skills": many}), None)
        .await;
    assert!(matches!(r.status, 400 | 422), "{}", r.body);
    let r = w
        .app
        .patch(&path, office, json!({"skills": ["电工\u{0007}"]}), None)
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let r = w
        .app
        .patch(&path, office, json!({"skills": ["x".repeat(51)]}), None)
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
    let after = w.app.get(&path, office).await;
    assert_eq!(after.body["skills"], json!([]), "nothing stored");
    let ok = w
        .app
        .patch(&path, office, json!({"skills": [" 电工 ", ""]}), None)
        .await;
    assert_eq!(ok.body["skills"], json!(["电工"]));
    let csv = format!(
        "姓名,身份证号,矫正类别,管理类别,矫正起始日,矫正终止日,特长\n对象丁,{},缓刑,普管,2026-01-01,2027-01-01,\"电工\u{0001}、木工\"\n",
        id_number("19800101", 52)
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
    assert_eq!(r.body["results"][0]["status"], "rejected", "{}", r.body);
    assert_eq!(r.body["results"][0]["errors"][0]["field"], "skills");
}
