//! Roster import: encodings, Chinese headers, per-row results, updates, dry runs.

use huigui::domain::id_number::IdNumber;
use serde_json::Value;

use crate::{helpers::World, sessions::person};

fn id(birth: &str, serial: u32) -> String {
    IdNumber::complete(&format!("142327{birth}{serial:03}"))
        .unwrap()
        .as_str()
        .to_string()
}

const IMPORT: &str = "/api/v1/participants/import";

fn gb18030(s: &str) -> Vec<u8> {
    encoding_rs::GB18030.encode(s).0.into_owned()
}

fn rows(body: &Value) -> &Vec<Value> {
    body["results"].as_array().unwrap()
}

#[tokio::test]
async fn a_gb18030_roster_with_one_bad_row_creates_the_others() {
    let w = World::new().await;
    let bad = {
        let good = id("19850505", 12);
        let last = if good.ends_with('0') { '1' } else { '0' };
        format!("{}{last}", &good[..17])
    };
    let csv = format!(
        "姓名,身份证号,联系电话,矫正类别,管理类别,矫正起始日,矫正终止日,特长\r\n\
         王建国,{},13800000001,缓刑,普管,2026-01-01,2027-06-30,电工、焊接\r\n\
         李秀英,{bad},,假释,严管,2026-02-01,2027-01-31,\r\n\
         赵铁柱,{},,暂予监外执行,宽管,2026/3/1,20270301,种植;养殖\r\n",
        id("19800101", 11),
        id("19900202", 21)
    );
    let bytes = gb18030(&csv);
    assert!(std::str::from_utf8(&bytes).is_err(), "really GB18030");
    let r = w
        .app
        .post_raw(IMPORT, w.token("office_staff"), "text/csv", bytes)
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let res = rows(&r.body);
    assert_eq!(res.len(), 3);
    assert_eq!(
        (res[0]["row"].as_i64(), res[0]["status"].as_str()),
        (Some(2), Some("created"))
    );
    assert_eq!(res[1]["status"], "rejected");
    assert_eq!(res[1]["row"], 3);
    assert_eq!(res[1]["errors"][0]["field"], "id_number", "{}", r.body);
    assert!(res[1].get("participant_id").is_none());
    assert_eq!(res[2]["status"], "created");
    assert_eq!(
        (r.body["created"].as_i64(), r.body["rejected"].as_i64()),
        (Some(2), Some(1))
    );
    let p = w
        .app
        .get(
            &format!(
                "/api/v1/participants/{}",
                res[0]["participant_id"].as_str().unwrap()
            ),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(p.body["name"], "王建国");
    assert_eq!(p.body["correction_type"], "probation");
    assert_eq!(p.body["skills"], serde_json::json!(["电工", "焊接"]));
    let q = w
        .app
        .get(
            &format!(
                "/api/v1/participants/{}",
                res[2]["participant_id"].as_str().unwrap()
            ),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(
        (
            q.body["correction_start"].as_str(),
            q.body["correction_end"].as_str()
        ),
        (Some("2026-03-01"), Some("2027-03-01"))
    );
    assert_eq!(q.body["supervision_level"], "lenient");
    let audit = w
        .app
        .get(
            "/api/v1/audit-events?action=participant.import",
            w.token("auditor"),
        )
        .await;
    assert!(
        audit.body.to_string().contains("participant.import"),
        "{}",
        audit.body
    );
}

#[tokio::test]
async fn utf8_with_bom_english_headers_updates_dry_runs_and_file_errors() {
    let w = World::new().await;
    let existing = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19800101", 41),
        )
        .await;
    assert_eq!(existing.status, 201);
    let header =
        "name,id_number,phone,correction_type,supervision_level,correction_start,correction_end\n";
    let body = format!(
        "\u{feff}{header}对象41,{},13900000000,probation,strict,2026-01-01,2028-01-01\n新人,{},,control,ordinary,2026-05-01,2026-11-30\n重复,{},,control,ordinary,2026-05-01,2026-11-30\n未成年,{},,probation,ordinary,2026-05-01,2027-11-30\n",
        id("19800101", 41),
        id("19750101", 51),
        id("19750101", 51),
        id("20150101", 61),
    );
    let before = w.app.count("participants").await;
    let dry = w
        .app
        .post_raw(
            &format!("{IMPORT}?dry_run=true"),
            w.token("office_staff"),
            "text/csv",
            body.clone().into_bytes(),
        )
        .await;
    assert_eq!(dry.status, 200, "{}", dry.body);
    assert_eq!(dry.body["dry_run"], true);
    let statuses: Vec<&str> = rows(&dry.body)
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["updated", "created", "rejected", "created"]);
    assert_eq!(
        w.app.count("participants").await,
        before,
        "a dry run writes nothing"
    );
    let real = w
        .app
        .post_raw(
            IMPORT,
            w.token("office_staff"),
            "text/csv",
            body.into_bytes(),
        )
        .await;
    let statuses: Vec<&str> = rows(&real.body)
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["updated", "created", "rejected", "created"]);
    assert_eq!(w.app.count("participants").await, before + 2);
    let updated = w
        .app
        .get(
            &format!("/api/v1/participants/{}", existing.id()),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(
        (
            updated.body["supervision_level"].as_str(),
            updated.body["correction_end"].as_str(),
            updated.body["phone"].as_str()
        ),
        (Some("strict"), Some("2028-01-01"), Some("13900000000"))
    );
    assert_eq!(
        rows(&real.body)[0]["participant_id"],
        existing.id().as_str()
    );
    let minor = w
        .app
        .get(
            &format!(
                "/api/v1/participants/{}",
                rows(&real.body)[3]["participant_id"].as_str().unwrap()
            ),
            w.token("office_staff"),
        )
        .await;
    assert_eq!(minor.body["minor"], true);

    // File-level problems are a 422 and write nothing; only office staff import.
    for bad in [
        "姓名,身份证号\n张三,1\n",
        "name,id_number,colour,correction_type,supervision_level,correction_start,correction_end\n",
        "name,id_number,correction_type,supervision_level,correction_start,correction_end\n",
    ] {
        let r = w
            .app
            .post_raw(
                IMPORT,
                w.token("office_staff"),
                "text/csv",
                bad.as_bytes().to_vec(),
            )
            .await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
    }
    assert_eq!(
        w.app
            .post_raw(IMPORT, w.token("ngo_admin"), "text/csv", b"name\n".to_vec())
            .await
            .status,
        403
    );
    assert_eq!(
        w.app
            .post_raw(IMPORT, w.token("admin"), "text/csv", b"name\n".to_vec())
            .await
            .status,
        403
    );
    assert_eq!(w.app.count("participants").await, before + 2);
}

