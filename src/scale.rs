//! `huigui demo --scale N`: a county-sized data set on top of the demo — per
//! unit of N, 100 persons under correction across the twelve judicial offices
//! and 200 held sessions of 50 people (10,000 attendance rows), a year back;
//! so N = 100 gives 10,000 people and about 1,000,000 attendance rows with
//! their ledger entries. Plus "live" sessions (started, running for a week)
//! with 5,000 enrolments, which the benchmark checks people into. Bulk
//! inserts in large transactions; a progress bar shows it moving.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
};
use serde_json::json;
use uuid::Uuid;

use crate::{
    domain::{hours::Category, hours::Month, id_number::IdNumber},
    state::AppState,
    store,
};

/// Rows per multi-row INSERT (SQLite allows 32,766 bound values).
const CHUNK: usize = 1000;
/// People per session.
pub const GROUP: usize = 50;
/// Live sessions (for the check-in and sync benchmarks): 100 × 50 = 5,000 enrolments.
pub const LIVE_SESSIONS: usize = 100;
const TYPES: [&str; 5] = [
    "education",
    "skills_training",
    "group_counseling",
    "individual_counseling",
    "public_welfare",
];

/// What was generated.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Generated {
    pub participants: usize,
    pub sessions: usize,
    pub enrollments: usize,
    pub hours_entries: usize,
    pub live_sessions: usize,
    pub seconds: f64,
}

/// A small deterministic generator (xorshift64*), so that runs are repeatable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

async fn insert_chunks<C, A, M>(
    conn: &C,
    rows: Vec<M>,
    bar: &indicatif::ProgressBar,
) -> anyhow::Result<()>
where
    C: ConnectionTrait,
    M: IntoActiveModel<A> + Clone,
    A: sea_orm::ActiveModelTrait + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A>,
{
    for chunk in rows.chunks(CHUNK) {
        let n = chunk.len();
        <A::Entity as EntityTrait>::insert_many(
            chunk
                .iter()
                .cloned()
                .map(|m| m.into_active_model().reset_all()),
        )
        .exec_without_returning(conn)
        .await?;
        bar.inc(n as u64);
    }
    Ok(())
}

