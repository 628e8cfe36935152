//! The demo's multi-agency collaboration: a county joint meeting (two
//! decisions, three tasks, one of them overdue), a township meeting, two
//! procuratorate findings (one answered, one overdue), and two assistance
//! notices to the first people's village committee (one acknowledged,
//! one pending), a correction team and a two-version plan — written through the
//! use cases, except what only history can make (a finding whose deadline
//! has already passed, which `app::findings::record` rightly refuses).

use chrono::Duration;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    app::{
        findings::{self, NewFinding, Step},
        meetings::{self, NewItem, NewMeeting, NewTask},
        notices,
        participants::{self, ParticipantChanges},
        plans::{self, NewPlan},
        teams,
    },
    auth::authz::UserCaller,
    domain::{
        collaboration::{FindingStatus, MeetingAction, SubjectKind, TeamMember},
        hours::{Month, Requirement},
        plan::SessionGoal,
    },
    state::AppState,
    store::{self, audit::Actor},
};

/// Who acts in the demo's collaboration.
pub(super) struct Cast {
    pub officer: UserCaller,
    pub office: UserCaller,
    pub police: UserCaller,
    /// The village committee's staff.
    pub committee: UserCaller,
    pub auditor: UserCaller,
    /// The first NGO.
    pub ngo: Uuid,
    /// The office's persons under correction.
    pub people: Vec<Uuid>,
}

pub(super) async fn load<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
) -> anyhow::Result<()> {
    county_meeting(txn, state, actor, cast).await?;
    township_meeting(txn, state, actor, cast).await?;
    demo_findings(txn, state, actor, cast).await?;
    demo_notices(txn, state, actor, cast).await?;
    demo_team(txn, state, actor, cast).await
}

/// 李秀英's correction team: office staff, a woman of her village committee
/// (Art. 25), the NGO's social worker and her husband.
async fn demo_team<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
) -> anyhow::Result<()> {
    let Some(person) = cast.people.get(1).copied() else {
        return Ok(());
    };
    let member =
        |name: &str, role: &str, org: Option<Uuid>, gender: &str, phone: Option<&str>| TeamMember {
            name: name.into(),
            role: role.into(),
            organization_id: org,
            gender: gender.into(),
            phone: phone.map(str::to_string),
        };
    let members = vec![
        member(
            "赵所长",
            "office_staff",
            Some(cast.office.org_id),
            "male",
            Some("0358-3022001"),
        ),
        member(
            "王桂兰",
            "village_committee",
            Some(cast.committee.org_id),
            "female",
            Some("13935800001"),
        ),
        member("刘社工", "ngo_worker", Some(cast.ngo), "female", None),
        member("张建军", "family", None, "male", Some("13935800002")),
    ];
    let first = |_| Ok(());
    teams::put(
        txn,
        state,
        actor,
        &cast.office,
        person,
        members,
        Vec::new(),
        first,
    )
    .await?;
    demo_plan(txn, state, actor, cast, person).await
}

/// Her individual plan in two versions: the intake plan from the first of
/// the month, and from today more counseling after a change at home.
async fn demo_plan<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
    person: Uuid,
) -> anyhow::Result<()> {
    let today = state.clock.today(state.settings.tz());
    let goal = |t: &str, n: i32| SessionGoal {
        session_type: t.into(),
        per_month: n,
    };
    let hours = |h: i64| Requirement {
        education_x100: h * 100,
        public_welfare_x100: h * 100,
    };
    let versions = [
        NewPlan {
            effective_from: Month::of(today).first_day(),
            reason: "入矫评估：初次犯罪，认罪悔罪，家庭支持较好".into(),
            monthly_hours: Some(hours(6)),
            session_goals: vec![goal("education", 2), goal("individual_counseling", 1)],
            notes: "丈夫在外务工，每月回家一次；可安排周末活动".into(),
        },
        NewPlan {
            effective_from: today,
            reason: "家庭变故（丈夫住院），情绪波动：增加个别心理辅导，公益时长酌减".into(),
            monthly_hours: Some(hours(4)),
            session_goals: vec![goal("education", 1), goal("individual_counseling", 2)],
            notes: "每周电话回访一次；村委会协助照看子女".into(),
        },
    ];
    for v in versions {
        plans::add(txn, state, actor, &cast.office, person, v, Vec::new()).await?;
    }
    Ok(())
}

/// The first two people live in the committee's village: a notice about
/// each, the first acknowledged.
async fn demo_notices<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
) -> anyhow::Result<()> {
    let ids: Vec<Uuid> = cast.people.iter().take(2).copied().collect();
    let people = store::participants::by_ids(txn, &ids).await?;
    let mut notices = Vec::new();
    for id in ids {
        let Some(p) = people.get(&id).cloned() else {
            continue;
        };
        let changes = ParticipantChanges {
            village_committee_id: Some(Some(cast.committee.org_id)),
            ..Default::default()
        };
        participants::update(txn, state, actor, p, changes, Vec::new()).await?;
        let duties = "协助掌握社区矫正对象的日常表现和家庭情况，发现异常及时报告司法所；协助开展社区服务与帮扶。";
        let n = notices::issue(
            txn,
            state,
            actor,
            &cast.office,
            id,
            duties.into(),
            Vec::new(),
        )
        .await?;
        notices.push(n.id);
    }
    if let Some(first) = notices.first() {
        notices::acknowledge(txn, state, actor, &cast.committee, *first).await?;
    }
    Ok(())
}

