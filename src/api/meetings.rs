//! `/api/v1/meetings` and `/api/v1/tasks`: joint meetings (联席会议) with
//! their participants, agenda items and follow-up tasks.

use chrono::{DateTime, NaiveDate, Utc};
use poem_openapi::{
    Enum, Object, OpenApi,
    param::{Header, Path, Query},
    payload::Json,
};
use uuid::Uuid;

use crate::{
    api::{
        ApiTags, Created, Ctx, Page, Versioned, check_if_match, etag,
        text::{Cursor, Prose},
        types::{Check, IdempotencyKey, Text, api_enum, stored},
    },
    app::{self, meetings::NewMeeting},
    auth::{authz::Permission, scheme::BearerAuth},
    domain::collaboration::{MeetingAction, MeetingStatus, TaskStatus, task_overdue},
    error::{ApiResult, FieldError},
    store::{
        self,
        meetings::{MeetingFilter, TaskFilter},
        page::PageRequest,
    },
};

api_enum!(
    /// A county "1+N" meeting (convened by the bureau) or a township meeting (by a judicial office).
    MeetingLevel {
        County = "county",
        Township = "township",
    }
);

api_enum!(
    /// A meeting's status: its minutes change until it is `closed`.
    MeetingState <=> MeetingStatus {
        Planned = "planned",
        Held = "held",
        Closed = "closed",
    }
);

api_enum!(
    /// What an agenda item is about: 调查评估, 执行地变更, 病情复查, 收监, 帮扶, 监管, other.
    AgendaTopic {
        InvestigationAssessment = "investigation_assessment",
        PlaceOfExecution = "place_of_execution",
        MedicalReexamination = "medical_reexamination",
        Custody = "custody",
        Assistance = "assistance",
        Supervision = "supervision",
        Other = "other",
    }
);

api_enum!(
    /// A task's status (`overdue` is derived: open past `due_on`).
    TaskState <=> TaskStatus {
        Open = "open",
        Done = "done",
    }
);

/// A joint meeting.
#[derive(Object)]
pub struct Meeting {
    pub id: Uuid,
    pub level: MeetingLevel,
    /// The convening organisation.
    pub convener_id: Uuid,
    pub title: String,
    pub held_on: NaiveDate,
    pub status: MeetingState,
    /// Every organisation taking part (the convener included).
    pub organization_ids: Vec<Uuid>,
    #[oai(nullable)]
    pub held_at: Option<DateTime<Utc>>,
    #[oai(nullable)]
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Meeting {
    fn from_model(m: entity::meeting::Model, organization_ids: Vec<Uuid>) -> ApiResult<Self> {
        let status: MeetingStatus = stored(&m.status)?;
        Ok(Self {
            id: m.id,
            level: if m.level == "county" {
                MeetingLevel::County
            } else {
                MeetingLevel::Township
            },
            convener_id: m.convener_id,
            title: m.title,
            held_on: m.held_on,
            status: status.into(),
            organization_ids,
            held_at: m.held_at,
            closed_at: m.closed_at,
            version: m.version,
            created_at: m.created_at,
            updated_at: m.updated_at,
        })
    }
}

/// A new meeting.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateMeeting {
    pub level: MeetingLevel,
    /// Your own organisation (the default).
    #[oai(nullable)]
    pub convener_id: Option<Uuid>,
    pub title: Text<200>,
    pub held_on: NaiveDate,
    /// The other organisations taking part.
    #[oai(validator(max_items = 50))]
    pub organization_ids: Vec<Uuid>,
}

/// Changes to a planned or held meeting; absent fields stay. Honours `If-Match`.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct UpdateMeeting {
    #[oai(nullable)]
    pub title: Option<Text<200>>,
    #[oai(nullable)]
    pub held_on: Option<NaiveDate>,
}

/// The person an item is about: the code always, the name only for the bureau and the person's office.
#[derive(Object)]
pub struct ItemPerson {
    pub id: Uuid,
    pub code: String,
    #[oai(skip_serializing_if_is_none)]
    pub name: Option<String>,
}

/// An agenda item with its discussion and decision.
#[derive(Object)]
pub struct AgendaItem {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub topic: AgendaTopic,
    #[oai(skip_serializing_if_is_none)]
    pub participant: Option<ItemPerson>,
    pub discussion: String,
    pub decision: String,
    pub created_at: DateTime<Utc>,
}

/// A new agenda item.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateAgendaItem {
    pub topic: AgendaTopic,
    /// A person the caller sees.
    #[oai(nullable)]
    pub participant_id: Option<Uuid>,
    pub discussion: Prose<10_000>,
    pub decision: Prose<5000>,
}

