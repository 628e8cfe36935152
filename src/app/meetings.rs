//! Joint meetings (联席会议): the bureau convenes county "1+N" meetings, a
//! judicial office township meetings, with the organisations taking part;
//! the convener records agenda items (discussion, decision, optionally about
//! a person) and follow-up tasks owned by one participating organisation;
//! holds, then closes the meeting (minutes frozen: later edits 409). Task
//! owners complete their tasks with a result; overdue tasks are reminded to
//! the owner once a day.
//!
//! Depends on `domain`, `store` and `mail`; called by the meetings handlers
//! and the `task_reminders` job.

use std::collections::HashMap;

use chrono::NaiveDate;
use entity::{meeting, meeting_item, meeting_task};
use sea_orm::ConnectionTrait;
use serde_json::json;
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        collaboration::{MeetingAction, MeetingStatus, TaskAction, TaskStatus},
        disclosure::Disclosure,
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

/// A meeting as convened.
pub struct NewMeeting {
    /// `county` or `township`.
    pub level: &'static str,
    pub convener_id: Option<Uuid>,
    pub title: String,
    pub held_on: NaiveDate,
    pub organization_ids: Vec<Uuid>,
}

/// Convenes a meeting as the caller's organisation: a county meeting by the
/// bureau, a township meeting by a judicial office; the convener takes part
/// with every listed organisation (each must exist). `broken` are the
/// caller's field errors.
pub async fn convene<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    new: NewMeeting,
    mut broken: Vec<FieldError>,
) -> ApiResult<(meeting::Model, Vec<Uuid>)> {
    let convener = new.convener_id.unwrap_or(caller.org_id);
    if convener != caller.org_id {
        broken.push(FieldError::new(
            "convener_id",
            "must be your own organisation",
        ));
    }
    let (expected, bureau) = match caller.org_kind {
        OrgKind::Bureau => ("county", Some(caller.org_id)),
        OrgKind::JudicialOffice => (
            "township",
            store::organizations::find(txn, caller.org_id)
                .await?
                .and_then(|o| o.parent_id),
        ),
        _ => ("", None),
    };
    if new.level != expected {
        broken.push(FieldError::new(
            "level",
            "a county meeting is convened by the bureau, a township meeting by a judicial office",
        ));
    }
    let mut members = vec![caller.org_id];
    let known = store::organizations::by_ids(txn, &new.organization_ids).await?;
    for (i, id) in new.organization_ids.iter().enumerate() {
        if !known.contains_key(id) {
            broken.push(FieldError::new(
                format!("organization_ids[{i}]"),
                "no such organisation",
            ));
        } else if !members.contains(id) {
            members.push(*id);
        }
    }
    let Some(bureau_id) = bureau.filter(|_| broken.is_empty()) else {
        return Err(ApiError::Validation(broken));
    };
    let now = state.clock.now();
    let row = meeting::Model {
        id: Uuid::now_v7(),
        bureau_id,
        level: new.level.into(),
        convener_id: convener,
        title: new.title,
        held_on: new.held_on,
        status: MeetingStatus::Planned.as_str().into(),
        held_at: None,
        closed_at: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let m = store::meetings::insert(txn, row, &members).await?;
    let detail = json!({"level": m.level, "organizations": members.len()});
    audit::record(
        txn,
        actor,
        "meeting.create",
        "meeting",
        Some(m.id.to_string()),
        detail,
    )
    .await?;
    Ok((m, members))
}

/// A meeting the caller sees, that the caller's organisation convened (403
/// for the others taking part) and whose minutes are still open (409 once closed).
async fn editable<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> ApiResult<meeting::Model> {
    let m = store::meetings::get(conn, caller, id).await?;
    if m.convener_id != caller.org_id {
        return Err(ApiError::Forbidden);
    }
    if !stored::<MeetingStatus>(&m.status)?.editable() {
        return Err(ApiError::InvalidTransition(
            "the meeting is closed: its minutes are frozen".into(),
        ));
    }
    Ok(m)
}

/// Changes to a meeting's title or day.
#[derive(Default)]
pub struct MeetingChanges {
    pub title: Option<String>,
    pub held_on: Option<NaiveDate>,
}

/// Edits a planned or held meeting the caller's organisation convened.
pub async fn update<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    changes: MeetingChanges,
) -> ApiResult<meeting::Model> {
    let mut m = editable(txn, caller, id).await?;
    m.title = changes.title.unwrap_or(m.title);
    m.held_on = changes.held_on.unwrap_or(m.held_on);
    let m = store::meetings::save(txn, m, state.clock.now()).await?;
    let detail = json!({"version": m.version});
    audit::record(
        txn,
        actor,
        "meeting.update",
        "meeting",
        Some(m.id.to_string()),
        detail,
    )
    .await?;
    Ok(m)
}

