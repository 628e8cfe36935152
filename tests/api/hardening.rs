//! Security hardening, the server's posture (issue 15): the replay store,
//! the login throttle under concurrency, signed audit checkpoints, connection
//! timeouts, file modes, and where a browser lands.

use std::time::Duration as StdDuration;

use huigui::domain::{
    audit_chain::{ChainContent, chain_hash},
    id_number::IdNumber,
};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{PASSWORD, World, test_settings};

async fn stored_bodies(w: &World) -> Vec<String> {
    let rows = w
        .app
        .state
        .db
        .read
        .query_all_raw(Statement::from_string(
            w.app.state.db.backend(),
            "SELECT body, request_hash FROM idempotency_keys",
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| {
            let body: Option<String> = r.try_get("", "body").unwrap();
            let hash: String = r.try_get("", "request_hash").unwrap();
            format!("{}|{hash}", body.unwrap_or_default())
        })
        .collect()
}

#[tokio::test]
async fn the_replay_store_keeps_no_id_numbers_or_secrets_in_plaintext() {
    let w = World::new().await;
    let id = IdNumber::complete("14232719800101061").unwrap();
    let body = json!({"kind": "correction_subject", "name": "重放对象", "id_number": id.as_str(),
        "correction_type": "probation", "supervision_level": "ordinary",
        "correction_start": "2026-01-01", "correction_end": "2027-01-01"});
    let headers = [("idempotency-key", "k-person")];
    let send = |token: &'static str, path: &'static str, b: serde_json::Value| {
        let w = &w;
        async move {
            w.app
                .send(
                    poem::http::Method::POST,
                    path,
                    Some(w.token(token)),
                    Some(b.to_string().into_bytes()),
                    &headers,
                )
                .await
        }
    };
    let first = send("office_staff", "/api/v1/participants", body.clone()).await;
    assert_eq!(first.status, 201);
    assert_eq!(first.body["id_number"], id.as_str());
    let client = send(
        "ngo_admin",
        "/api/v1/api-clients",
        json!({"name": "kiosk", "scopes": ["sessions:read"]}),
    )
    .await;
    assert_eq!(client.status, 201);
    let secret = client.body["client_secret"].as_str().unwrap().to_string();
    let stored = stored_bodies(&w).await.join("\n");
    assert!(!stored.is_empty());
    for plain in [id.as_str(), secret.as_str(), "重放对象"] {
        assert!(!stored.contains(plain), "the replay store holds {plain}");
    }
    // Replays still answer exactly as the first time.
    let again = send("office_staff", "/api/v1/participants", body).await;
    assert_eq!(again.status, 201);
    assert_eq!(again.header("idempotent-replayed"), Some("true"));
    assert_eq!(again.body, first.body);
    let again = send(
        "ngo_admin",
        "/api/v1/api-clients",
        json!({"name": "kiosk", "scopes": ["sessions:read"]}),
    )
    .await;
    assert_eq!(again.body["client_secret"], secret.as_str());
}

#[tokio::test]
async fn concurrent_guesses_cannot_pass_the_login_throttle() {
    let w = World::new().await;
    let email = "ngo_staff@test.huigui.cn";
    let attempts = (0..40).map(|i| {
        let pw = if i == 39 {
            PASSWORD
        } else {
            "wrong-password-123"
        };
        w.app.login(email, pw)
    });
    let results = futures::future::join_all(attempts).await;
    let evaluated = results.iter().filter(|r| r.status != 429).count();
    assert!(
        evaluated <= 5,
        "{evaluated} of 40 concurrent attempts were evaluated"
    );
    assert!(results.iter().any(|r| r.status == 429));
    let r = results.iter().find(|r| r.status == 429).unwrap();
    assert!(r.header("retry-after").is_some());

    // Partner-app credentials: the same.
    let c = w
        .app
        .post(
            "/api/v1/api-clients",
            Some(w.token("ngo_admin")),
            json!({"name": "app", "scopes": ["sessions:read"]}),
        )
        .await;
    let client_id = c.body["client_id"].as_str().unwrap().to_string();
    let guesses = (0..20).map(|_| {
        w.app.post(
            "/api/v1/auth/client-token",
            None,
            json!({"client_id": client_id, "client_secret": "not-the-secret-at-all"}),
        )
    });
    let results = futures::future::join_all(guesses).await;
    assert!(results.iter().filter(|r| r.status != 429).count() <= 5);
}

#[tokio::test]
async fn wrong_current_passwords_count_against_the_account_throttle() {
    let w = World::new().await;
    let me = &w.users["ngo_staff"];
    let path = format!("/api/v1/users/{me}/password");
    let guess = |pw: &str| {
        w.app.post(
            &path,
            Some(w.token("ngo_staff")),
            json!({"current_password": pw, "new_password": "a-brand-new-password"}),
        )
    };
    for _ in 0..5 {
        assert_eq!(guess("wrong-guess-0000").await.status, 422);
    }
    let blocked = guess("wrong-guess-0000").await;
    assert_eq!(blocked.status, 429, "{}", blocked.body);
    assert!(blocked.header("retry-after").is_some());
    assert_eq!(
        guess(PASSWORD).await.status,
        429,
        "even the right one, until the window passes"
    );
    // The same account's logins are throttled too.
    assert_eq!(
        w.app
            .login("ngo_staff@test.huigui.cn", PASSWORD)
            .await
            .status,
        429
    );
}

async fn exec(w: &World, sql: &str) {
    w.app.state.db.write.execute_unprepared(sql).await.unwrap();
}

async fn take_checkpoint(w: &World) -> serde_json::Value {
    let r = w
        .app
        .post(
            "/api/v1/audit-events/checkpoints",
            Some(w.token("auditor")),
            json!({}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body
}

async fn verify(w: &World, token: Option<&str>) -> serde_json::Value {
    let path = match token {
        Some(t) => format!("/api/v1/audit-events/verify?checkpoint={t}"),
        None => "/api/v1/audit-events/verify".into(),
    };
    let r = w.app.get(&path, w.token("auditor")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
}

#[tokio::test]
async fn a_kept_checkpoint_reveals_deleted_newest_events() {
    let w = World::new().await;
    let cp = take_checkpoint(&w).await;
    let token = cp["token"].as_str().unwrap().to_string();
    let seq = cp["seq"].as_i64().unwrap();
    assert_eq!(
        seq,
        w.app.count("audit_events").await,
        "signs the head, its own event included"
    );
    let mailed = w
        .app
        .state
        .db
        .read
        .query_one_raw(Statement::from_string(
            w.app.state.db.backend(),
            "SELECT recipient, body_text FROM outbox WHERE kind = 'audit_checkpoint'",
        ))
        .await
        .unwrap()
        .expect("mailed to the procuratorate");
    let body: String = mailed.try_get("", "body_text").unwrap();
    assert!(body.contains(&token));
    let to: String = mailed.try_get("", "recipient").unwrap();
    assert_eq!(to, "auditor@test.huigui.cn");
    let listed = w
        .app
        .get("/api/v1/audit-events/checkpoints", w.token("admin"))
        .await;
    assert_eq!(listed.body["items"][0]["token"], token.as_str());
    assert_eq!(
        w.app
            .get("/api/v1/audit-events/checkpoints", w.token("officer"))
            .await
            .status,
        403
    );

    // More writes, then the newest events since (and including) the checkpoint's are deleted.
    w.app
        .post(
            "/api/v1/organizations",
            Some(w.token("admin")),
            json!({"kind": "ngo", "name": "new", "uscc": crate::helpers::uscc(77)}),
        )
        .await;
    let v = verify(&w, Some(&token)).await;
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(v["checkpoint"]["result"], "matches");
    exec(
        &w,
        &format!("DELETE FROM audit_events WHERE seq >= {}", seq - 1),
    )
    .await;
    let v = verify(&w, Some(&token)).await;
    assert!(
        v["first_bad_id"].is_null(),
        "the remaining chain is consistent: {v}"
    );
    assert_eq!(v["ok"], false);
    assert_eq!(v["checkpoint"]["result"], "truncated");
    assert_eq!(v["checkpoint"]["seq"], seq);
    // Without a kept copy the newest stored checkpoint still tells...
    assert_eq!(verify(&w, None).await["checkpoint"]["result"], "truncated");
    // ...unless the checkpoints are deleted too: then only the kept copy does.
    exec(&w, "DELETE FROM audit_checkpoints").await;
    assert_eq!(verify(&w, None).await["ok"], true);
    assert_eq!(verify(&w, Some(&token)).await["ok"], false);
    // A forged or altered checkpoint is refused.
    let forged = token.replacen(&format!(".{seq}."), &format!(".{}.", seq - 3), 1);
    let r = w
        .app
        .get(
            &format!("/api/v1/audit-events/verify?checkpoint={forged}"),
            w.token("auditor"),
        )
        .await;
    assert_eq!(r.status, 422, "{}", r.body);
}

#[tokio::test]
async fn a_kept_checkpoint_reveals_history_rewritten_with_the_chain_recomputed() {
    let w = World::new().await;
    let cp = take_checkpoint(&w).await;
    let token = cp["token"].as_str().unwrap().to_string();
    // Rewrite event 5 and recompute every later hash, as an attacker with the database would.
    let rows = w
        .app
        .get("/api/v1/audit-events?limit=200", w.token("auditor"))
        .await
        .body["items"]
        .as_array()
        .unwrap()
        .clone();
    let mut prev = rows[3]["hash"].as_str().unwrap().to_string();
    for (i, r) in rows.iter().enumerate().skip(4) {
        let summary = if i == 4 {
            "{\"rewritten\":true}".to_string()
        } else {
            r["summary"].to_string()
        };
        let s = |k: &str| r[k].as_str().map(str::to_string);
        let (id, at, actor_type, action, object_type, request_id) = (
            s("id").unwrap(),
            s("at").unwrap(),
            s("actor_type").unwrap(),
            s("action").unwrap(),
            s("object_type").unwrap(),
            s("request_id").unwrap(),
        );
        let (actor_id, org_id, object_id) = (s("actor_id"), s("organization_id"), s("object_id"));
        let hash = chain_hash(
            &prev,
            &ChainContent {
                seq: r["seq"].as_i64().unwrap(),
                id: &id,
                at: &at,
                actor_type: &actor_type,
                actor_id: actor_id.as_deref(),
                organization_id: org_id.as_deref(),
                action: &action,
                object_type: &object_type,
                object_id: object_id.as_deref(),
                request_id: &request_id,
                summary: &summary,
            },
        );
        exec(
            &w,
            &format!(
                "UPDATE audit_events SET summary = '{}', prev_hash = '{prev}', hash = '{hash}' WHERE seq = {}",
                summary.replace('\'', "''"),
                r["seq"]
            ),
        )
        .await;
        prev = hash;
    }
    let v = verify(&w, Some(&token)).await;
    assert!(
        v["first_bad_id"].is_null(),
        "the recomputed chain verifies on its own: {v}"
    );
    assert_eq!(v["ok"], false);
    assert_eq!(v["checkpoint"]["result"], "rewritten");
}

#[tokio::test]
async fn checkpoints_are_taken_at_least_daily_by_the_scheduler() {
    let w = World::new().await;
    let state = &w.app.state;
    let run = || huigui::jobs::run(state, "audit_checkpoint");
    assert_eq!(run().await.unwrap(), Some(1), "none yet: one now");
    assert_eq!(
        run().await.unwrap(),
        Some(0),
        "not again within the interval"
    );
    state.clock.advance(chrono::Duration::hours(24));
    assert_eq!(run().await.unwrap(), Some(1));
    let listed = w
        .app
        .get("/api/v1/audit-events/checkpoints", w.token("auditor"))
        .await;
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 2);
    assert_eq!(verify(&w, None).await["checkpoint"]["result"], "matches");
}

/// A real server on a loopback port with short connection limits.
async fn serve_with_timeouts() -> (std::net::SocketAddr, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = test_settings(dir.path()).await;
    settings.bind = "127.0.0.1:0".into();
    settings.header_read_timeout_secs = 1;
    settings.idle_timeout_secs = 2;
    let app = huigui::startup::Application::build(settings).await.unwrap();
    let addr = app.local_addr().unwrap();
    tokio::spawn(app.run());
    (addr, dir)
}

/// Reads until the server closes the connection; `Err` after `limit`.
async fn closed_within(s: &mut tokio::net::TcpStream, limit: StdDuration) -> Result<Vec<u8>, ()> {
    let mut got = Vec::new();
    tokio::time::timeout(limit, async {
        let mut buf = [0u8; 4096];
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .map_err(|_| ())?;
    Ok(got)
}

#[tokio::test]
async fn stalled_and_idle_connections_are_closed() {
    let (addr, _dir) = serve_with_timeouts().await;
    // Fifty clients that send half a header and stall, one trickling a byte at a time.
    let mut stalled = Vec::new();
    for _ in 0..50 {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n")
            .await
            .unwrap();
        stalled.push(s);
    }
    let mut trickle = tokio::net::TcpStream::connect(addr).await.unwrap();
    let trickler = tokio::spawn(async move {
        for b in b"GET /health HTTP/1.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa" {
            if trickle.write_all(&[*b]).await.is_err() {
                return true;
            }
            tokio::time::sleep(StdDuration::from_millis(200)).await;
        }
        closed_within(&mut trickle, StdDuration::from_secs(5))
            .await
            .is_ok()
    });
    for s in &mut stalled {
        let got = closed_within(s, StdDuration::from_secs(5)).await;
        assert!(got.is_ok(), "a stalled header was not closed");
    }
    assert!(trickler.await.unwrap(), "a trickled header was not closed");

    // A complete request is answered; the idle keep-alive connection is closed after it.
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    let got = closed_within(&mut s, StdDuration::from_secs(6))
        .await
        .expect("idle connection closed");
    assert!(
        String::from_utf8_lossy(&got).starts_with("HTTP/1.1 200"),
        "answered first"
    );
    assert!(
        started.elapsed() >= StdDuration::from_millis(1500),
        "kept alive for a while"
    );
}

#[tokio::test]
async fn the_database_is_private() {
    // A fresh data directory: 0700; the SQLite file and its WAL: 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().unwrap();
        let data = root.path().join("data");
        let settings = huigui::config::Settings {
            data_dir: data.clone(),
            bootstrap_admin_password: Some(huigui::config::Secret("bootstrap-password".into())),
            ..huigui::config::Settings::default()
        };
        let state = huigui::state::build_state(settings).await.unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700);
        for f in [
            "huigui.db",
            "huigui.db-wal",
            "jwt-keys.json",
            "id-keys.json",
            "audit-keys.json",
        ] {
            assert_eq!(mode(&data.join(f)), 0o600, "{f}");
        }
        state.db.clone().close().await;
    }
}