/// A follow-up task.
#[derive(Object)]
pub struct Task {
    pub id: Uuid,
    pub meeting_id: Uuid,
    #[oai(nullable)]
    pub item_id: Option<Uuid>,
    /// The organisation that does it.
    pub owner_id: Uuid,
    pub description: String,
    pub due_on: NaiveDate,
    pub status: TaskState,
    /// Open past `due_on`.
    pub overdue: bool,
    #[oai(nullable)]
    pub result: Option<String>,
    #[oai(nullable)]
    pub completed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
}

impl Task {
    fn from_model(t: entity::meeting_task::Model, today: NaiveDate) -> ApiResult<Self> {
        let status: TaskStatus = stored(&t.status)?;
        Ok(Self {
            id: t.id,
            meeting_id: t.meeting_id,
            item_id: t.item_id,
            owner_id: t.owner_id,
            description: t.description,
            due_on: t.due_on,
            status: status.into(),
            overdue: task_overdue(status, t.due_on, today),
            result: t.result,
            completed_at: t.completed_at,
            version: t.version,
            created_at: t.created_at,
        })
    }
}

/// A new follow-up task.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CreateTask {
    /// The agenda item it follows from.
    #[oai(nullable)]
    pub item_id: Option<Uuid>,
    /// An organisation taking part in the meeting.
    pub owner_id: Uuid,
    pub description: Prose<2000>,
    /// Not before the meeting.
    pub due_on: NaiveDate,
}

/// What the owner did.
#[derive(Object)]
#[oai(deny_unknown_fields)]
pub struct CompleteTask {
    pub result: Prose<5000>,
}

impl CreateMeeting {
    fn input(&self) -> (NewMeeting, Vec<FieldError>) {
        let mut check = Check::new();
        let new = NewMeeting {
            level: self.level.as_str(),
            convener_id: self.convener_id,
            title: check.text("title", &self.title),
            held_on: self.held_on,
            organization_ids: self.organization_ids.clone(),
        };
        (new, check.into_errors())
    }
}

impl CreateAgendaItem {
    fn input(&self) -> (app::meetings::NewItem, Vec<FieldError>) {
        let mut check = Check::new();
        let new = app::meetings::NewItem {
            topic: self.topic.as_str(),
            participant_id: self.participant_id,
            discussion: check.text("discussion", &self.discussion),
            decision: check.text("decision", &self.decision),
        };
        (new, check.into_errors())
    }
}

impl CreateTask {
    fn input(&self) -> (app::meetings::NewTask, Vec<FieldError>) {
        let mut check = Check::new();
        let new = app::meetings::NewTask {
            item_id: self.item_id,
            owner_id: self.owner_id,
            description: check.text("description", &self.description),
            due_on: self.due_on,
        };
        (new, check.into_errors())
    }
}

/// A meeting with the organisations taking part.
async fn meeting_view(ctx: &Ctx, m: entity::meeting::Model) -> ApiResult<Meeting> {
    let mut members = store::meetings::members_of(&ctx.state.db.read, &[m.id]).await?;
    let ids = members.remove(&m.id).unwrap_or_default();
    Meeting::from_model(m, ids)
}

/// Holds or closes a meeting.
async fn step(
    ctx: &Ctx,
    auth: &BearerAuth,
    id: Uuid,
    action: MeetingAction,
) -> ApiResult<Json<Meeting>> {
    let caller = auth.0.require(Permission::ConveneMeeting)?;
    let txn = ctx.state.db.begin().await?;
    let m = app::meetings::step(&txn, &ctx.state, &ctx.actor(&auth.0), caller, id, action).await?;
    txn.commit().await?;
    Ok(Json(meeting_view(ctx, m).await?))
}

pub struct MeetingsApi;

