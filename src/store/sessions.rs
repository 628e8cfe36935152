//! Sessions, enrolments and attendance events, scoped by caller: NGOs see
//! their own sessions; offices see all sessions but only their own people's
//! enrolments; the bureau and the auditor see everything.

use std::collections::HashMap;

use entity::{
    attendance_event::{self, Entity as Events},
    enrollment::{self, Entity as Enrollments},
    participant,
    session::{self, Entity as Sessions},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::roles::OrgKind,
    error::ApiError,
    store::page::{self, PageRequest},
};

fn visible(caller: &UserCaller) -> Condition {
    if caller.org_kind == OrgKind::Ngo {
        Condition::all().add(session::Column::NgoId.eq(caller.org_id))
    } else {
        Condition::all()
    }
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: session::Model,
) -> Result<session::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// Saves every field, compare-and-set on `version` (which it bumps).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: session::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<session::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Sessions::update(m.into_active_model().reset_all())
        .validate()?
        .filter(session::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<session::Model, ApiError> {
    Sessions::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

#[derive(Default)]
pub struct SessionFilter {
    pub contract_id: Option<Uuid>,
    pub session_type: Option<String>,
    pub status: Option<String>,
    pub from: Option<chrono::DateTime<chrono::Utc>>,
    pub to: Option<chrono::DateTime<chrono::Utc>>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    f: SessionFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<session::Model>, Option<String>), ApiError> {
    let mut q = Sessions::find().filter(visible(caller));
    if let Some(v) = f.contract_id {
        q = q.filter(session::Column::ContractId.eq(v));
    }
    if let Some(v) = f.session_type {
        q = q.filter(session::Column::SessionType.eq(v));
    }
    if let Some(v) = f.status {
        q = q.filter(session::Column::Status.eq(v));
    }
    if let Some(v) = f.from {
        q = q.filter(session::Column::EndsAt.gte(v));
    }
    if let Some(v) = f.to {
        q = q.filter(session::Column::StartsAt.lte(v));
    }
    page::fetch(conn, q, session::Column::Id, page, |m| m.id).await
}

pub async fn enrollment_count<C: ConnectionTrait>(
    conn: &C,
    session_id: Uuid,
) -> Result<u64, ApiError> {
    Ok(Enrollments::find()
        .filter(enrollment::Column::SessionId.eq(session_id))
        .count(conn)
        .await?)
}

/// The participant's enrolments in sessions (not cancelled) overlapping `[from, to)`, other than `except`.
pub async fn overlapping<C: ConnectionTrait>(
    conn: &C,
    participant_id: Uuid,
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
    except: Option<Uuid>,
) -> Result<bool, ApiError> {
    let mut q = Enrollments::find()
        .select_only()
        .column(enrollment::Column::SessionId)
        .filter(enrollment::Column::ParticipantId.eq(participant_id));
    if let Some(x) = except {
        q = q.filter(enrollment::Column::SessionId.ne(x));
    }
    let sessions: Vec<Uuid> = q.into_tuple().all(conn).await?;
    if sessions.is_empty() {
        return Ok(false);
    }
    Ok(Sessions::find()
        .filter(session::Column::Id.is_in(sessions))
        .filter(session::Column::Status.ne("cancelled"))
        .filter(session::Column::StartsAt.lt(to))
        .filter(session::Column::EndsAt.gt(from))
        .count(conn)
        .await?
        > 0)
}

pub async fn insert_enrollment<C: ConnectionTrait>(
    conn: &C,
    m: enrollment::Model,
) -> Result<enrollment::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn save_enrollment<C: ConnectionTrait>(
    conn: &C,
    m: enrollment::Model,
) -> Result<enrollment::Model, ApiError> {
    Ok(m.into_active_model().reset_all().update(conn).await?)
}

pub async fn enrollment_by_id<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<enrollment::Model, ApiError> {
    Enrollments::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn find_enrollment<C: ConnectionTrait>(
    conn: &C,
    session_id: Uuid,
    participant_id: Uuid,
) -> Result<Option<enrollment::Model>, ApiError> {
    Ok(Enrollments::find()
        .filter(enrollment::Column::SessionId.eq(session_id))
        .filter(enrollment::Column::ParticipantId.eq(participant_id))
        .one(conn)
        .await?)
}

pub async fn delete_enrollment<C: ConnectionTrait>(
    conn: &C,
    m: enrollment::Model,
) -> Result<(), ApiError> {
    Enrollments::delete_by_id(m.id).exec(conn).await?;
    Ok(())
}

/// Enrolments of a session; offices see only their own people's.
pub async fn enrollments<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    session_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<enrollment::Model>, Option<String>), ApiError> {
    let mut q = Enrollments::find().filter(enrollment::Column::SessionId.eq(session_id));
    if caller.org_kind == OrgKind::JudicialOffice {
        let own = sea_orm::sea_query::Query::select()
            .column(participant::Column::Id)
            .from(participant::Entity)
            .and_where(participant::Column::JudicialOfficeId.eq(caller.org_id))
            .to_owned();
        q = q.filter(enrollment::Column::ParticipantId.in_subquery(own));
    }
    page::fetch(conn, q, enrollment::Column::Id, page, |m| m.id).await
}

/// A person's enrolments in the sessions the caller sees (an NGO: its own),
/// each with its session. The caller must already see the person.
pub async fn enrollments_of_participant<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    participant_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<(enrollment::Model, session::Model)>, Option<String>), ApiError> {
    let seen = sea_orm::sea_query::Query::select()
        .column(session::Column::Id)
        .from(session::Entity)
        .cond_where(visible(caller))
        .to_owned();
    let q = Enrollments::find()
        .filter(enrollment::Column::ParticipantId.eq(participant_id))
        .filter(enrollment::Column::SessionId.in_subquery(seen));
    let (rows, next) = page::fetch(conn, q, enrollment::Column::Id, page, |m| m.id).await?;
    let ids: Vec<Uuid> = rows.iter().map(|e| e.session_id).collect();
    let sessions: std::collections::HashMap<Uuid, session::Model> = Sessions::find()
        .filter(session::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for e in rows {
        let s = sessions.get(&e.session_id).cloned().ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("an enrolment without its session"))
        })?;
        out.push((e, s));
    }
    Ok((out, next))
}