/// Holds, then closes a meeting the caller's organisation convened.
pub async fn step<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    action: MeetingAction,
) -> ApiResult<meeting::Model> {
    let now = state.clock.now();
    let mut m = store::meetings::get(txn, caller, id).await?;
    if m.convener_id != caller.org_id {
        return Err(ApiError::Forbidden);
    }
    let next = stored::<MeetingStatus>(&m.status)?
        .apply(action)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    match action {
        MeetingAction::Hold => m.held_at = Some(now),
        MeetingAction::Close => m.closed_at = Some(now),
    }
    m.status = next.as_str().into();
    let m = store::meetings::save(txn, m, now).await?;
    let verb = match action {
        MeetingAction::Hold => "meeting.hold",
        MeetingAction::Close => "meeting.close",
    };
    let detail = json!({"status": m.status});
    audit::record(txn, actor, verb, "meeting", Some(m.id.to_string()), detail).await?;
    Ok(m)
}

/// An agenda item as recorded.
pub struct NewItem {
    /// investigation_assessment, place_of_execution, medical_reexamination,
    /// custody, assistance, supervision or other.
    pub topic: &'static str,
    pub participant_id: Option<Uuid>,
    pub discussion: String,
    pub decision: String,
}

/// Records an agenda item of a meeting the caller's organisation convened
/// (not yet closed); a person it is about must be one the caller sees.
pub async fn add_item<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    meeting_id: Uuid,
    new: NewItem,
    mut broken: Vec<FieldError>,
) -> ApiResult<meeting_item::Model> {
    let m = editable(txn, caller, meeting_id).await?;
    if let Some(p) = new.participant_id {
        match store::participants::get(txn, caller, p).await {
            Ok(_) => {}
            Err(ApiError::NotFound) => {
                broken.push(FieldError::new("participant_id", "no such person of yours"))
            }
            Err(e) => return Err(e),
        }
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let row = meeting_item::Model {
        id: Uuid::now_v7(),
        meeting_id: m.id,
        topic: new.topic.into(),
        participant_id: new.participant_id,
        discussion: new.discussion,
        decision: new.decision,
        created_by: caller.user_id,
        created_at: state.clock.now(),
    };
    let item = store::meetings::insert_item(txn, row).await?;
    let detail = json!({"item_id": item.id, "topic": item.topic});
    audit::record(
        txn,
        actor,
        "meeting.item",
        "meeting",
        Some(m.id.to_string()),
        detail,
    )
    .await?;
    Ok(item)
}

/// What a meeting's reader may see of the people its items are about: the
/// code always; the name only where the caller sees the person in full (the
/// bureau, the person's own office).
pub async fn people_of<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    items: &[meeting_item::Model],
) -> ApiResult<HashMap<Uuid, (String, Option<String>)>> {
    let ids: Vec<Uuid> = items.iter().filter_map(|i| i.participant_id).collect();
    crate::app::participants::codes_and_names(conn, caller, &ids, |d| d == Disclosure::Full).await
}

