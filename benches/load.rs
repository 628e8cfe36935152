//! The load benchmark: `benches/run.sh` (both databases) or
//! `cargo bench --features bench --bench load -- --db sqlite`.
//!
//! For each database it generates (once) the demo county at `--scale N`,
//! starts `huigui serve` on it (timing start-up), and measures, at fixed
//! concurrency, throughput and p50/p99/p99.9 latency of: check-in (the real
//! endpoint: authenticated, validated, audited) against a bare insert-one-row
//! baseline endpoint compiled only with `--features bench`; a 5,000-event
//! offline sync; a contract report draft, `stats/compliance` and
//! `stats/overview` against the same aggregates as hand-written SQL on the
//! same database; `GET /sessions` pages and `GET /me`. It prints one table and
//! writes `target/bench/results-<db>.json`. Results are ratios measured in
//! one run, because absolute times drift on a shared machine.

use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    sync::Arc,
    time::{Duration, Instant},
};

use hdrhistogram::Histogram;
use sea_orm::{ConnectionTrait, Database, Statement};
use serde_json::{Value, json};

const PASSWORD: &str = "huigui-demo-2026";

struct Args {
    dbs: Vec<String>,
    scale: u32,
    seconds: u64,
    concurrency: usize,
    pg_url: Option<String>,
}