/// Generates the data set; `scale` is N.
pub async fn generate(
    state: &AppState,
    scale: u32,
    show_progress: bool,
) -> anyhow::Result<Generated> {
    let started = std::time::Instant::now();
    let conn = &state.db.write;
    let offices = entity::organization::Entity::find()
        .filter(entity::organization::Column::Kind.eq("judicial_office"))
        .order_by_asc(entity::organization::Column::Name)
        .all(conn)
        .await?;
    let ngos = entity::organization::Entity::find()
        .filter(entity::organization::Column::Kind.eq("ngo"))
        .order_by_asc(entity::organization::Column::Name)
        .all(conn)
        .await?;
    anyhow::ensure!(
        !offices.is_empty() && !ngos.is_empty(),
        "load the demo first (`huigui demo`)"
    );
    let bureau = store::hours::bureau_for(conn, offices[0].id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no bureau"))?;
    let people = scale as usize * 100;
    let held = scale as usize * 200;
    let total = (people + held * GROUP * 2 + LIVE_SESSIONS * GROUP) as u64;
    let bar = if show_progress {
        indicatif::ProgressBar::new(total)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {msg:14} [{bar:40}] {pos}/{len} rows, {per_sec}, ETA {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let tz = state.settings.tz();
    let now = state.clock.now();
    let today = state.clock.today(tz);
    let mut rng = Rng(0x5EED_2026_1201);
    let txn = state.db.begin().await?;

    // Contracts: one active contract per NGO covering every session type.
    bar.set_message("contracts");
    let year = chrono::Datelike::year(&today);
    let mut contracts = Vec::new();
    for ngo in &ngos {
        let seq = store::contracts::next_seq(&txn, bureau, year).await?;
        let c = store::contracts::insert(
            &txn,
            entity::contract::Model {
                id: Uuid::now_v7(),
                bureau_id: bureau,
                contract_no: crate::domain::contract::contract_no(&state.settings.contract_prefix, year, seq),
                year,
                seq,
                title: format!("{year}年度社区矫正综合服务（规模测试）"),
                procurement_id: None,
                bid_id: None,
                ngo_id: ngo.id,
                categories: json!(TYPES).to_string(),
                amount_fen: 50_000_000,
                original_amount_fen: 50_000_000,
                start_date: today - Duration::days(365),
                end_date: today + Duration::days(30),
                multi_year: false,
                multi_year_reason: None,
                kpis: r#"[{"metric":"participant_hours","target":100000.0,"weight":50},{"metric":"attendance_rate","target":0.9,"weight":50}]"#.into(),
                payment_rule: serde_json::to_string(&crate::domain::contract::default_payment_rule())?,
                status: "active".into(),
                awarded_at: None,
                signed_at: Some(now),
                status_reason: None,
                created_by: Uuid::nil(),
                version: 1,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        contracts.push(c);
    }

    // People, by office.
    bar.set_message("participants");
    let vault = &state.vault;
    let levels = ["strict", "ordinary", "lenient"];
    let types = ["probation", "parole", "control", "medical_parole"];
    let mut by_office: Vec<Vec<Uuid>> = vec![Vec::new(); offices.len()];
    let mut rows = Vec::with_capacity(people);
    let epoch = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap_or_default();
    for i in 0..people {
        let birth = epoch + Duration::days((i / 500) as i64 * 7 + (i % 7) as i64);
        let first17 = format!("142327{}{:03}", birth.format("%Y%m%d"), 100 + i % 500);
        let id = IdNumber::complete(&first17).map_err(|e| anyhow::anyhow!("{e}"))?;
        let o = i % offices.len();
        let pid = Uuid::now_v7();
        by_office[o].push(pid);
        rows.push(entity::participant::Model {
            id: pid,
            kind: "correction_subject".into(),
            code: format!("HG-S{i:08}"),
            name: format!("对象{i}"),
            id_number_sealed: Some(vault.seal(id.as_str())?),
            id_number_hash: Some(vault.lookup_hash(id.as_str())),
            id_number_masked: Some(id.masked()),
            gender: Some(
                if matches!(id.gender(), crate::domain::id_number::Gender::Male) {
                    "male"
                } else {
                    "female"
                }
                .into(),
            ),
            birth_date: Some(id.birth_date()),
            minor: false,
            phone: None,
            judicial_office_id: Some(offices[o].id),
            ngo_id: None,
            correction_type: Some(types[i % types.len()].into()),
            supervision_level: Some(levels[i % levels.len()].into()),
            correction_start: Some(today - Duration::days(400)),
            correction_end: Some(today + Duration::days(60 + (i % 700) as i64)),
            skills: "[]".into(),
            able_to_work: i % 3 != 0,
            medical_needs: i % 17 == 0,
            status: "active".into(),
            status_date: None,
            village_committee_id: None,
            status_reason: None,
            created_by: Uuid::nil(),
            version: 1,
            created_at: now - Duration::days(400),
            updated_at: now,
        });
    }
    insert_chunks(&txn, rows, &bar).await?;

    // A year of held sessions, 50 people of one office each, with outcomes and ledger entries.
    bar.set_message("sessions");
    let mut cursor = vec![0usize; offices.len()];
    let mut out = Generated {
        participants: people,
        ..Default::default()
    };
    let batch = 200;
    for start in (0..held).step_by(batch) {
        let (mut sessions, mut enrollments, mut entries) = (Vec::new(), Vec::new(), Vec::new());
        for k in start..(start + batch).min(held) {
            let o = k % offices.len();
            let c = &contracts[k % contracts.len()];
            let kind = TYPES[k % TYPES.len()];
            let day = today - Duration::days(1 + (k * 360 / held.max(1)) as i64);
            let hour = [9, 14, 19][k % 3];
            let starts_at = tz
                .from_local_datetime(&day.and_hms_opt(hour, 0, 0).unwrap_or_default())
                .earliest()
                .map(|t| t.with_timezone(&Utc))
                .unwrap_or(now);
            let sid = Uuid::now_v7();
            sessions.push(entity::session::Model {
                id: sid,
                contract_id: c.id,
                ngo_id: c.ngo_id,
                session_type: kind.into(),
                title: format!("{kind} #{k}"),
                starts_at,
                ends_at: starts_at + Duration::hours(2),
                location: "活动室".into(),
                latitude_e6: None,
                longitude_e6: None,
                radius_m: None,
                capacity: GROUP as i32,
                facilitator: "社工".into(),
                credit_hours_x100: 200,
                status: "closed".into(),
                created_by: Uuid::nil(),
                version: 2,
                created_at: starts_at - Duration::days(7),
                updated_at: starts_at + Duration::hours(2),
            });
            let month = Month::of(day).to_string();
            let pool = &by_office[o];
            for _ in 0..GROUP.min(pool.len()) {
                let pid = pool[cursor[o] % pool.len()];
                cursor[o] += 1;
                let roll = rng.below(100);
                let (outcome, hours) = match roll {
                    0..=79 => ("present", 200),
                    80..=84 => ("late", 150),
                    85..=89 => ("left_early", 100),
                    90..=96 => ("no_show", 0),
                    _ => ("excused", 0),
                };
                let eid = Uuid::now_v7();
                let attended = hours > 0;
                enrollments.push(entity::enrollment::Model {
                    id: eid,
                    session_id: sid,
                    participant_id: pid,
                    enrolled_by: Uuid::nil(),
                    outcome: Some(outcome.into()),
                    check_in_at: attended.then_some(starts_at),
                    check_out_at: attended.then(|| starts_at + Duration::minutes(hours * 60 / 100)),
                    hours_x100: Some(hours),
                    auto_checkout: false,
                    source: attended.then(|| "staff".into()),
                    excuse_reason: (outcome == "excused").then(|| "请假".into()),
                    excused_by: None,
                    excused_at: None,
                    satisfaction: (attended && roll.is_multiple_of(4))
                        .then_some(3 + (roll % 3) as i32),
                    created_at: starts_at - Duration::days(3),
                });
                if attended {
                    entries.push(entity::hours_entry::Model {
                        id: Uuid::now_v7(),
                        participant_id: pid,
                        category: Category::for_session(kind, false).as_str().into(),
                        source: "attendance".into(),
                        hours_x100: hours,
                        date: day,
                        month: month.clone(),
                        description: format!("{kind} #{k}"),
                        session_id: Some(sid),
                        enrollment_id: Some(eid),
                        reverses_id: None,
                        created_by: Uuid::nil(),
                        created_at: starts_at + Duration::hours(2),
                    });
                }
            }
        }
        out.sessions += sessions.len();
        out.enrollments += enrollments.len();
        out.hours_entries += entries.len();
        let quiet = indicatif::ProgressBar::hidden();
        insert_chunks(&txn, sessions, &quiet).await?;
        insert_chunks(&txn, enrollments, &bar).await?;
        let pad = (GROUP * batch.min(held - start)).saturating_sub(entries.len()) as u64;
        insert_chunks(&txn, entries, &bar).await?;
        bar.inc(pad);
    }

    // Live sessions: started half an hour ago, running for a week.
    bar.set_message("live sessions");
    let (mut sessions, mut enrollments) = (Vec::new(), Vec::new());
    for k in 0..LIVE_SESSIONS {
        let o = k % offices.len();
        let c = &contracts[k % contracts.len()];
        let starts_at = now - Duration::minutes(30);
        let sid = Uuid::now_v7();
        sessions.push(entity::session::Model {
            id: sid,
            contract_id: c.id,
            ngo_id: c.ngo_id,
            session_type: TYPES[k % TYPES.len()].into(),
            title: format!("live #{k}"),
            starts_at,
            ends_at: starts_at + Duration::days(7),
            location: "活动室".into(),
            latitude_e6: None,
            longitude_e6: None,
            radius_m: None,
            capacity: GROUP as i32,
            facilitator: "社工".into(),
            credit_hours_x100: 200,
            status: "scheduled".into(),
            created_by: Uuid::nil(),
            version: 1,
            created_at: now,
            updated_at: now,
        });
        let pool = &by_office[o];
        for j in 0..GROUP.min(pool.len()) {
            enrollments.push(entity::enrollment::Model {
                id: Uuid::now_v7(),
                session_id: sid,
                participant_id: pool[(k * GROUP + j) % pool.len()],
                enrolled_by: Uuid::nil(),
                outcome: None,
                check_in_at: None,
                check_out_at: None,
                hours_x100: None,
                auto_checkout: false,
                source: None,
                excuse_reason: None,
                excused_by: None,
                excused_at: None,
                satisfaction: None,
                created_at: now,
            });
        }
    }
    out.live_sessions = sessions.len();
    let quiet = indicatif::ProgressBar::hidden();
    insert_chunks(&txn, sessions, &quiet).await?;
    insert_chunks(&txn, enrollments, &bar).await?;
    store::audit::record(
        &txn,
        &store::audit::Actor::system("demo:scale"),
        "demo.scale",
        "organization",
        Some(bureau.to_string()),
        json!({"scale": scale, "participants": out.participants, "sessions": out.sessions, "enrollments": out.enrollments}),
    )
    .await?;
    bar.set_message("report roll-ups");
    store::rollups::rebuild(&txn, state.settings.tz()).await?;
    bar.set_message("committing");
    txn.commit().await?;
    if state.db.backend() == sea_orm::DbBackend::Postgres {
        state.db.write.execute_unprepared("ANALYZE").await?;
    } else {
        state.db.write.execute_unprepared("PRAGMA optimize").await?;
    }
    bar.finish_with_message("done");
    out.seconds = started.elapsed().as_secs_f64();
    Ok(out)
}
