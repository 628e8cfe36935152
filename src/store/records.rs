//! What the records export reads: people under correction in a month and,
//! for them, the sessions they attended, their discipline records and the
//! referrals made for them.

use chrono::{DateTime, NaiveDate, Utc};
use entity::{
    discipline_record::{self, Entity as Discipline},
    enrollment::{self, Entity as Enrollments},
    participant::{self, Entity as Participants},
    referral::{self, Entity as Referrals},
    session::{self, Entity as Sessions},
};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
    sea_query::Expr,
};
use uuid::Uuid;

use crate::error::ApiError;

/// Persons under correction (of one office, or all) whose correction period
/// overlaps `[first, last]`, by code.
pub async fn people<C: ConnectionTrait>(
    conn: &C,
    office: Option<Uuid>,
    (first, last): (NaiveDate, NaiveDate),
) -> Result<Vec<participant::Model>, ApiError> {
    let mut q = Participants::find()
        .filter(participant::Column::Kind.eq("correction_subject"))
        .filter(participant::Column::CorrectionStart.lte(last))
        .filter(participant::Column::CorrectionEnd.gte(first))
        .order_by_asc(participant::Column::Code);
    if let Some(o) = office {
        q = q.filter(participant::Column::JudicialOfficeId.eq(o));
    }
    Ok(q.all(conn).await?)
}

/// One attended session: who, when it started, its type and the credited hours ×100.
pub type Attended = (Uuid, DateTime<Utc>, String, i64);

/// Closed sessions in `[from, to)` these people attended (present, late or
/// left early), oldest first.
pub async fn attended<C: ConnectionTrait>(
    conn: &C,
    people: &[Uuid],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<Attended>, ApiError> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let to_session: sea_orm::RelationDef = Enrollments::belongs_to(Sessions)
        .from(enrollment::Column::SessionId)
        .to(session::Column::Id)
        .into();
    Ok(Enrollments::find()
        .select_only()
        .column(enrollment::Column::ParticipantId)
        .column(session::Column::StartsAt)
        .column(session::Column::SessionType)
        .column_as(
            Expr::col((enrollment::Entity, enrollment::Column::HoursX100)),
            "hours",
        )
        .join(JoinType::InnerJoin, to_session)
        .filter(enrollment::Column::ParticipantId.is_in(people.to_vec()))
        .filter(session::Column::Status.eq("closed"))
        .filter(session::Column::StartsAt.gte(from))
        .filter(session::Column::StartsAt.lt(to))
        .filter(enrollment::Column::Outcome.is_in(["present", "late", "left_early"]))
        .order_by_asc(session::Column::StartsAt)
        .into_tuple::<(Uuid, DateTime<Utc>, String, Option<i64>)>()
        .all(conn)
        .await?
        .into_iter()
        .map(|(p, at, t, h)| (p, at, t, h.unwrap_or(0)))
        .collect())
}

/// Discipline records of these people dated in `[first, last]`.
pub async fn discipline<C: ConnectionTrait>(
    conn: &C,
    people: &[Uuid],
    (first, last): (NaiveDate, NaiveDate),
) -> Result<Vec<discipline_record::Model>, ApiError> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Discipline::find()
        .filter(discipline_record::Column::ParticipantId.is_in(people.to_vec()))
        .filter(discipline_record::Column::Date.gte(first))
        .filter(discipline_record::Column::Date.lte(last))
        .order_by_asc(discipline_record::Column::Date)
        .all(conn)
        .await?)
}

/// Referrals made for these people in `[from, to)`.
pub async fn referrals<C: ConnectionTrait>(
    conn: &C,
    people: &[Uuid],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<referral::Model>, ApiError> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Referrals::find()
        .filter(referral::Column::ParticipantId.is_in(people.to_vec()))
        .filter(referral::Column::CreatedAt.gte(from))
        .filter(referral::Column::CreatedAt.lt(to))
        .order_by_asc(referral::Column::CreatedAt)
        .all(conn)
        .await?)
}