/// A follow-up task as handed out.
pub struct NewTask {
    pub item_id: Option<Uuid>,
    pub owner_id: Uuid,
    pub description: String,
    pub due_on: NaiveDate,
}

/// Hands a task to one organisation taking part in a meeting the caller's
/// organisation convened (not yet closed), due no earlier than the meeting.
pub async fn add_task<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    meeting_id: Uuid,
    new: NewTask,
    mut broken: Vec<FieldError>,
) -> ApiResult<meeting_task::Model> {
    let m = editable(txn, caller, meeting_id).await?;
    let members = store::meetings::members_of(txn, &[m.id]).await?;
    if !members
        .get(&m.id)
        .is_some_and(|o| o.contains(&new.owner_id))
    {
        broken.push(FieldError::new(
            "owner_id",
            "must be an organisation taking part in the meeting",
        ));
    }
    if let Some(item) = new.item_id
        && store::meetings::item_of(txn, m.id, item).await?.is_none()
    {
        broken.push(FieldError::new("item_id", "no such item of this meeting"));
    }
    if new.due_on < m.held_on {
        broken.push(FieldError::new("due_on", "must not be before the meeting"));
    }
    if !broken.is_empty() {
        return Err(ApiError::Validation(broken));
    }
    let now = state.clock.now();
    let row = meeting_task::Model {
        id: Uuid::now_v7(),
        meeting_id: m.id,
        item_id: new.item_id,
        owner_id: new.owner_id,
        description: new.description,
        due_on: new.due_on,
        status: TaskStatus::Open.as_str().into(),
        result: None,
        completed_by: None,
        completed_at: None,
        created_by: caller.user_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let t = store::meetings::insert_task(txn, row).await?;
    let detail = json!({"meeting_id": m.id, "owner_id": t.owner_id, "due_on": t.due_on});
    audit::record(
        txn,
        actor,
        "task.create",
        "task",
        Some(t.id.to_string()),
        detail,
    )
    .await?;
    Ok(t)
}

/// The owner completes its task with the result (403 for the bureau or the
/// procuratorate looking at someone else's task; 409 when already done).
pub async fn complete<C: ConnectionTrait>(
    txn: &C,
    state: &AppState,
    actor: &Actor,
    caller: &UserCaller,
    id: Uuid,
    result: String,
) -> ApiResult<meeting_task::Model> {
    let now = state.clock.now();
    let mut t = store::meetings::get_task(txn, caller, id).await?;
    if t.owner_id != caller.org_id {
        return Err(ApiError::Forbidden);
    }
    let next = stored::<TaskStatus>(&t.status)?
        .apply(TaskAction::Complete)
        .map_err(|e| ApiError::InvalidTransition(e.to_string()))?;
    t.status = next.as_str().into();
    t.result = Some(result);
    t.completed_by = Some(caller.user_id);
    t.completed_at = Some(now);
    let t = store::meetings::save_task(txn, t, now).await?;
    audit::record(
        txn,
        actor,
        "task.complete",
        "task",
        Some(t.id.to_string()),
        json!({}),
    )
    .await?;
    Ok(t)
}

/// The `task_reminders` job: each open task past its day is reminded to its
/// owner once a day.
pub async fn reminders(state: &AppState) -> ApiResult<usize> {
    let today = state.clock.today(state.settings.tz());
    let txn = state.db.begin().await?;
    let now = state.clock.now();
    let mut sent = 0;
    for t in store::meetings::overdue_tasks(&txn, today).await? {
        if !store::outbox::mark_once(&txn, &format!("task:{}:{today}", t.id), now).await? {
            continue;
        }
        let to = mail::recipients_of(&txn, t.owner_id).await?;
        let link = mail::link(state, "/api/v1/tasks?overdue=true");
        let m = templates::task_overdue(&t.due_on.to_string(), link);
        mail::enqueue(&txn, state, &to, &m).await?;
        sent += 1;
    }
    txn.commit().await?;
    Ok(sent)
}
