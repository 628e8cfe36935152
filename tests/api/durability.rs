//! Issue 21: no acknowledged check-in is lost when the server is killed
//! (SIGKILL) in the middle of a check-in load — the real binary, its demo
//! data, concurrent clients, a restart, and every 201 looked up.

use std::{process::Stdio, time::Duration};

use serde_json::{Value, json};

const PASSWORD: &str = "huigui-demo-2026";

fn huigui(dir: &std::path::Path, url: &str, port: u16) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_huigui"));
    c.current_dir(dir)
        .env("HUIGUI_DATA_DIR", dir.join("data"))
        .env("DATABASE_URL", url)
        .env("HUIGUI_BIND", format!("127.0.0.1:{port}"))
        .env("HUIGUI_LOG", "warn")
        .env("HUIGUI_BOOTSTRAP_ADMIN_EMAIL", "admin@crash.huigui.cn")
        .env(
            "HUIGUI_BOOTSTRAP_ADMIN_PASSWORD",
            "crash-admin-password-2026",
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

async fn serve(dir: &std::path::Path, url: &str, port: u16) -> std::process::Child {
    let mut child = huigui(dir, url, port).arg("serve").spawn().expect("serve");
    let http = reqwest::Client::new();
    for _ in 0..200 {
        if http
            .get(format!("http://127.0.0.1:{port}/ready"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    child.kill().ok();
    child.wait().ok();
    panic!("the server did not become ready");
}

async fn token(base: &str, email: &str) -> String {
    let r: Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    r["access_token"].as_str().expect("token").to_string()
}

async fn get(base: &str, token: &str, path: &str) -> Value {
    reqwest::Client::new()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_acknowledged_check_in_is_lost_when_the_server_is_killed_under_load() {
    let dir = tempfile::tempdir().unwrap();
    let url = crate::helpers::database_url(dir.path()).await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let demo = huigui(dir.path(), &url, port).arg("demo").status().unwrap();
    assert!(demo.success());
    let mut server = serve(dir.path(), &url, port).await;
    let staff = token(&base, "ngo-staff@demo.huigui.cn").await;
    // The demo's session under way and its enrolled people.
    let now = chrono::Utc::now();
    let sessions = get(&base, &staff, "/api/v1/sessions?status=scheduled&limit=200").await;
    let live = sessions["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            let at = |k: &str| {
                s[k].as_str()
                    .unwrap()
                    .parse::<chrono::DateTime<chrono::Utc>>()
                    .unwrap()
            };
            at("starts_at") <= now && now <= at("ends_at")
        })
        .expect("a session under way")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let enrolled = get(
        &base,
        &staff,
        &format!("/api/v1/sessions/{live}/enrollments?limit=200"),
    )
    .await;
    let people: Vec<String> = enrolled["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["participant_id"].as_str().unwrap().to_string())
        .collect();
    assert!(!people.is_empty());

    // Sixteen clients check people in until the server dies; each keeps the ids of its 201s.
    let path = format!("{base}/api/v1/sessions/{live}/attendance");
    let clients: Vec<_> = (0..16)
        .map(|c| {
            let (path, staff, people) = (path.clone(), staff.clone(), people.clone());
            tokio::spawn(async move {
                let http = reqwest::Client::new();
                let mut acknowledged = Vec::new();
                for i in 0.. {
                    let body = json!({"client_event_id": uuid::Uuid::now_v7(), "participant_id": people[(c + i) % people.len()],
                        "kind": "check_in", "at": chrono::Utc::now().to_rfc3339(), "source": "staff"});
                    match http.post(&path).bearer_auth(&staff).json(&body).send().await {
                        Ok(r) if r.status() == 201 => {
                            if r.json::<Value>().await.is_err() {
                                break; // cut off mid-answer: not acknowledged
                            }
                            acknowledged.push(body);
                        }
                        Ok(r) => panic!("unexpected {}", r.status()),
                        Err(_) => break, // the server is gone
                    }
                }
                acknowledged
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    server.kill().expect("SIGKILL"); // std's kill is SIGKILL on Unix
    server.wait().unwrap();
    let mut acknowledged = Vec::new();
    for c in clients {
        acknowledged.extend(c.await.unwrap());
    }
    assert!(
        acknowledged.len() > 50,
        "the load ran: {}",
        acknowledged.len()
    );

    // After a restart every acknowledged check-in is there: replayed as an
    // offline batch, each is a `duplicate` (stored, same event), none is
    // `created` (it would have been lost); the audit chain holds.
    let mut server = serve(dir.path(), &url, port).await;
    let staff = token(&base, "ngo-staff@demo.huigui.cn").await;
    for chunk in acknowledged.chunks(5000) {
        let events: Vec<Value> = chunk
            .iter()
            .map(|b| {
                let mut e = b.clone();
                e["session_id"] = json!(live);
                e
            })
            .collect();
        let r: Value = reqwest::Client::new()
            .post(format!("{base}/api/v1/attendance/sync"))
            .bearer_auth(&staff)
            .json(&json!({"events": events}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let results = r["results"].as_array().expect("sync results");
        let lost = results
            .iter()
            .filter(|x| x["status"] != "duplicate")
            .count();
        assert_eq!(
            lost,
            0,
            "{lost} of {} acknowledged check-ins lost",
            results.len()
        );
    }
    let auditor = token(&base, "auditor@demo.huigui.cn").await;
    let verified = get(&base, &auditor, "/api/v1/audit-events/verify").await;
    assert_eq!(verified["ok"], true, "{verified}");
    server.kill().ok();
    server.wait().ok();
}