pub async fn all_enrollments<C: ConnectionTrait>(
    conn: &C,
    session_id: Uuid,
) -> Result<Vec<enrollment::Model>, ApiError> {
    Ok(Enrollments::find()
        .filter(enrollment::Column::SessionId.eq(session_id))
        .order_by_asc(enrollment::Column::Id)
        .all(conn)
        .await?)
}

pub async fn insert_event<C: ConnectionTrait>(
    conn: &C,
    m: attendance_event::Model,
) -> Result<(), ApiError> {
    m.into_active_model().reset_all().insert(conn).await?;
    Ok(())
}

pub async fn events<C: ConnectionTrait>(
    conn: &C,
    session_id: Uuid,
) -> Result<Vec<attendance_event::Model>, ApiError> {
    Ok(Events::find()
        .filter(attendance_event::Column::SessionId.eq(session_id))
        .order_by_asc(attendance_event::Column::Id)
        .all(conn)
        .await?)
}

/// A session of a given NGO (for partner apps and sync), or 404.
pub async fn get_for_ngo<C: ConnectionTrait>(
    conn: &C,
    ngo_id: Uuid,
    id: Uuid,
) -> Result<session::Model, ApiError> {
    Sessions::find_by_id(id)
        .filter(session::Column::NgoId.eq(ngo_id))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Participant ids enrolled in a session.
pub async fn enrolled_ids<C: ConnectionTrait>(
    conn: &C,
    session_id: Uuid,
) -> Result<std::collections::HashSet<Uuid>, ApiError> {
    Ok(Enrollments::find()
        .select_only()
        .column(enrollment::Column::ParticipantId)
        .filter(enrollment::Column::SessionId.eq(session_id))
        .into_tuple::<Uuid>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

/// The stored event with this client id, if any.
pub async fn event_by_client_id<C: ConnectionTrait>(
    conn: &C,
    client_event_id: Uuid,
) -> Result<Option<attendance_event::Model>, ApiError> {
    Ok(Events::find()
        .filter(attendance_event::Column::ClientEventId.eq(client_event_id))
        .one(conn)
        .await?)
}

/// Unexcused absences (`no_show`) per person in sessions starting within `[from, to)`.
pub async fn no_shows_between<C: ConnectionTrait>(
    conn: &C,
    people: &[Uuid],
    from: chrono::DateTime<chrono::Utc>,
    to: chrono::DateTime<chrono::Utc>,
) -> Result<std::collections::HashMap<Uuid, usize>, ApiError> {
    let in_window = sea_orm::sea_query::Query::select()
        .column(session::Column::Id)
        .from(session::Entity)
        .and_where(session::Column::StartsAt.gte(from))
        .and_where(session::Column::StartsAt.lt(to))
        .to_owned();
    let rows: Vec<Uuid> = Enrollments::find()
        .select_only()
        .column(enrollment::Column::ParticipantId)
        .filter(enrollment::Column::ParticipantId.is_in(people.to_vec()))
        .filter(enrollment::Column::Outcome.eq("no_show"))
        .filter(enrollment::Column::SessionId.in_subquery(in_window))
        .into_tuple()
        .all(conn)
        .await?;
    let mut counts = std::collections::HashMap::new();
    for p in rows {
        *counts.entry(p).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Scheduled sessions that ended before `cutoff` (for the closing job).
pub async fn ended_before<C: ConnectionTrait>(
    conn: &C,
    cutoff: chrono::DateTime<chrono::Utc>,
    limit: u64,
) -> Result<Vec<session::Model>, ApiError> {
    Ok(Sessions::find()
        .filter(session::Column::Status.eq("scheduled"))
        .filter(session::Column::EndsAt.lt(cutoff))
        .order_by_asc(session::Column::EndsAt)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Enrolments in these sessions (of these people only, when given): `(session, person, active)`,
/// `active` telling whether the person is still active (not released, revoked or transferred).
/// One query: enrolments joined to their people.
async fn enrolments_in<C: ConnectionTrait>(
    conn: &C,
    sessions: &[Uuid],
    people: Option<&[Uuid]>,
) -> Result<Vec<(Uuid, Uuid, bool)>, ApiError> {
    use entity::participant::{self, Entity as People};
    use sea_orm::{JoinType, sea_query::Expr};
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let to_person: sea_orm::RelationDef = Enrollments::belongs_to(People)
        .from(enrollment::Column::ParticipantId)
        .to(participant::Column::Id)
        .into();
    let mut q = Enrollments::find()
        .select_only()
        .column(enrollment::Column::SessionId)
        .column(enrollment::Column::ParticipantId)
        .column_as(
            Expr::col((People, participant::Column::Status)),
            "person_status",
        )
        .join(JoinType::InnerJoin, to_person)
        .filter(enrollment::Column::SessionId.is_in(sessions.to_vec()));
    if let Some(people) = people {
        q = q.filter(enrollment::Column::ParticipantId.is_in(people.to_vec()));
    }
    Ok(q.into_tuple::<(Uuid, Uuid, String)>()
        .all(conn)
        .await?
        .into_iter()
        .map(|(s, p, status)| (s, p, status == "active"))
        .collect())
}

/// A session's enrolled people, each with whether they are still active.
pub type Enrolled = HashMap<Uuid, bool>;

/// The NGO's sessions among `ids`, each with its enrolled people and whether
/// each is still active (an offline batch's lookup), in two queries.
pub async fn for_ngo_with_enrolled<C: ConnectionTrait>(
    conn: &C,
    ngo_id: Uuid,
    ids: &[Uuid],
) -> Result<Vec<(session::Model, Enrolled)>, ApiError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sessions = Sessions::find()
        .filter(session::Column::Id.is_in(ids.to_vec()))
        .filter(session::Column::NgoId.eq(ngo_id))
        .all(conn)
        .await?;
    let found: Vec<Uuid> = sessions.iter().map(|s| s.id).collect();
    let mut enrolled: HashMap<Uuid, Enrolled> = HashMap::new();
    for (s, p, active) in enrolments_in(conn, &found, None).await? {
        enrolled.entry(s).or_default().insert(p, active);
    }
    Ok(sessions
        .into_iter()
        .map(|s| {
            let e = enrolled.remove(&s.id).unwrap_or_default();
            (s, e)
        })
        .collect())
}

/// What single check-ins are judged by (inside the writer's transaction): the
/// sessions named by `pairs` of `(session, person)`, and for each pair that is
/// an enrolment whether the person is still active. Two queries for any number of pairs.
pub async fn checkin_facts<C: ConnectionTrait>(
    conn: &C,
    pairs: &[(Uuid, Uuid)],
) -> Result<(HashMap<Uuid, session::Model>, HashMap<(Uuid, Uuid), bool>), ApiError> {
    let mut sessions: Vec<Uuid> = pairs.iter().map(|p| p.0).collect();
    sessions.sort_unstable();
    sessions.dedup();
    let mut people: Vec<Uuid> = pairs.iter().map(|p| p.1).collect();
    people.sort_unstable();
    people.dedup();
    if sessions.is_empty() {
        return Ok(Default::default());
    }
    let found = Sessions::find()
        .filter(session::Column::Id.is_in(sessions.clone()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let enrolled = enrolments_in(conn, &sessions, Some(&people))
        .await?
        .into_iter()
        .map(|(s, p, active)| ((s, p), active))
        .collect();
    Ok((found, enrolled))
}

/// Stored events with these client ids (in chunks), each with the NGO whose
/// session it belongs to (callers keep other NGOs' ids apart: they are
/// foreign, never a duplicate or conflict of the caller's). One query per
/// chunk: events joined to their sessions.
pub async fn events_by_client_ids<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<Vec<(attendance_event::Model, Uuid)>, ApiError> {
    use sea_orm::{DbErr, FromQueryResult, JoinType, QueryResult, QueryTrait, sea_query::Expr};
    struct Row(attendance_event::Model, Uuid);
    impl FromQueryResult for Row {
        fn from_query_result(res: &QueryResult, pre: &str) -> Result<Self, DbErr> {
            Ok(Self(
                attendance_event::Model::from_query_result(res, pre)?,
                res.try_get(pre, "session_ngo_id")?,
            ))
        }
    }
    // The entities declare no relations: the join is spelled out here.
    let to_session: sea_orm::RelationDef = Events::belongs_to(Sessions)
        .from(attendance_event::Column::SessionId)
        .to(session::Column::Id)
        .into();
    let backend = conn.get_database_backend();
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        let select = Events::find()
            .join(JoinType::InnerJoin, to_session.clone())
            .column_as(
                Expr::col((Sessions, session::Column::NgoId)),
                "session_ngo_id",
            )
            .filter(attendance_event::Column::ClientEventId.is_in(chunk.to_vec()));
        let mut stmt = select.build(backend);
        if backend == sea_orm::DbBackend::Sqlite {
            // The lookup must use the unique index on `client_event_id`, whatever
            // the planner's statistics say: analysed while the table held only
            // events without a client id (the demo's, or a young database's), they
            // make every key look shared by all rows, and SQLite then scans the
            // whole table on every check-in batch. (The column's UNIQUE constraint
            // is SQLite's second automatic index of the table.)
            stmt.sql = stmt.sql.replacen(
                r#"FROM "attendance_events""#,
                r#"FROM "attendance_events" INDEXED BY "sqlite_autoindex_attendance_events_2""#,
                1,
            );
        }
        out.extend(
            Row::find_by_statement(stmt)
                .all(conn)
                .await?
                .into_iter()
                .map(|Row(e, ngo)| (e, ngo)),
        );
    }
    Ok(out)
}

/// Inserts events in batches.
pub async fn insert_events<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<attendance_event::Model>,
) -> Result<(), ApiError> {
    for chunk in rows.chunks(1000) {
        Events::insert_many(
            chunk
                .iter()
                .cloned()
                .map(|m| m.into_active_model().reset_all()),
        )
        .exec_without_returning(conn)
        .await?;
    }
    Ok(())
}

/// Sessions' titles by id.
pub async fn titles<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, String>, ApiError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(Sessions::find()
        .filter(session::Column::Id.is_in(ids.iter().copied()))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title))
        .collect())
}