#[OpenApi(prefix_path = "/api/v1", tag = "ApiTags::Collaboration")]
impl MeetingsApi {
    /// List joint meetings
    ///
    /// The bureau and the procuratorate see all; every other organisation
    /// the meetings it takes part in. Filters `status`, `level`.
    #[oai(path = "/meetings", method = "get", operation_id = "list_meetings")]
    async fn list(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<MeetingState>>,
        level: Query<Option<MeetingLevel>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Meeting>>> {
        let caller = auth.0.require(Permission::ReadMeetings)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let filter = MeetingFilter {
            status: status.0.map(|s| s.as_str().to_string()),
            level: level.0.map(|l| l.as_str().to_string()),
        };
        let db = &ctx.state.db.read;
        let (rows, next) = store::meetings::list(db, caller, filter, &page).await?;
        let ids: Vec<Uuid> = rows.iter().map(|m| m.id).collect();
        let members = store::meetings::members_of(db, &ids).await?;
        Page::try_from_rows(rows, next, |m| {
            let orgs = members.get(&m.id).cloned().unwrap_or_default();
            Meeting::from_model(m, orgs)
        })
    }

    /// Convene a joint meeting
    ///
    /// A county meeting by a bureau officer, a township meeting by a judicial
    /// office; the convener takes part with `organization_ids`.
    #[oai(path = "/meetings", method = "post", operation_id = "create_meeting")]
    async fn create(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateMeeting>,
    ) -> ApiResult<Created<Meeting>> {
        let caller = auth.0.require(Permission::ConveneMeeting)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let (m, orgs) =
            app::meetings::convene(&txn, &ctx.state, &actor, caller, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/meetings/{}", m.id);
        Ok(Created::Created(
            Json(Meeting::from_model(m, orgs)?),
            location,
        ))
    }

    /// Get a joint meeting
    #[oai(path = "/meetings/:id", method = "get", operation_id = "get_meeting")]
    async fn get(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
    ) -> ApiResult<Versioned<Meeting>> {
        let caller = auth.0.require(Permission::ReadMeetings)?;
        let m = store::meetings::get(&ctx.state.db.read, caller, id.0).await?;
        let tag = etag(m.version);
        Ok(Versioned::Ok(Json(meeting_view(&ctx, m).await?), tag))
    }

    /// Update a joint meeting
    ///
    /// The convener, while `planned` or `held` (409 once closed). Honours `If-Match`.
    #[oai(
        path = "/meetings/:id",
        method = "patch",
        operation_id = "update_meeting"
    )]
    async fn update(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        #[oai(name = "If-Match")] if_match: Header<Option<String>>,
        body: Json<UpdateMeeting>,
    ) -> ApiResult<Versioned<Meeting>> {
        let caller = auth.0.require(Permission::ConveneMeeting)?;
        let mut check = Check::new();
        let title = body.title.as_ref().map(|t| check.text("title", t));
        check.finish()?;
        let changes = app::meetings::MeetingChanges {
            title,
            held_on: body.held_on,
        };
        let txn = ctx.state.db.begin().await?;
        let current = store::meetings::get(&txn, caller, id.0).await?;
        check_if_match(if_match.0.as_deref(), current.version, false)?;
        let actor = ctx.actor(&auth.0);
        let m = app::meetings::update(&txn, &ctx.state, &actor, caller, id.0, changes).await?;
        txn.commit().await?;
        let tag = etag(m.version);
        Ok(Versioned::Ok(Json(meeting_view(&ctx, m).await?), tag))
    }