#[tokio::test]
async fn five_thousand_rows_import_in_one_request() {
    let w = World::new().await;
    let mut csv = String::from("姓名,身份证号,矫正类别,管理类别,矫正起始日,矫正终止日\n");
    for i in 0..5000u32 {
        let birth = format!("19{:02}0{}{:02}", 60 + i % 40, 1 + i % 9, 1 + i % 28);
        csv.push_str(&format!(
            "对象{i},{},缓刑,普管,2026-01-01,2027-01-01\n",
            id(&birth, i % 1000)
        ));
    }
    let started = std::time::Instant::now();
    let r = w
        .app
        .post_raw(
            IMPORT,
            w.token("office_staff"),
            "text/csv",
            csv.clone().into_bytes(),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.body["created"].as_i64().unwrap() + r.body["rejected"].as_i64().unwrap(),
        5000
    );
    assert_eq!(
        r.body["rejected"],
        0,
        "{}",
        r.body["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["status"] == "rejected")
            .cloned()
            .unwrap_or_default()
    );
    eprintln!("5,000-row import: {:?}", started.elapsed());
    csv.push_str(&format!(
        "多一行,{},缓刑,普管,2026-01-01,2027-01-01\n",
        id("19990909", 999)
    ));
    let too_many = w
        .app
        .post_raw(
            IMPORT,
            w.token("office_staff"),
            "text/csv",
            csv.into_bytes(),
        )
        .await;
    assert_eq!(too_many.status, 422);
}
