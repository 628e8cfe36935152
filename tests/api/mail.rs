//! The outbox: `.eml` files without SMTP; SMTP through lettre to a local sink;
//! an SMTP outage that the API does not notice; exactly-once delivery with two
//! server instances on one database.

use std::{
    net::SocketAddr,
    sync::{Arc, Mutex},
};

use chrono::Duration;
use huigui::config::Secret;
use serde_json::json;
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

use crate::{helpers::World, sessions::person};

/// A minimal SMTP server on loopback that keeps every message it accepts.
struct Sink {
    messages: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Sink {
    async fn start(addr: SocketAddr) -> Self {
        let listener = TcpListener::bind(addr).await.expect("bind sink");
        let messages = Arc::new(Mutex::new(Vec::new()));
        let store = messages.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    return;
                };
                let store = store.clone();
                tokio::spawn(async move {
                    let (r, mut wr) = sock.into_split();
                    let mut lines = BufReader::new(r).lines();
                    let _ = wr.write_all(b"220 sink ESMTP\r\n").await;
                    let mut data: Option<String> = None;
                    while let Ok(Some(line)) = lines.next_line().await {
                        if let Some(buf) = data.as_mut() {
                            if line == "." {
                                store.lock().unwrap().push(std::mem::take(buf));
                                data = None;
                                let _ = wr.write_all(b"250 queued\r\n").await;
                            } else {
                                buf.push_str(&line);
                                buf.push('\n');
                            }
                            continue;
                        }
                        let verb = line.split_whitespace().next().unwrap_or("").to_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                            "DATA" => {
                                data = Some(String::new());
                                b"354 go on\r\n"
                            }
                            "QUIT" => {
                                let _ = wr.write_all(b"221 bye\r\n").await;
                                return;
                            }
                            _ => b"250 ok\r\n",
                        };
                        let _ = wr.write_all(reply).await;
                    }
                });
            }
        });
        Self { messages, task }
    }

    fn count(&self) -> usize {
        self.messages.lock().unwrap().len()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn free_port() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap()
}

/// Creates a referral (one mail to the agency's one user) and returns 201's body.
async fn cause_a_mail(w: &World, serial: u32) -> serde_json::Value {
    let p = w
        .app
        .post(
            "/api/v1/participants",
            Some(w.token("office_staff")),
            person("19700101", serial),
        )
        .await
        .id();
    let today = w.app.state.clock.today(w.app.state.settings.tz());
    let r = w
        .app
        .post(
            "/api/v1/referrals",
            Some(w.token("office_staff")),
            json!({"participant_id": p, "need": "medical", "agency_id": w.agency,
            "detail": "慢性病用药困难", "respond_by": (today + Duration::days(10)).to_string()}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body
}

#[tokio::test]
async fn without_smtp_mails_are_eml_files_in_the_data_dir() {
    let w = World::new().await;
    cause_a_mail(&w, 601).await;
    assert_eq!(
        huigui::jobs::run(&w.app.state, "outbox").await.unwrap(),
        Some(1)
    );
    let dir = w.app.state.settings.data_dir.join("outbox");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1);
    let path = files[0].path();
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("eml"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Message-ID: <"), "{text}");
    assert!(text.contains("To: agency_staff@test.huigui.cn"), "{text}");
    assert!(text.contains("multipart/alternative"), "{text}");
    assert_eq!(
        huigui::jobs::run(&w.app.state, "outbox").await.unwrap(),
        Some(0),
        "sent once"
    );
}

#[tokio::test]
async fn an_smtp_outage_delays_mail_and_recovery_delivers_each_once_with_two_instances() {
    let addr = free_port().await;
    let url = format!("smtp://127.0.0.1:{}", addr.port());
    let w = World::with_settings(|s| s.smtp_url = Some(Secret(url.clone()))).await;
    // SMTP is down: the API still answers 2xx and the rows wait.
    for serial in 0..3 {
        cause_a_mail(&w, 610 + serial).await;
    }
    assert_eq!(
        huigui::jobs::run(&w.app.state, "outbox").await.unwrap(),
        Some(0)
    );
    let waiting = w.app.count("outbox").await;
    assert_eq!(waiting, 3);
    // A second instance on the same database (its own lease holder).
    let second = huigui::state::build_state(w.app.state.settings.clone())
        .await
        .unwrap();
    assert_ne!(second.instance_id, w.app.state.instance_id);
    let sink = Sink::start(addr).await;
    // Not before the backoff has passed...
    assert_eq!(
        huigui::jobs::run(&w.app.state, "outbox").await.unwrap(),
        Some(0)
    );
    assert_eq!(sink.count(), 0);
    w.app.state.clock.advance(Duration::minutes(5));
    second.clock.advance(Duration::minutes(5));
    // ...then both instances tick at once, repeatedly: every mail arrives exactly once.
    for _ in 0..3 {
        let (a, b) = tokio::join!(
            huigui::jobs::tick(&w.app.state),
            huigui::jobs::tick(&second)
        );
        for (job, r) in a.iter().chain(b.iter()) {
            assert!(r.is_ok(), "{job}: {r:?}");
        }
    }
    // Everything in the outbox (the three referral mails, and whatever the
    // scheduled jobs added, e.g. the monthly summary) arrived exactly once.
    let rows = w.app.count("outbox").await as usize;
    assert!(rows >= 3);
    assert_eq!(sink.count(), rows, "each mail once");
    let ids: std::collections::HashSet<String> = sink
        .messages
        .lock()
        .unwrap()
        .iter()
        .filter_map(|m| {
            m.lines()
                .find(|l| l.starts_with("Message-ID:"))
                .map(str::to_string)
        })
        .collect();
    assert_eq!(ids.len(), rows, "stable, distinct Message-IDs");
    let row = w
        .app
        .state
        .db
        .read
        .query_one_raw(sea_orm::Statement::from_string(
            w.app.state.db.backend(),
            "SELECT COUNT(*) AS n FROM outbox WHERE kind = 'referral' AND status = 'sent' AND attempts = 2".to_string(),
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        row.try_get::<i64>("", "n").unwrap(),
        3,
        "one failed attempt, one delivery"
    );
    let metrics = w.app.get("/metrics", "").await;
    assert!(
        metrics
            .body
            .as_str()
            .unwrap_or_default()
            .contains("huigui_job_runs_total"),
        "job runs are in /metrics"
    );
}

use sea_orm::ConnectionTrait;