    /// Record that the meeting was held
    #[oai(
        path = "/meetings/:id/hold",
        method = "post",
        operation_id = "hold_meeting"
    )]
    async fn hold(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Meeting>> {
        step(&ctx, &auth, id.0, MeetingAction::Hold).await
    }

    /// Close a meeting: its minutes are frozen
    #[oai(
        path = "/meetings/:id/close",
        method = "post",
        operation_id = "close_meeting"
    )]
    async fn close(&self, ctx: Ctx, auth: BearerAuth, id: Path<Uuid>) -> ApiResult<Json<Meeting>> {
        step(&ctx, &auth, id.0, MeetingAction::Close).await
    }

    /// A meeting's agenda items
    ///
    /// A person appears by code, with the name only for the bureau and the person's office.
    #[oai(
        path = "/meetings/:id/items",
        method = "get",
        operation_id = "list_meeting_items"
    )]
    async fn items(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<AgendaItem>>> {
        let caller = auth.0.require(Permission::ReadMeetings)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let db = &ctx.state.db.read;
        let m = store::meetings::get(db, caller, id.0).await?;
        let (rows, next) = store::meetings::items(db, m.id, &page).await?;
        let people = app::meetings::people_of(db, caller, &rows).await?;
        Page::try_from_rows(rows, next, |i| item_view(i, &people))
    }

    /// Record an agenda item (the convener)
    #[oai(
        path = "/meetings/:id/items",
        method = "post",
        operation_id = "create_meeting_item"
    )]
    async fn create_item(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateAgendaItem>,
    ) -> ApiResult<Created<AgendaItem>> {
        let caller = auth.0.require(Permission::ConveneMeeting)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let item =
            app::meetings::add_item(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        let people = app::meetings::people_of(&txn, caller, std::slice::from_ref(&item)).await?;
        txn.commit().await?;
        let location = format!("/api/v1/meetings/{}/items", item.meeting_id);
        Ok(Created::Created(Json(item_view(item, &people)?), location))
    }

    /// A meeting's follow-up tasks (everyone taking part sees them)
    #[oai(
        path = "/meetings/:id/tasks",
        method = "get",
        operation_id = "list_meeting_tasks"
    )]
    async fn meeting_tasks(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Task>>> {
        let caller = auth.0.require(Permission::ReadMeetings)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let db = &ctx.state.db.read;
        let m = store::meetings::get(db, caller, id.0).await?;
        let (rows, next) = store::meetings::tasks_of(db, m.id, &page).await?;
        let today = ctx.today();
        Page::try_from_rows(rows, next, |t| Task::from_model(t, today))
    }

    /// Hand out a follow-up task (the convener)
    ///
    /// Owned by one organisation taking part, due no earlier than the meeting.
    #[oai(
        path = "/meetings/:id/tasks",
        method = "post",
        operation_id = "create_meeting_task"
    )]
    async fn create_task(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        /// Replays the first response for a repeated request (see the API conventions).
        #[oai(name = "Idempotency-Key")]
        _idempotency_key: Header<Option<IdempotencyKey>>,
        body: Json<CreateTask>,
    ) -> ApiResult<Created<Task>> {
        let caller = auth.0.require(Permission::ConveneMeeting)?;
        let (new, broken) = body.input();
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let t =
            app::meetings::add_task(&txn, &ctx.state, &actor, caller, id.0, new, broken).await?;
        txn.commit().await?;
        let location = format!("/api/v1/meetings/{}/tasks", t.meeting_id);
        Ok(Created::Created(
            Json(Task::from_model(t, ctx.today())?),
            location,
        ))
    }

    /// Tasks owned by your organisation
    ///
    /// All tasks for the bureau and the procuratorate. Filters `status`, `overdue`.
    #[oai(path = "/tasks", method = "get", operation_id = "list_tasks")]
    async fn tasks(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        status: Query<Option<TaskState>>,
        overdue: Query<Option<bool>>,
        /// Page size, 1–200 (larger values are capped); default 50.
        #[oai(validator(minimum(value = "1")))]
        limit: Query<Option<i64>>,
        cursor: Query<Option<Cursor>>,
    ) -> ApiResult<Json<Page<Task>>> {
        let caller = auth.0.require(Permission::ReadTasks)?;
        let page = PageRequest::parse(limit.0, cursor.0.as_deref())?;
        let today = ctx.today();
        let filter = TaskFilter {
            status: status.0.map(|s| s.as_str().to_string()),
            overdue_before: overdue.0.unwrap_or(false).then_some(today),
        };
        let (rows, next) =
            store::meetings::tasks(&ctx.state.db.read, caller, filter, &page).await?;
        Page::try_from_rows(rows, next, |t| Task::from_model(t, today))
    }

    /// Complete a task with its result (the owning organisation)
    #[oai(
        path = "/tasks/:id/complete",
        method = "post",
        operation_id = "complete_task"
    )]
    async fn complete(
        &self,
        ctx: Ctx,
        auth: BearerAuth,
        id: Path<Uuid>,
        body: Json<CompleteTask>,
    ) -> ApiResult<Json<Task>> {
        let caller = auth.0.require(Permission::CompleteTask)?;
        let mut check = Check::new();
        let result = check.text("result", &body.result);
        check.finish()?;
        let txn = ctx.state.db.begin().await?;
        let actor = ctx.actor(&auth.0);
        let t = app::meetings::complete(&txn, &ctx.state, &actor, caller, id.0, result).await?;
        txn.commit().await?;
        Ok(Json(Task::from_model(t, ctx.today())?))
    }
}

fn item_view(
    i: entity::meeting_item::Model,
    people: &std::collections::HashMap<Uuid, (String, Option<String>)>,
) -> ApiResult<AgendaItem> {
    let topic = AGENDA_TOPICS
        .iter()
        .copied()
        .find(|t| t.as_str() == i.topic)
        .unwrap_or(AgendaTopic::Other);
    let participant = i.participant_id.and_then(|id| {
        people.get(&id).map(|(code, name)| ItemPerson {
            id,
            code: code.clone(),
            name: name.clone(),
        })
    });
    Ok(AgendaItem {
        id: i.id,
        meeting_id: i.meeting_id,
        topic,
        participant,
        discussion: i.discussion,
        decision: i.decision,
        created_at: i.created_at,
    })
}

const AGENDA_TOPICS: [AgendaTopic; 7] = [
    AgendaTopic::InvestigationAssessment,
    AgendaTopic::PlaceOfExecution,
    AgendaTopic::MedicalReexamination,
    AgendaTopic::Custody,
    AgendaTopic::Assistance,
    AgendaTopic::Supervision,
    AgendaTopic::Other,
];
