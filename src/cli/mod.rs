//! What `huigui admin …` and `huigui demo` do, on top of the same store code
//! the API uses (and with the same audit trail).

mod collaboration;

use serde_json::json;
use uuid::Uuid;

use crate::{
    app,
    auth::password,
    config::{Environment, Settings},
    domain::{
        roles::{OrgKind, Role},
        uscc::Uscc,
    },
    state::build_state,
    store::{self, audit::Actor},
};

/// `huigui export records`: a month's records of one office or all, written
/// to `out` as CSV (`encoding` utf-8 or gb18030) or, for a `.json` file, as
/// JSON; audited like the API's export.
pub async fn export_records(
    settings: Settings,
    month: &str,
    office: Option<Uuid>,
    encoding: &str,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    use crate::app::records::{self, Encoding};
    let month: crate::domain::hours::Month = month.parse().map_err(anyhow::Error::msg)?;
    let encoding = match encoding.to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => Encoding::Utf8,
        "gb18030" => Encoding::Gb18030,
        other => anyhow::bail!("--encoding must be utf-8 or gb18030, not {other}"),
    };
    let state = build_state(settings).await?;
    let rows = records::month(&state.db.read, &state, office, month).await?;
    let bytes = if out.extension().is_some_and(|e| e == "json") {
        serde_json::to_vec_pretty(&rows.iter().map(records::to_json).collect::<Vec<_>>())?
    } else {
        records::to_csv(&rows, encoding)?
    };
    std::fs::write(out, bytes)?;
    let txn = state.db.begin().await?;
    let detail = json!({"month": month.to_string(), "office_id": office, "people": rows.len()});
    store::audit::record(
        &txn,
        &Actor::system("cli"),
        "records.export",
        "participant",
        None,
        detail,
    )
    .await?;
    txn.commit().await?;
    println!(
        "{} people's {month} records written to {}",
        rows.len(),
        out.display()
    );
    Ok(())
}

/// Arguments of `huigui admin create-user`.
pub struct CreateUserArgs {
    pub email: String,
    pub role: String,
    pub organization_id: Uuid,
    pub display_name: Option<String>,
    pub password: Option<String>,
}

