//! Procuratorate supervision (检察监督, 即知即改): the auditor records a
//! finding addressed to a judicial office, the bureau or an NGO — optionally
//! about a person, session, contract or audit event — with a rectification
//! deadline; the addressed organisation is mailed and answers with what it
//! rectified; the auditor closes it or reopens it. Overdue findings are
//! reminded once a day and counted in the statistics.
//!
//! Depends on `domain`, `store` and `mail`; called by the findings
//! handlers and the `finding_reminders` job.

use chrono::NaiveDate;
use entity::finding;
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        collaboration::{FindingAction, FindingStatus, SubjectKind},
        roles::OrgKind,
    },
    error::{ApiError, ApiResult, FieldError, stored},
    mail::{self, templates},
    state::AppState,
    store::{
        self,
        audit::{self, Actor},
    },
};

/// A finding as the auditor records it.
pub struct NewFinding {
    pub organization_id: Uuid,
    pub subject: SubjectKind,
    pub subject_id: Option<Uuid>,
    pub description: String,
    pub rectify_by: NaiveDate,
}

/// What is wrong with a finding's addressee and subject: the addressee is a
/// judicial office, the bureau or an NGO; the subject, when it names a
/// record, names one that exists.
async fn problems<C: ConnectionTrait>(
    conn: &C,
    new: &NewFinding,
    today: NaiveDate,
) -> ApiResult<(Option<Uuid>, Vec<FieldError>)> {
    let mut out = Vec::new();
    let addressee = store::organizations::find(conn, new.organization_id).await?;
    let bureau = match &addressee {
        Some(o) if o.kind == OrgKind::Bureau.as_str() => Some(o.id),
        Some(o) if o.kind == OrgKind::JudicialOffice.as_str() => o.parent_id,
        Some(o) if o.kind == OrgKind::Ngo.as_str() => {
            store::organizations::of_kind(conn, OrgKind::Bureau)
                .await?
                .first()
                .copied()
        }
        _ => {
            out.push(FieldError::new(
                "organization_id",
                "must be a judicial office, the bureau or an NGO",
            ));
            None
        }
    };
    match (new.subject.needs_id(), new.subject_id) {
        (true, None) => out.push(FieldError::new("subject.id", "is required for this kind")),
        (false, Some(_)) => out.push(FieldError::new("subject.id", "must be absent for none")),
        (true, Some(id)) => {
            if !store::findings::subject_exists(conn, new.subject, id).await? {
                out.push(FieldError::new("subject.id", "no such record"));
            }
        }
        (false, None) => {}
    }
    if new.rectify_by < today {
        out.push(FieldError::new("rectify_by", "must not be in the past"));
    }
    Ok((bureau, out))
}

/// Records a finding (the auditor's only write) and mails the addressed
/// organisation. `broken` are the caller's field errors.
pub async fn record<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    new: NewFinding,
    mut broken: Vec<FieldError>,
) -> ApiResult<finding::Model> {
    let today = state.clock.today(state.settings.tz());
    let (bureau, more) = problems(txn, &new, today).await?;
    broken.extend(more);
    let Some(bureau_id) = bureau.filter(|_| broken.is_empty()) else {
        return Err(ApiError::Validation(broken));
    };
    let now = state.clock.now();
    let row = finding::Model {
        id: Uuid::now_v7(),
        bureau_id,
        organization_id: new.organization_id,
        subject_kind: new.subject.as_str().into(),
        subject_id: new.subject_id,
        description: new.description,
        rectify_by: new.rectify_by,
        status: FindingStatus::Open.as_str().into(),
        rectification: None,
        responded_by: None,
        responded_at: None,
        closed_at: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let f = store::findings::insert(txn, row).await?;
    let detail = json!({"organization_id": f.organization_id, "subject_kind": f.subject_kind, "rectify_by": f.rectify_by});
    audit::record(
        txn,
        actor,
        "finding.create",
        "finding",
        Some(f.id.to_string()),
        detail,
    )
    .await?;
    notify(txn, state, &f, false).await?;
    Ok(f)
}

async fn notify<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    f: &finding::Model,
    overdue: bool,
) -> ApiResult<()> {
    let to = mail::recipients_of(txn, f.organization_id).await?;
    let link = mail::link(state, &format!("/api/v1/findings/{}", f.id));
    let m = templates::finding(overdue, &f.rectify_by.to_string(), link);
    mail::enqueue(txn, state, &to, &m).await
}

/// What the finding's next step carries.
pub enum Step {
    /// The addressed organisation says what it rectified.
    Respond(String),
    /// The auditor accepts the rectification and closes the finding.
    Accept,
    /// The auditor reopens it, optionally with a new deadline.
    Reopen(Option<NaiveDate>),
}

/// Moves a finding the caller sees along its life. Only the addressed
/// organisation responds (403 for others who see it, such as the bureau
/// for an office's finding); accepting and reopening are the auditor's,
/// which the permission already says.
pub async fn step<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    step: Step,
) -> ApiResult<finding::Model> {
    let now = state.clock.now();
    let mut f = store::findings::get(txn, caller, id).await?;
    let action = match &step {
        Step::Respond(_) => FindingAction::Respond,
        Step::Accept => FindingAction::Accept,
        Step::Reopen(_) => FindingAction::Reopen,
    };
    if action == FindingAction::Respond && f.organization_id != caller.org_id {
        return Err(ApiError::Forbidden);
    }
    let next = stored::<FindingStatus>(&f.status)?
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    match step {
        Step::Respond(text) => {
            f.rectification = Some(text);
            f.responded_by = Some(caller.user_id);
            f.responded_at = Some(now);
        }
        Step::Accept => f.closed_at = Some(now),
        Step::Reopen(by) => {
            let today = state.clock.today(state.settings.tz());
            if by.is_some_and(|d| d < today) {
                return Err(ApiError::field("rectify_by", "must not be in the past"));
            }
            f.rectify_by = by.unwrap_or(f.rectify_by);
            f.closed_at = None;
        }
    }
    f.status = next.as_str().into();
    let f = store::findings::save(txn, f, now).await?;
    let verb = match action {
        FindingAction::Respond => "finding.respond",
        FindingAction::Accept => "finding.accept",
        FindingAction::Reopen => "finding.reopen",
    };
    let detail = json!({"status": f.status, "rectify_by": f.rectify_by});
    audit::record(txn, actor, verb, "finding", Some(f.id.to_string()), detail).await?;
    if action == FindingAction::Reopen {
        notify(txn, state, &f, false).await?;
    }
    Ok(f)
}

/// The `finding_reminders` job: each open finding past its deadline is
/// reminded to its organisation once a day.
pub async fn reminders(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    let txn = state.db.begin().await?;
    let now = state.clock.now();
    let mut sent = 0;
    for f in store::findings::overdue(&txn, today).await? {
        if store::outbox::mark_once(&txn, &format!("finding:{}:{today}", f.id), now).await? {
            notify(&txn, state, &f, true).await?;
            sent += 1;
        }
    }
    txn.commit().await?;
    Ok(sent)
}