fn args() -> Args {
    let mut a = Args {
        dbs: vec!["sqlite".into()],
        scale: 100,
        seconds: 10,
        concurrency: 32,
        pg_url: std::env::var("HUIGUI_BENCH_PG_URL").ok(),
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < argv.len() {
        let v = argv.get(i + 1).cloned().unwrap_or_default();
        match argv[i].as_str() {
            "--db" => {
                a.dbs = if v == "both" {
                    vec!["sqlite".into(), "postgres".into()]
                } else {
                    vec![v]
                }
            }
            "--scale" => a.scale = v.parse().expect("--scale N"),
            "--seconds" => a.seconds = v.parse().expect("--seconds S"),
            "--concurrency" => a.concurrency = v.parse().expect("--concurrency C"),
            "--pg-url" => a.pg_url = Some(v),
            "--bench" => {
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    a
}

#[derive(Default, Clone, serde::Serialize)]
struct Row {
    name: String,
    requests: u64,
    errors: u64,
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    p999_ms: f64,
}

impl Row {
    fn from(name: &str, h: &Histogram<u64>, errors: u64, secs: f64) -> Self {
        let ms = |q: f64| h.value_at_quantile(q) as f64 / 1000.0;
        Self {
            name: name.into(),
            requests: h.len(),
            errors,
            rps: h.len() as f64 / secs,
            p50_ms: ms(0.5),
            p99_ms: ms(0.99),
            p999_ms: ms(0.999),
        }
    }
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_huigui"))
}

fn envs(dir: &std::path::Path, url: &str) -> Vec<(String, String)> {
    vec![
        ("HUIGUI_DATA_DIR".into(), dir.display().to_string()),
        ("DATABASE_URL".into(), url.into()),
        ("HUIGUI_LOG".into(), "warn".into()),
        ("HUIGUI_JOB_INTERVAL_SECS".into(), "3600".into()),
        ("HUIGUI_LOGIN_MAX_FAILURES".into(), "1000".into()),
        ("HUIGUI_DB_MAX_CONNECTIONS".into(), "16".into()),
    ]
}

fn run(dir: &std::path::Path, url: &str, args: &[&str]) {
    let status = Command::new(bin())
        .args(args)
        .envs(envs(dir, url))
        .status()
        .expect("run huigui");
    assert!(status.success(), "huigui {args:?} failed");
}

async fn start(dir: &std::path::Path, url: &str, port: u16) -> (Server, Duration) {
    let base = format!("http://127.0.0.1:{port}");
    let t = Instant::now();
    let child = Command::new(bin())
        .arg("serve")
        .envs(envs(dir, url))
        .env("HUIGUI_BIND", format!("127.0.0.1:{port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start huigui serve");
    let client = reqwest::Client::new();
    loop {
        if let Ok(r) = client.get(format!("{base}/health")).send().await
            && r.status().is_success()
        {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "server did not start"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    (Server { child, base }, t.elapsed())
}

async fn login(c: &reqwest::Client, base: &str, email: &str) -> String {
    let r: Value = c
        .post(format!("{base}/api/v1/auth/token"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    r["access_token"].as_str().expect("login").to_string()
}

/// Runs `make(i)` requests from `concurrency` workers for `secs` seconds.
async fn load<F>(concurrency: usize, secs: u64, make: F) -> (Histogram<u64>, u64)
where
    F: Fn(u64) -> reqwest::RequestBuilder + Send + Sync + 'static,
{
    let make = Arc::new(make);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let counter = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let make = make.clone();
        let counter = counter.clone();
        tasks.push(tokio::spawn(async move {
            let mut h = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
            let mut errors = 0;
            while Instant::now() < deadline {
                let i = counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let t = Instant::now();
                match make(i).send().await {
                    Ok(r) if r.status().is_success() => {
                        let _ = r.bytes().await;
                        h.record(t.elapsed().as_micros() as u64).ok();
                    }
                    Ok(r) => {
                        errors += 1;
                        if errors == 1 {
                            eprintln!(
                                "  error {}: {}",
                                r.status(),
                                r.text().await.unwrap_or_default()
                            );
                        }
                    }
                    Err(e) => {
                        errors += 1;
                        if errors == 1 {
                            eprintln!("  error: {e}");
                        }
                    }
                }
            }
            (h, errors)
        }));
    }
    let mut all = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
    let mut errors = 0;
    for t in tasks {
        let (h, e) = t.await.unwrap();
        all.add(h).unwrap();
        errors += e;
    }
    (all, errors)
}

/// Times `n` sequential runs of an async step; returns the histogram.
async fn repeat<F, Fut>(n: usize, mut step: F) -> Histogram<u64>
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut h = Histogram::<u64>::new_with_bounds(1, 600_000_000, 3).unwrap();
    for i in 0..n {
        let t = Instant::now();
        step(i).await;
        h.record(t.elapsed().as_micros() as u64).ok();
    }
    h
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

fn next_month(month: &str) -> String {
    let (y, m) = month.split_once('-').unwrap();
    let (y, m): (i32, u32) = (y.parse().unwrap(), m.parse().unwrap());
    if m == 12 {
        format!("{}-01-01", y + 1)
    } else {
        format!("{y}-{:02}-01", m + 1)
    }
}

fn sql(backend: sea_orm::DbBackend, text: &str) -> Statement {
    Statement::from_string(backend, text.to_string())
}

/// The dashboards' aggregates written by hand, as the baseline.
async fn hand_sql(
    db: &sea_orm::DatabaseConnection,
    contract: &str,
    month: &str,
    from: &str,
    to: &str,
) -> [Duration; 3] {
    let b = db.get_database_backend();
    let id = format!("(SELECT id FROM contracts WHERE contract_no = '{contract}')");
    // The same figures the server computes (store::stats), written out as plain SQL.
    let attended = "e.outcome IN ('present','late','left_early')";
    let subject = "p.kind = 'correction_subject'";
    let volunteer = "p.kind = 'volunteer'";
    let delivery = |filter: &str| {
        format!(
            "SELECT s.contract_id, \
           SUM(CASE WHEN {subject} AND e.outcome <> 'excused' THEN 1 ELSE 0 END), \
           SUM(CASE WHEN {subject} AND {attended} THEN 1 ELSE 0 END), \
           SUM(CASE WHEN {subject} AND {attended} THEN e.hours_x100 ELSE 0 END), \
           SUM(CASE WHEN {subject} AND {attended} AND s.session_type = 'public_welfare' THEN e.hours_x100 ELSE 0 END), \
           COUNT(DISTINCT CASE WHEN {subject} AND {attended} THEN e.participant_id END), \
           COUNT(DISTINCT CASE WHEN {subject} AND {attended} AND s.session_type = 'individual_counseling' THEN e.participant_id END), \
           SUM(CASE WHEN {volunteer} AND {attended} THEN e.hours_x100 ELSE 0 END), \
           COUNT(DISTINCT CASE WHEN {volunteer} AND {attended} THEN e.participant_id END), \
           SUM(e.satisfaction), COUNT(e.satisfaction) \
         FROM enrollments e JOIN sessions s ON s.id = e.session_id JOIN participants p ON p.id = e.participant_id \
         WHERE s.status = 'closed' {filter} GROUP BY s.contract_id"
        )
    };
    let types = |filter: &str| {
        format!(
            "SELECT s.contract_id, s.session_type, COUNT(*) FROM sessions s WHERE s.status = 'closed' {filter} GROUP BY s.contract_id, s.session_type"
        )
    };
    let window = "AND s.starts_at >= 'FROM' AND s.starts_at < 'TO'";
    let one = format!("AND s.contract_id = {id} {window}");
    let report = vec![
        types(&one),
        delivery(&one),
        "SELECT kind, COUNT(*) FROM outcomes WHERE date >= 'FROMD' AND date < 'TOD' GROUP BY kind"
            .to_string(),
    ];
    let compliance = vec![
        format!("SELECT p.judicial_office_id, COUNT(*), \
           SUM(CASE WHEN COALESCE(h.edu,0) >= (CASE p.supervision_level WHEN 'strict' THEN 1200 WHEN 'ordinary' THEN 800 WHEN 'lenient' THEN 400 ELSE 0 END) \
                     AND COALESCE(h.pw,0) >= (CASE p.supervision_level WHEN 'strict' THEN 1200 WHEN 'ordinary' THEN 800 WHEN 'lenient' THEN 400 ELSE 0 END) THEN 1 ELSE 0 END) \
         FROM participants p LEFT JOIN (SELECT participant_id, SUM(CASE WHEN category='education' THEN hours_x100 ELSE 0 END) edu, \
           SUM(CASE WHEN category='public_welfare' THEN hours_x100 ELSE 0 END) pw FROM hours_entries WHERE month = '{month}' \
           AND (source <> 'manual' OR id IN (SELECT entry_id FROM hours_approvals)) GROUP BY participant_id) h \
         ON h.participant_id = p.id WHERE p.kind='correction_subject' AND p.status='active' GROUP BY p.judicial_office_id"),
        "SELECT p.judicial_office_id, COUNT(*) FROM enrollments e JOIN sessions s ON s.id = e.session_id JOIN participants p ON p.id = e.participant_id \
         WHERE e.outcome = 'no_show' AND s.starts_at >= 'MFROM' AND s.starts_at < 'MTO' GROUP BY p.judicial_office_id".to_string(),
        "SELECT office_id, COUNT(*) FROM alerts WHERE status <> 'resolved' GROUP BY office_id".to_string(),
        "SELECT office_id, COUNT(*) FROM referrals WHERE status IN ('open','accepted') GROUP BY office_id".to_string(),
    ];
    let overview = vec![
        delivery(window),
        types(window),
        "SELECT h.category, SUM(h.hours_x100) FROM hours_entries h WHERE (h.source <> 'manual' OR h.id IN (SELECT entry_id FROM hours_approvals)) AND h.date >= 'FROMD' AND h.date < 'TOD' GROUP BY h.category".to_string(),
        "SELECT kind, COUNT(*) FROM outcomes WHERE date >= 'FROMD' AND date < 'TOD' GROUP BY kind".to_string(),
        "SELECT * FROM contracts ORDER BY contract_no".to_string(),
        "SELECT * FROM milestones WHERE status = 'paid'".to_string(),
    ];
    let fix = |s: &str| {
        let s = s
            .replace("'FROMD'", &format!("'{from}'"))
            .replace("'TOD'", &format!("'{to}'"));
        let s = s
            .replace("'FROM'", &format!("'{from}T00:00:00Z'"))
            .replace("'TO'", &format!("'{to}T00:00:00Z'"));
        s.replace("'MFROM'", &format!("'{month}-01T00:00:00Z'"))
            .replace("'MTO'", &format!("'{}T00:00:00Z'", next_month(month)))
    };
    let time = |stmts: Vec<String>| async move {
        let mut best = Duration::MAX;
        for _ in 0..7 {
            let t = Instant::now();
            for s in &stmts {
                db.query_all_raw(sql(b, &fix(s))).await.expect("hand SQL");
            }
            best = best.min(t.elapsed());
        }
        best
    };
    [
        time(report).await,
        time(compliance).await,
        time(overview).await,
    ]
}

#[tokio::main]
async fn main() {
    let a = args();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&root).unwrap();
    let mut port = 18_700;
    for db in &a.dbs {
        port += 1;
        println!(
            "\n== {db}, scale {}, {} s per load test, {} concurrent clients ==",
            a.scale, a.seconds, a.concurrency
        );
        let dir = root.join(format!("{db}-{}", a.scale));
        let url = match db.as_str() {
            "sqlite" => format!("sqlite://{}/huigui.db?mode=rwc", dir.display()),
            _ => {
                let server = a
                    .pg_url
                    .clone()
                    .expect("--pg-url or HUIGUI_BENCH_PG_URL for postgres");
                let name = format!("huigui_bench_{}", a.scale);
                let (base, _) = server.rsplit_once('/').unwrap();
                if !dir.join("generated").exists() {
                    let admin = Database::connect(&server).await.unwrap();
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}"))
                        .await;
                    admin
                        .execute_unprepared(&format!("CREATE DATABASE {name}"))
                        .await
                        .unwrap();
                }
                format!("{base}/{name}")
            }
        };
        if !dir.join("generated").exists() {
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).unwrap();
            let t = Instant::now();
            run(&dir, &url, &["demo", "--scale", &a.scale.to_string()]);
            println!("generated in {:.1} s", t.elapsed().as_secs_f64());
            std::fs::write(dir.join("generated"), "").unwrap();
        }
        // A data set from an older build is brought up to date first, so that
        // start-up is timed on an up-to-date database.
        let t = Instant::now();
        run(&dir, &url, &["migrate"]);
        println!("migrate: {:.1} s", t.elapsed().as_secs_f64());
        let (server, startup) = start(&dir, &url, port).await;
        let base = server.base.clone();
        let c = reqwest::Client::builder()
            .pool_max_idle_per_host(a.concurrency * 2)
            .build()
            .unwrap();
        let ngo = login(&c, &base, "ngo-staff@demo.huigui.cn").await;
        let officer = login(&c, &base, "officer@demo.huigui.cn").await;
        // The NGO's live sessions and their enrolments.
        let page: Value = c
            .get(format!("{base}/api/v1/sessions?status=scheduled&limit=200"))
            .bearer_auth(&ngo)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let live: Vec<String> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["title"].as_str().unwrap_or("").starts_with("live"))
            .map(|s| s["id"].as_str().unwrap().to_string())
            .collect();
        let mut pairs = Vec::new();
        for s in &live {
            let e: Value = c
                .get(format!("{base}/api/v1/sessions/{s}/enrollments?limit=200"))
                .bearer_auth(&ngo)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            for x in e["items"].as_array().unwrap() {
                pairs.push((s.clone(), x["participant_id"].as_str().unwrap().to_string()));
            }
        }
        assert!(
            !pairs.is_empty(),
            "no live sessions: regenerate (delete {})",
            dir.display()
        );
        let pairs = Arc::new(pairs);
        let mut rows = Vec::new();
        let secs = a.seconds as f64;

        let (p, t, b2) = (pairs.clone(), ngo.clone(), base.clone());
        let cc = c.clone();
        let (h, e) = load(a.concurrency, a.seconds, move |i| {
            let (s, pid) = &p[i as usize % p.len()];
            cc.post(format!("{b2}/api/v1/sessions/{s}/attendance")).bearer_auth(&t)
                // A fresh client_event_id per event, as partner apps send (its lookup is part of the cost).
                .json(&json!({"client_event_id": uuid::Uuid::now_v7(), "participant_id": pid, "kind": "check_in", "at": chrono::Utc::now().to_rfc3339(), "source": "staff"}))
        }).await;
        rows.push(Row::from("check-in", &h, e, secs));
        let (b2, cc) = (base.clone(), c.clone());
        let (h, e) = load(a.concurrency, a.seconds, move |_| {
            cc.post(format!("{b2}/bench/baseline"))
        })
        .await;
        rows.push(Row::from("baseline insert", &h, e, secs));

        let p = pairs.clone();
        let h = repeat(5, |_| {
            let events: Vec<Value> = (0..5000).map(|i| {
                let (s, pid) = &p[i % p.len()];
                json!({"client_event_id": uuid::Uuid::now_v7(), "session_id": s, "participant_id": pid, "kind": "check_in", "at": chrono::Utc::now().to_rfc3339(), "source": "staff"})
            }).collect();
            let (c, b2, t) = (c.clone(), base.clone(), ngo.clone());
            async move {
                let r = c.post(format!("{b2}/api/v1/attendance/sync")).bearer_auth(&t).json(&json!({"events": events})).send().await.unwrap();
                assert!(r.status().is_success(), "sync: {}", r.status());
            }
        }).await;
        rows.push(Row::from(
            "sync 5,000 events",
            &h,
            0,
            h.len() as f64 * h.mean() / 1e6,
        ));

        // Reports and dashboards against hand-written SQL.
        let contracts: Value = c
            .get(format!("{base}/api/v1/contracts?status=active&limit=200"))
            .bearer_auth(&ngo)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let scale_contract = contracts["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["title"].as_str().unwrap_or("").contains("规模测试"))
            .expect("scale contract")
            .clone();
        let contract = scale_contract["id"].as_str().unwrap().to_string();
        let contract_no = scale_contract["contract_no"].as_str().unwrap().to_string();
        let today = chrono::Utc::now().date_naive();
        let from = (today - chrono::Duration::days(365)).to_string();
        let to = today.to_string();
        let month = (today
            - chrono::Duration::days(today.format("%d").to_string().parse::<i64>().unwrap()))
        .format("%Y-%m")
        .to_string();
        let report = repeat(7, |_| {
            let (c, b2, t, id, f, tt) = (
                c.clone(),
                base.clone(),
                ngo.clone(),
                contract.clone(),
                from.clone(),
                to.clone(),
            );
            async move {
                let r = c
                    .post(format!("{b2}/api/v1/contracts/{id}/reports"))
                    .bearer_auth(&t)
                    .json(&json!({"period_start": f, "period_end": tt}))
                    .send()
                    .await
                    .unwrap();
                assert!(r.status().is_success(), "report: {}", r.status());
            }
        })
        .await;
        let compliance = repeat(7, |_| {
            let (c, b2, t, m) = (c.clone(), base.clone(), officer.clone(), month.clone());
            async move {
                assert!(
                    c.get(format!("{b2}/api/v1/stats/compliance?month={m}"))
                        .bearer_auth(&t)
                        .send()
                        .await
                        .unwrap()
                        .status()
                        .is_success()
                )
            }
        })
        .await;
        let overview = repeat(7, |_| {
            let (c, b2, t, f, tt) = (
                c.clone(),
                base.clone(),
                officer.clone(),
                from.clone(),
                to.clone(),
            );
            async move {
                assert!(
                    c.get(format!("{b2}/api/v1/stats/overview?from={f}&to={tt}"))
                        .bearer_auth(&t)
                        .send()
                        .await
                        .unwrap()
                        .status()
                        .is_success()
                )
            }
        })
        .await;
        let direct = Database::connect(&url).await.unwrap();
        let baselines = hand_sql(&direct, &contract_no, &month, &from, &to).await;
        let mut ratios = Vec::new();
        for ((name, h), base_t) in [
            ("report draft", &report),
            ("stats/compliance", &compliance),
            ("stats/overview", &overview),
        ]
        .into_iter()
        .zip(baselines)
        {
            rows.push(Row::from(name, h, 0, h.len() as f64 * h.mean() / 1e6));
            let api = h.value_at_quantile(0.5) as f64 / 1000.0;
            let sqlms = base_t.as_secs_f64() * 1000.0;
            ratios.push(json!({"name": name, "api_p50_ms": api, "hand_sql_ms": sqlms, "ratio": api / sqlms}));
        }
        let (b2, t, cc) = (base.clone(), ngo.clone(), c.clone());
        let (h, e) = load(a.concurrency, a.seconds, move |_| {
            cc.get(format!("{b2}/api/v1/sessions?limit=50"))
                .bearer_auth(&t)
        })
        .await;
        rows.push(Row::from("GET /sessions page", &h, e, secs));
        let (b2, t, cc) = (base.clone(), ngo.clone(), c.clone());
        let (h, e) = load(a.concurrency, a.seconds, move |_| {
            cc.get(format!("{b2}/api/v1/me")).bearer_auth(&t)
        })
        .await;
        rows.push(Row::from("GET /me", &h, e, secs));
        let rss = rss_kib(server.child.id());
        drop(server);

        println!(
            "{:<22} {:>9} {:>7} {:>10} {:>9} {:>9} {:>9}",
            "scenario", "requests", "errors", "req/s", "p50 ms", "p99 ms", "p99.9 ms"
        );
        for r in &rows {
            println!(
                "{:<22} {:>9} {:>7} {:>10.1} {:>9.2} {:>9.2} {:>9.2}",
                r.name, r.requests, r.errors, r.rps, r.p50_ms, r.p99_ms, r.p999_ms
            );
        }
        let checkin_ratio = rows[0].rps / rows[1].rps;
        println!(
            "check-in / baseline throughput: {:.2} (target ≥ 0.50); check-in p99 {:.2} ms (target ≤ 25)",
            checkin_ratio, rows[0].p99_ms
        );
        for r in &ratios {
            println!(
                "{:<22} API p50 {:>8.1} ms, hand-written SQL {:>8.1} ms, ratio {:.2} (target ≤ 1.5 and ≤ 300 ms)",
                r["name"].as_str().unwrap(),
                r["api_p50_ms"].as_f64().unwrap(),
                r["hand_sql_ms"].as_f64().unwrap(),
                r["ratio"].as_f64().unwrap()
            );
        }
        println!(
            "sync 5,000 events p50 {:.0} ms (target ≤ 1000 on SQLite)",
            rows[2].p50_ms
        );
        println!(
            "start-up on the existing database: {:.0} ms (target ≤ 300); peak RSS {:.1} MiB (target ≤ 150)",
            startup.as_secs_f64() * 1000.0,
            rss as f64 / 1024.0
        );
        let out = json!({"db": db, "scale": a.scale, "seconds": a.seconds, "concurrency": a.concurrency, "date": today.to_string(),
            "rows": rows, "checkin_over_baseline": checkin_ratio, "aggregates": ratios, "startup_ms": startup.as_secs_f64() * 1000.0, "peak_rss_mib": rss as f64 / 1024.0});
        std::fs::write(
            root.join(format!("results-{db}.json")),
            serde_json::to_string_pretty(&out).unwrap(),
        )
        .unwrap();
    }
}