/// Creates a user from the command line; prints the password when generated.
pub async fn create_user(settings: Settings, args: CreateUserArgs) -> anyhow::Result<()> {
    let state = build_state(settings).await?;
    let role: Role = args.role.parse().map_err(anyhow::Error::msg)?;
    let org = store::organizations::find(&state.db.read, args.organization_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no organisation {}", args.organization_id))?;
    anyhow::ensure!(
        org.kind == role.org_kind().as_str(),
        "`{role}` users belong to a `{}`, not a `{}`",
        role.org_kind(),
        org.kind
    );
    let (pw, generated) = match args.password {
        Some(p) => (p, false),
        None => (crate::auth::random_secret(12), true),
    };
    anyhow::ensure!(
        pw.chars().count() >= password::MIN_PASSWORD_LEN,
        "password must be at least {} characters",
        password::MIN_PASSWORD_LEN
    );
    let hash = password::hash(pw.clone()).await?;
    let txn = state.db.begin().await?;
    let user = store::users::insert(
        &txn,
        store::users::NewUser {
            organization_id: org.id,
            email: args.email.clone(),
            display_name: args.display_name.unwrap_or_else(|| args.email.clone()),
            role,
            password_hash: hash,
        },
    )
    .await?;
    store::audit::record(
        &txn,
        &Actor::system("cli"),
        "user.create",
        "user",
        Some(user.id.to_string()),
        json!({"role": role.as_str(), "organization_id": org.id}),
    )
    .await?;
    txn.commit().await?;
    println!("created user {} ({})", user.id, user.email);
    if generated {
        println!("password: {pw}");
    }
    Ok(())
}

/// Password of every demo user (documented in the README).
pub const DEMO_PASSWORD: &str = "huigui-demo-2026";

/// The townships of Wenshui County, one judicial office each.
pub const WENSHUI_TOWNSHIPS: [&str; 12] = [
    "凤城镇",
    "开栅镇",
    "南庄镇",
    "南安镇",
    "刘胡兰镇",
    "下曲镇",
    "孝义镇",
    "北张乡",
    "西城乡",
    "马西乡",
    "西槽头乡",
    "苍儿会乡",
];

/// Loads the demo data set (idempotent: does nothing when already loaded).
pub async fn demo(settings: Settings) -> anyhow::Result<()> {
    anyhow::ensure!(
        settings.env != Environment::Production,
        "`huigui demo` refuses to run with HUIGUI_ENV=production"
    );
    let state = build_state(settings).await?;
    let db = &state.db;
    if store::users::find_by_email(&db.read, "officer@demo.huigui.cn")
        .await?
        .is_some()
    {
        println!("demo data already loaded");
        return Ok(());
    }
    let bureau = store::organizations::list_visible(
        &db.read,
        &crate::auth::authz::UserCaller {
            user_id: Uuid::nil(),
            org_id: Uuid::nil(),
            org_kind: OrgKind::Bureau,
            role: Role::Admin,
        },
        store::organizations::OrgFilter {
            kind: Some(OrgKind::Bureau),
            parent_id: None,
            agency_type: None,
        },
        &store::page::PageRequest {
            limit: 1,
            after: None,
        },
    )
    .await?
    .0
    .into_iter()
    .next()
    .ok_or_else(|| anyhow::anyhow!("no bureau: start the server once first"))?;
    let hash = password::hash(DEMO_PASSWORD.into()).await?;
    let actor = Actor::system("demo");
    let txn = db.begin().await?;
    let org = |kind, name: String, code: String, township: Option<&str>| {
        store::organizations::NewOrganization {
            kind,
            // The demo's police station; the village committee is typed below.
            agency_type: (kind == OrgKind::Agency)
                .then_some(crate::domain::collaboration::AgencyType::Police),
            name,
            uscc: code,
            parent_id: (kind == OrgKind::JudicialOffice).then_some(bureau.id),
            township: township.map(str::to_string),
            contact_email: None,
        }
    };
    let mut offices = Vec::new();
    for (i, t) in WENSHUI_TOWNSHIPS.iter().enumerate() {
        let code = Uscc::complete(&format!("11141121{:08}", 1001 + i))?.to_string();
        offices.push(
            store::organizations::insert(
                &txn,
                org(OrgKind::JudicialOffice, format!("{t}司法所"), code, Some(t)),
            )
            .await?,
        );
    }
    let ngo1 = store::organizations::insert(
        &txn,
        org(
            OrgKind::Ngo,
            "文水县阳光社会工作服务中心".into(),
            Uscc::complete("52141121MJ000101")?.to_string(),
            None,
        ),
    )
    .await?;
    let ngo2 = store::organizations::insert(
        &txn,
        org(
            OrgKind::Ngo,
            "文水县同心心理咨询服务社".into(),
            Uscc::complete("52141121MJ000102")?.to_string(),
            None,
        ),
    )
    .await?;
    let police = store::organizations::insert(
        &txn,
        org(
            OrgKind::Agency,
            "文水县公安局凤城派出所".into(),
            Uscc::complete("11141121MB000201")?.to_string(),
            None,
        ),
    )
    .await?;
    let committee = store::organizations::insert(
        &txn,
        store::organizations::NewOrganization {
            agency_type: Some(crate::domain::collaboration::AgencyType::VillageCommittee),
            ..org(
                OrgKind::Agency,
                "凤城镇城关村民委员会".into(),
                Uscc::complete("54141121MB000401")?.to_string(),
                None,
            )
        },
    )
    .await?;
    // The police station answers the first office's escalations by default.
    offices[0] = store::organizations::update(
        &txn,
        offices[0].clone(),
        store::organizations::OrgChanges {
            police_station_id: Some(Some(police.id)),
            ..Default::default()
        },
    )
    .await?;
    let procuratorate = store::organizations::insert(
        &txn,
        org(
            OrgKind::Procuratorate,
            "文水县人民检察院".into(),
            Uscc::complete("11141121MB000301")?.to_string(),
            None,
        ),
    )
    .await?;
    let users = [
        (
            "officer@demo.huigui.cn",
            "合同管理员 Contract officer",
            Role::Officer,
            bureau.id,
        ),
        (
            "office@demo.huigui.cn",
            "凤城镇司法所 Office staff",
            Role::OfficeStaff,
            offices[0].id,
        ),
        (
            "ngo-admin@demo.huigui.cn",
            "阳光社工 NGO admin",
            Role::NgoAdmin,
            ngo1.id,
        ),
        (
            "ngo-staff@demo.huigui.cn",
            "阳光社工 NGO staff",
            Role::NgoStaff,
            ngo1.id,
        ),
        (
            "ngo2-admin@demo.huigui.cn",
            "同心心理 NGO admin",
            Role::NgoAdmin,
            ngo2.id,
        ),
        (
            "agency@demo.huigui.cn",
            "凤城派出所 Agency staff",
            Role::AgencyStaff,
            police.id,
        ),
        (
            "committee@demo.huigui.cn",
            "城关村委会 Village committee",
            Role::AgencyStaff,
            committee.id,
        ),
        (
            "auditor@demo.huigui.cn",
            "检察院 Auditor",
            Role::Auditor,
            procuratorate.id,
        ),
    ];
    let mut officer_id = Uuid::nil();
    let (mut office_staff_id, mut ngo_staff_id) = (Uuid::nil(), Uuid::nil());
    let (mut agency_staff_id, mut auditor_id) = (Uuid::nil(), Uuid::nil());
    let mut committee_staff_id = Uuid::nil();
    for (email, name, role, org_id) in users {
        let u = store::users::insert(
            &txn,
            store::users::NewUser {
                organization_id: org_id,
                email: email.into(),
                display_name: name.into(),
                role,
                password_hash: hash.clone(),
            },
        )
        .await?;
        match role {
            Role::Officer => officer_id = u.id,
            Role::OfficeStaff => office_staff_id = u.id,
            Role::NgoStaff if ngo_staff_id.is_nil() => ngo_staff_id = u.id,
            Role::AgencyStaff if org_id == committee.id => committee_staff_id = u.id,
            Role::AgencyStaff => agency_staff_id = u.id,
            Role::Auditor => auditor_id = u.id,
            _ => {}
        }
        store::audit::record(
            &txn,
            &actor,
            "user.create",
            "user",
            Some(u.id.to_string()),
            json!({"role": role.as_str(), "demo": true}),
        )
        .await?;
    }
    let contract = demo_procurement(
        &txn,
        &state,
        &actor,
        bureau.id,
        officer_id,
        [ngo1.id, ngo2.id],
    )
    .await?;
    let people = demo_delivery(
        &txn,
        &state,
        &actor,
        &contract,
        offices[0].id,
        office_staff_id,
        ngo_staff_id,
    )
    .await?;
    let org = |id, kind, role| crate::auth::authz::UserCaller {
        user_id: id,
        org_id: Uuid::nil(),
        org_kind: kind,
        role,
    };
    let cast = collaboration::Cast {
        officer: crate::auth::authz::UserCaller {
            org_id: bureau.id,
            ..org(officer_id, OrgKind::Bureau, Role::Officer)
        },
        office: crate::auth::authz::UserCaller {
            org_id: offices[0].id,
            ..org(office_staff_id, OrgKind::JudicialOffice, Role::OfficeStaff)
        },
        police: crate::auth::authz::UserCaller {
            org_id: police.id,
            ..org(agency_staff_id, OrgKind::Agency, Role::AgencyStaff)
        },
        committee: crate::auth::authz::UserCaller {
            org_id: committee.id,
            ..org(committee_staff_id, OrgKind::Agency, Role::AgencyStaff)
        },
        auditor: crate::auth::authz::UserCaller {
            org_id: procuratorate.id,
            ..org(auditor_id, OrgKind::Procuratorate, Role::Auditor)
        },
        ngo: ngo1.id,
        people,
    };
    collaboration::load(&txn, &state, &actor, &cast).await?;
    store::audit::record(
        &txn,
        &actor,
        "demo.load",
        "organization",
        None,
        json!({"offices": offices.len(), "ngos": 2, "agencies": 2, "procuratorates": 1}),
    )
    .await?;
    txn.commit().await?;
    println!(
        "demo data loaded: {} judicial offices, 2 NGOs, 2 agencies (police station, village committee), 1 procuratorate, 8 users (password `{DEMO_PASSWORD}`), a published procurement and a closed one with 2 bids each, an active contract with 2 milestones, 8 persons under correction, 3 held sessions with attendance and hours, 1 session happening now, 1 upcoming session, 2 joint meetings with 3 tasks, 2 procuratorate findings, 2 assistance notices, 1 correction team",
        offices.len()
    );
    Ok(())
}

/// `huigui demo --scale N`: the county-sized data set (see `crate::scale`).
pub async fn scale(settings: Settings, n: u32) -> anyhow::Result<()> {
    anyhow::ensure!(
        settings.env != Environment::Production,
        "`huigui demo --scale` refuses to run with HUIGUI_ENV=production"
    );
    anyhow::ensure!((1..=1000).contains(&n), "--scale must be 1–1000");
    let state = build_state(settings).await?;
    let g = crate::scale::generate(&state, n, true).await?;
    println!(
        "scale {n}: {} persons under correction, {} held sessions, {} attendance rows, {} ledger entries, {} live sessions in {:.1} s",
        g.participants, g.sessions, g.enrollments, g.hours_entries, g.live_sessions, g.seconds
    );
    Ok(())
}

/// A published and a closed procurement with a bid from each NGO, and an active contract
/// of the first NGO with two payment milestones.
async fn demo_procurement<C: sea_orm::ConnectionTrait>(
    txn: &C,
    state: &crate::state::AppState,
    actor: &Actor,
    bureau_id: Uuid,
    officer_id: Uuid,
    ngos: [Uuid; 2],
) -> anyhow::Result<entity::contract::Model> {
    use chrono::{Datelike, Duration, NaiveDate};
    let now = state.clock.now();
    let year = state.clock.today(state.settings.tz()).year() + 1;
    let day = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap_or_default();
    let kpis = serde_json::json!([
        {"metric": "sessions_education", "target": 24.0, "weight": 40},
        {"metric": "attendance_rate", "target": 0.9, "weight": 30},
        {"metric": "public_welfare_hours", "target": 2000.0, "weight": 30}
    ]);
    // One procurement still taking bids, and one whose deadline has passed:
    // closed, its two bids waiting for the evaluators' scores.
    let open = [
        (
            format!("{year}年度社区矫正对象集中教育与公益活动服务"),
            now + Duration::days(30),
            "published",
        ),
        (
            format!("{year}年度社区矫正对象职业技能培训服务"),
            now - Duration::days(2),
            "closed",
        ),
    ];
    let mut first = None;
    for (title, deadline, status) in open {
        let p = store::procurements::insert_procurement(
            txn,
            entity::procurement::Model {
                id: Uuid::now_v7(),
                bureau_id,
                title,
                description: "面向全县社区矫正对象的集中教育、心理辅导与公益活动组织".into(),
                categories: r#"["education","group_counseling","public_welfare"]"#.into(),
                budget_fen: 60_000_000,
                service_start: day(1, 1),
                service_end: day(12, 31),
                bid_deadline: deadline,
                kpi_template: kpis.to_string(),
                criteria: r#"[{"name":"服务方案","weight":50},{"name":"团队资质","weight":30},{"name":"报价","weight":20}]"#.into(),
                status: status.into(),
                awarded_bid_id: None,
                award_reason: None,
                awarded_at: None,
                contract_id: None,
                created_by: officer_id,
                version: 1,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        for (ngo, price) in ngos.into_iter().zip([55_000_000, 58_000_000]) {
            store::procurements::insert_bid(
                txn,
                entity::bid::Model {
                    id: Uuid::now_v7(),
                    procurement_id: p.id,
                    ngo_id: ngo,
                    price_fen: price,
                    proposal: "每月两次集中教育、每季度团体辅导、每月公益活动".into(),
                    planned_kpis: r#"[{"metric":"sessions_education","target":24.0}]"#.into(),
                    status: "submitted".into(),
                    created_by: officer_id,
                    created_at: now,
                    updated_at: now,
                },
            )
            .await?;
        }
        first.get_or_insert(p.id);
    }
    // The contract in force runs this calendar year (the procurements buy next year's services).
    let this_year = |m, d| NaiveDate::from_ymd_opt(year - 1, m, d).unwrap_or_default();
    let officer = crate::auth::authz::UserCaller {
        user_id: officer_id,
        org_id: bureau_id,
        org_kind: OrgKind::Bureau,
        role: Role::Officer,
    };
    let new = app::contracts::NewContract {
        title: "社区矫正对象心理辅导服务（单一来源）".into(),
        procurement_id: None,
        bid_id: None,
        ngo_id: ngos[0],
        categories: r#"["group_counseling","individual_counseling"]"#.into(),
        amount_fen: 20_000_000,
        start_date: this_year(1, 1),
        end_date: this_year(12, 31),
        multi_year: false,
        multi_year_reason: None,
        kpis: r#"[{"metric":"counseling_cases","target":60.0,"weight":60},{"metric":"satisfaction","target":4.5,"weight":40}]"#.into(),
        payment_rule: crate::domain::contract::default_payment_rule(),
        awarded_at: None,
    };
    let c = app::contracts::create(txn, state, actor, &officer, new, Vec::new()).await?;
    for (name, due, amount) in [
        ("上半年服务款", this_year(6, 30), 10_000_000),
        ("下半年服务款", this_year(12, 31), 10_000_000),
    ] {
        let milestone = app::contracts::NewMilestone {
            name: name.into(),
            due_date: due,
            amount_fen: amount,
            min_score: 70,
        };
        app::contracts::add_milestone(txn, state, actor, &officer, c.id, milestone, Vec::new())
            .await?;
    }
    let sign = crate::domain::contract::ContractAction::Sign;
    let c = app::contracts::transition(txn, state, actor, c, sign, None).await?;
    store::audit::record(
        txn,
        actor,
        "demo.procurement",
        "procurement",
        first.map(|id| id.to_string()),
        json!({"contract_id": c.id, "procurements": 2, "bids": 4, "milestones": 2}),
    )
    .await?;
    Ok(c)
}

/// Persons under correction of the first office, three held sessions of the
/// demo contract (attendance, outcomes, ledger hours), one session happening
/// now (started 30 minutes ago, with its geofence: check-in examples run on
/// it as written) and one upcoming session.
async fn demo_delivery<C: sea_orm::ConnectionTrait>(
    txn: &C,
    state: &crate::state::AppState,
    actor: &Actor,
    contract: &entity::contract::Model,
    office_id: Uuid,
    office_staff_id: Uuid,
    ngo_staff_id: Uuid,
) -> anyhow::Result<Vec<Uuid>> {
    use crate::app::participants::{NewParticipant, registration};
    use chrono::{Duration, DurationRound, NaiveDate, TimeZone, Utc};
    let now = state.clock.now();
    let office = crate::auth::authz::UserCaller {
        user_id: office_staff_id,
        org_id: office_id,
        org_kind: OrgKind::JudicialOffice,
        role: Role::OfficeStaff,
    };
    let people = [
        ("王建国", "19780312", "probation", "ordinary"),
        ("李秀英", "19850721", "parole", "strict"),
        ("张伟", "19920105", "probation", "lenient"),
        ("刘芳", "19880930", "control", "ordinary"),
        ("陈强", "19700418", "medical_parole", "ordinary"),
        ("杨磊", "19950611", "probation", "strict"),
        ("赵敏", "19830227", "probation", "lenient"),
        ("小周", "20100815", "probation", "ordinary"),
    ];
    let today = state.clock.today(state.settings.tz());
    let mut ids = Vec::new();
    for (i, (name, birth, ct, level)) in people.into_iter().enumerate() {
        let number =
            crate::domain::id_number::IdNumber::complete(&format!("142327{birth}{:03}", 101 + i))
                .map_err(|e| anyhow::anyhow!("demo ID number: {e}"))?;
        let new = NewParticipant {
            subject: true,
            name: name.into(),
            id_number: Some(number),
            id_number_given: true,
            correction_type: Some(ct.into()),
            supervision_level: Some(level.into()),
            correction_start: Some(today - Duration::days(120)),
            correction_end: Some(today + Duration::days(240 + 30 * i as i64)),
            skills: vec!["种植".into()],
            able_to_work: true,
            ..Default::default()
        };
        let (m, broken) = registration(state, &office, &new, now)?;
        if let Some(e) = broken.first() {
            anyhow::bail!("demo person {name}: {} {}", e.field, e.message);
        }
        ids.push(store::participants::insert(txn, m).await?.id);
    }
    let local_2pm = |d: NaiveDate| {
        state
            .settings
            .tz()
            .from_local_datetime(&d.and_hms_opt(14, 0, 0).unwrap_or_default())
            .single()
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or(now)
    };
    let plan = [
        (-14, "group_counseling", "团体心理辅导：情绪管理"),
        (-7, "individual_counseling", "个别心理辅导"),
        (-3, "group_counseling", "团体心理辅导：家庭关系"),
        (0, "group_counseling", "团体心理辅导：压力管理（进行中）"),
        (5, "group_counseling", "团体心理辅导：就业准备"),
    ];
    for (k, (offset, kind, title)) in plan.into_iter().enumerate() {
        // Offset 0 is the session under way: it began half an hour ago.
        let starts_at = if offset == 0 {
            now.duration_trunc(Duration::minutes(1)).unwrap_or(now) - Duration::minutes(30)
        } else {
            local_2pm(today + Duration::days(offset))
        };
        let s = store::sessions::insert(
            txn,
            entity::session::Model {
                id: Uuid::now_v7(),
                contract_id: contract.id,
                ngo_id: contract.ngo_id,
                session_type: kind.into(),
                title: title.into(),
                starts_at,
                ends_at: starts_at + Duration::hours(2),
                location: "凤城镇司法所活动室".into(),
                latitude_e6: Some(37_430_000),
                longitude_e6: Some(112_030_000),
                radius_m: Some(300),
                capacity: 20,
                facilitator: "阳光社工 李老师".into(),
                credit_hours_x100: 200,
                status: "scheduled".into(),
                created_by: ngo_staff_id,
                version: 1,
                created_at: now,
                updated_at: now,
            },
        )
        .await?;
        for (i, pid) in ids.iter().enumerate() {
            store::sessions::insert_enrollment(
                txn,
                entity::enrollment::Model {
                    id: Uuid::now_v7(),
                    session_id: s.id,
                    participant_id: *pid,
                    enrolled_by: office_staff_id,
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
                },
            )
            .await?;
            if offset >= 0 {
                continue;
            }
            // Most attend; some are late without checking out; some do not come.
            let events: &[(&str, i64)] = match (i + k) % 5 {
                0 => &[],
                1 => &[("check_in", 20)],
                _ => &[("check_in", -5), ("check_out", 121)],
            };
            for (kind, minutes) in events {
                let at = starts_at + Duration::minutes(*minutes);
                store::sessions::insert_event(
                    txn,
                    entity::attendance_event::Model {
                        id: Uuid::now_v7(),
                        session_id: s.id,
                        participant_id: *pid,
                        client_event_id: None,
                        kind: (*kind).into(),
                        at,
                        source: "staff".into(),
                        recorded_at: at,
                        recorded_by: ngo_staff_id,
                    },
                )
                .await?;
            }
        }
        if offset < 0 {
            crate::app::sessions::finalize_session(txn, state, s, ngo_staff_id, actor).await?;
        }
    }
    store::audit::record(
        txn,
        actor,
        "demo.delivery",
        "contract",
        Some(contract.id.to_string()),
        json!({"participants": ids.len(), "sessions": plan.len()}),
    )
    .await?;
    Ok(ids)
}