/// Held twenty days ago and closed: a change of the place of execution and
/// an assistance case decided; tasks for the office (overdue), the police
/// station (done) and the NGO (due in ten days).
async fn county_meeting<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
) -> anyhow::Result<()> {
    let today = state.clock.today(state.settings.tz());
    let new = NewMeeting {
        level: "county",
        convener_id: None,
        title: "文水县社区矫正工作“1+N”联席会议".into(),
        held_on: today - Duration::days(20),
        organization_ids: vec![
            cast.office.org_id,
            cast.police.org_id,
            cast.auditor.org_id,
            cast.ngo,
        ],
    };
    let officer = &cast.officer;
    let (m, _) = meetings::convene(txn, state, actor, officer, new, Vec::new()).await?;
    let items = [
        (
            "place_of_execution",
            cast.people.first().copied(),
            "对象申请将执行地变更至邻县务工地，司法所已完成调查评估。",
            "同意变更，由凤城镇司法所十日内办理交接。",
        ),
        (
            "assistance",
            cast.people.get(1).copied(),
            "对象家庭困难，子女就学需要帮扶。",
            "由社会组织开展个案帮扶，派出所配合走访。",
        ),
    ];
    let mut item_ids = Vec::new();
    for (topic, person, discussion, decision) in items {
        let item = NewItem {
            topic,
            participant_id: person,
            discussion: discussion.into(),
            decision: decision.into(),
        };
        item_ids.push(
            meetings::add_item(txn, state, actor, officer, m.id, item, Vec::new())
                .await?
                .id,
        );
    }
    let tasks = [
        (
            item_ids[0],
            cast.office.org_id,
            "办理执行地变更交接手续",
            10,
        ),
        (item_ids[1], cast.police.org_id, "配合走访对象家庭", 15),
        (item_ids[1], cast.ngo, "制定并实施个案帮扶计划", 30),
    ];
    let mut task_ids = Vec::new();
    for (item, owner, description, due) in tasks {
        let task = NewTask {
            item_id: Some(item),
            owner_id: owner,
            description: description.into(),
            due_on: m.held_on + Duration::days(due),
        };
        task_ids.push(
            meetings::add_task(txn, state, actor, officer, m.id, task, Vec::new())
                .await?
                .id,
        );
    }
    meetings::step(txn, state, actor, officer, m.id, MeetingAction::Hold).await?;
    meetings::step(txn, state, actor, officer, m.id, MeetingAction::Close).await?;
    let result = "已会同社区民警入户走访，家庭情况已登记。".to_string();
    meetings::complete(txn, state, actor, &cast.police, task_ids[1], result).await?;
    Ok(())
}

/// A township meeting of the first office three days ago, still open.
async fn township_meeting<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
) -> anyhow::Result<()> {
    let today = state.clock.today(state.settings.tz());
    let new = NewMeeting {
        level: "township",
        convener_id: None,
        title: "凤城镇社区矫正工作联席会议".into(),
        held_on: today - Duration::days(3),
        organization_ids: vec![cast.police.org_id, cast.ngo],
    };
    let office = &cast.office;
    let (m, _) = meetings::convene(txn, state, actor, office, new, Vec::new()).await?;
    let item = NewItem {
        topic: "supervision",
        participant_id: None,
        discussion: "通报本月报到与教育学习情况，两名对象时长落后。".into(),
        decision: "由社会组织加开两期集中教育，司法所每周电话提醒。".into(),
    };
    meetings::add_item(txn, state, actor, office, m.id, item, Vec::new()).await?;
    meetings::step(txn, state, actor, office, m.id, MeetingAction::Hold).await?;
    Ok(())
}

/// One finding the office has answered, one the NGO left past its deadline.
async fn demo_findings<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    cast: &Cast,
) -> anyhow::Result<()> {
    let today = state.clock.today(state.settings.tz());
    let answered = NewFinding {
        organization_id: cast.office.org_id,
        subject: SubjectKind::Participant,
        subject_id: cast.people.first().copied(),
        description: "对象报到记录缺少两次签到凭证，请核实补正并说明原因。".into(),
        rectify_by: today + Duration::days(10),
    };
    let f = findings::record(txn, state, actor, &cast.auditor, answered, Vec::new()).await?;
    let reply = "已调取活动签到记录补正，并对经办人员开展培训。".to_string();
    findings::step(txn, state, actor, &cast.office, f.id, Step::Respond(reply)).await?;
    // Recorded twenty days ago with ten days to rectify: overdue now.
    let recorded = state.clock.now() - Duration::days(20);
    let overdue = entity::finding::Model {
        id: Uuid::now_v7(),
        bureau_id: cast.officer.org_id,
        organization_id: cast.ngo,
        subject_kind: SubjectKind::None.as_str().into(),
        subject_id: None,
        description: "个案帮扶服务台账不完整，部分走访无记录。".into(),
        rectify_by: today - Duration::days(10),
        status: FindingStatus::Open.as_str().into(),
        rectification: None,
        responded_by: None,
        responded_at: None,
        closed_at: None,
        created_by: cast.auditor.user_id,
        version: 1,
        created_at: recorded,
        updated_at: recorded,
    };
    let f = store::findings::insert(txn, overdue).await?;
    let detail =
        json!({"organization_id": f.organization_id, "rectify_by": f.rectify_by, "demo": true});
    store::audit::record(
        txn,
        actor,
        "finding.create",
        "finding",
        Some(f.id.to_string()),
        detail,
    )
    .await?;
    Ok(())
}
