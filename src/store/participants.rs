//! Participants, scoped by caller: the bureau and the auditor see everyone,
//! a judicial office its own people, an NGO its own volunteers (persons under
//! correction become visible to an NGO through enrolment, with the delivery
//! work), agencies nobody yet (referrals and alerts arrive later).

use entity::{
    participant::{self, Entity as Participants},
    participant_transfer::{self, Entity as Transfers},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        disclosure::{Disclosure, Owner, disclosure, shows_full_id},
        roles::Role,
    },
    error::ApiError,
    store::page::{self, PageRequest},
};

/// Who owns a row: the judicial office of a person under correction, the
/// NGO of a volunteer.
fn owner_of(m: &participant::Model) -> Owner {
    Owner {
        office_id: (m.kind == "correction_subject")
            .then_some(m.judicial_office_id)
            .flatten(),
        ngo_id: (m.kind == "volunteer").then_some(m.ngo_id).flatten(),
    }
}

/// The caller's disclosure level for a row (the one rule of `domain::disclosure`).
pub fn disclosure_for(caller: &UserCaller, m: &participant::Model) -> Disclosure {
    disclosure(caller.role, caller.org_id, owner_of(m), m.minor)
}

/// Whether the caller sees the row's full ID number and birth date.
pub fn shows_full_id_for(caller: &UserCaller, m: &participant::Model) -> bool {
    shows_full_id(caller.role, caller.org_id, owner_of(m))
}

/// Whether the caller owns the record (ownership, not visibility). Only the
/// owner changes a person or removes their links.
pub fn owns(caller: &UserCaller, m: &participant::Model) -> bool {
    owner_of(m).owned_by(caller.role, caller.org_id)
}

fn visible(caller: &UserCaller) -> Condition {
    match caller.role {
        Role::Admin | Role::Officer | Role::Auditor => Condition::all(),
        Role::OfficeStaff => {
            Condition::all().add(participant::Column::JudicialOfficeId.eq(caller.org_id))
        }
        Role::NgoAdmin | Role::NgoStaff => Condition::any()
            .add(
                Condition::all()
                    .add(participant::Column::Kind.eq("volunteer"))
                    .add(participant::Column::NgoId.eq(caller.org_id)),
            )
            .add(
                Condition::all()
                    .add(participant::Column::Status.eq("active"))
                    .add(participant::Column::Id.in_subquery(enrolled_with(caller.org_id))),
            ),
        Role::AgencyStaff => Condition::all().add(participant::Column::Id.is_null()),
    }
}

/// Participants enrolled in any (not cancelled) session of the NGO.
fn enrolled_with(ngo_id: Uuid) -> sea_orm::sea_query::SelectStatement {
    use entity::{enrollment, session};
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    Query::select()
        .column((enrollment::Entity, enrollment::Column::ParticipantId))
        .from(enrollment::Entity)
        .inner_join(
            session::Entity,
            Expr::col((session::Entity, session::Column::Id))
                .equals((enrollment::Entity, enrollment::Column::SessionId)),
        )
        .and_where(Expr::col((session::Entity, session::Column::NgoId)).eq(ngo_id))
        .and_where(Expr::col((session::Entity, session::Column::Status)).ne("cancelled"))
        .to_owned()
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: participant::Model,
) -> Result<participant::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// Saves every field, compare-and-set on `version` (which it bumps).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: participant::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<participant::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Participants::update(m.into_active_model().reset_all())
        .validate()?
        .filter(participant::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<participant::Model, ApiError> {
    Participants::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

/// A participant the caller is about to change: 404 when they cannot see
/// it, 403 when they see it but do not own it.
pub async fn get_owned<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<participant::Model, ApiError> {
    let m = get(conn, caller, id).await?;
    if owns(caller, &m) {
        Ok(m)
    } else {
        Err(ApiError::Forbidden)
    }
}

#[derive(Clone, Default)]
pub struct ParticipantFilter {
    pub kind: Option<String>,
    pub status: Option<String>,
    pub judicial_office_id: Option<Uuid>,
    pub supervision_level: Option<String>,
    /// Part of the code, or of the name where the caller sees the name.
    pub search: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    filter: ParticipantFilter,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<participant::Model>, Option<String>), ApiError> {
    let mut q = Participants::find().filter(visible(caller));
    if let Some(k) = filter.kind {
        q = q.filter(participant::Column::Kind.eq(k));
    }
    if let Some(s) = filter.status {
        q = q.filter(participant::Column::Status.eq(s));
    }
    if let Some(o) = filter.judicial_office_id {
        q = q.filter(participant::Column::JudicialOfficeId.eq(o));
    }
    if let Some(l) = filter.supervision_level {
        q = q.filter(participant::Column::SupervisionLevel.eq(l));
    }
    if let Some(text) = filter.search {
        q = q.filter(search(caller, &text));
    }
    page::fetch(conn, q, participant::Column::Id, page, |m| m.id).await
}

/// Rows whose code contains `text`, or whose name does where the caller
/// sees the name: a minor's name is matched only for the bureau and the
/// owner (the rule of `domain::disclosure`, in SQL), so a search can never
/// confirm what `CodeOnly` hides. Case-blind,
/// `%` and `_` taken literally.
fn search(caller: &UserCaller, text: &str) -> Condition {
    use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr};
    let mut escaped = String::with_capacity(text.len() + 2);
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    let like = || LikeExpr::new(format!("%{escaped}%")).escape('\\');
    let lower = |c: participant::Column| Expr::expr(Func::lower(Expr::col(c)));
    let names_seen = match caller.role {
        Role::Admin | Role::Officer | Role::OfficeStaff => Condition::all(),
        Role::NgoAdmin | Role::NgoStaff => Condition::any()
            .add(participant::Column::Minor.eq(false))
            .add(participant::Column::NgoId.eq(caller.org_id)),
        Role::Auditor | Role::AgencyStaff => {
            Condition::all().add(participant::Column::Minor.eq(false))
        }
    };
    Condition::any()
        .add(lower(participant::Column::Code).like(like()))
        .add(
            Condition::all()
                .add(names_seen)
                .add(lower(participant::Column::Name).like(like())),
        )
}

/// Where a registration must be unique. Persons under correction are one
/// county-wide register; each NGO's volunteers are a register of their own,
/// so that registering a volunteer never reveals anything about another
/// tenant's registrations (whether someone is under correction, above all).
#[derive(Clone, Copy, Debug)]
pub enum Registry {
    Subjects,
    VolunteersOf(Uuid),
}

impl Registry {
    /// The register a new row belongs to.
    pub fn of(m: &participant::Model) -> Self {
        match (m.kind.as_str(), m.ngo_id) {
            ("volunteer", Some(ngo)) => Registry::VolunteersOf(ngo),
            _ => Registry::Subjects,
        }
    }

    fn condition(self) -> Condition {
        match self {
            Registry::Subjects => {
                Condition::all().add(participant::Column::Kind.eq("correction_subject"))
            }
            Registry::VolunteersOf(ngo) => Condition::all()
                .add(participant::Column::Kind.eq("volunteer"))
                .add(participant::Column::NgoId.eq(ngo)),
        }
    }
}

/// An active registration with the same ID number (by keyed hash) in the register.
pub async fn active_with_hash<C: ConnectionTrait>(
    conn: &C,
    registry: Registry,
    hash: &str,
) -> Result<Option<participant::Model>, ApiError> {
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        // Serialise registrations of the same person across transactions.
        let key = i64::from_str_radix(&hash[..15], 16).unwrap_or_default();
        conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({key})"))
            .await?;
    }
    Ok(Participants::find()
        .filter(participant::Column::IdNumberHash.eq(hash))
        .filter(participant::Column::Status.eq("active"))
        .filter(registry.condition())
        .one(conn)
        .await?)
}

pub async fn insert_transfer<C: ConnectionTrait>(
    conn: &C,
    m: participant_transfer::Model,
) -> Result<(), ApiError> {
    m.into_active_model().reset_all().insert(conn).await?;
    Ok(())
}

/// Transfer histories of several participants in one query.
pub async fn transfers_of<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, Vec<participant_transfer::Model>>, ApiError> {
    let mut map: std::collections::HashMap<Uuid, Vec<_>> = std::collections::HashMap::new();
    if ids.is_empty() {
        return Ok(map);
    }
    for t in Transfers::find()
        .filter(participant_transfer::Column::ParticipantId.is_in(ids.to_vec()))
        .order_by_asc(participant_transfer::Column::Id)
        .all(conn)
        .await?
    {
        map.entry(t.participant_id).or_default().push(t);
    }
    Ok(map)
}

pub async fn transfers<C: ConnectionTrait>(
    conn: &C,
    participant_id: Uuid,
) -> Result<Vec<participant_transfer::Model>, ApiError> {
    Ok(Transfers::find()
        .filter(participant_transfer::Column::ParticipantId.eq(participant_id))
        .order_by_asc(participant_transfer::Column::Id)
        .all(conn)
        .await?)
}

/// Participants by id (unscoped: for server-side bookkeeping), in one query.
pub async fn by_ids<C: ConnectionTrait>(
    conn: &C,
    ids: &[Uuid],
) -> Result<std::collections::HashMap<Uuid, participant::Model>, ApiError> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(Participants::find()
        .filter(participant::Column::Id.is_in(ids.to_vec()))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// Active registrations of persons under correction for many ID-number hashes, keyed by hash. On
/// PostgreSQL the hashes are locked first (in a fixed order, so concurrent
/// imports cannot deadlock), as single registrations lock theirs.
pub async fn active_with_hashes<C: ConnectionTrait>(
    conn: &C,
    hashes: &[String],
) -> Result<std::collections::HashMap<String, participant::Model>, ApiError> {
    let mut out = std::collections::HashMap::new();
    if hashes.is_empty() {
        return Ok(out);
    }
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        let mut keys: Vec<i64> = hashes
            .iter()
            .map(|h| i64::from_str_radix(&h[..15], 16).unwrap_or_default())
            .collect();
        keys.sort_unstable();
        keys.dedup();
        for chunk in keys.chunks(1000) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            conn.execute_unprepared(&format!(
                "SELECT pg_advisory_xact_lock(k) FROM unnest(ARRAY[{list}]::bigint[]) AS t(k) ORDER BY k"
            ))
            .await?;
        }
    }
    for chunk in hashes.chunks(500) {
        for p in Participants::find()
            .filter(participant::Column::IdNumberHash.is_in(chunk.to_vec()))
            .filter(participant::Column::Status.eq("active"))
            .filter(Registry::Subjects.condition())
            .all(conn)
            .await?
        {
            if let Some(h) = p.id_number_hash.clone() {
                out.insert(h, p);
            }
        }
    }
    Ok(out)
}

/// Inserts many participants in batches.
pub async fn insert_many<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<participant::Model>,
) -> Result<(), ApiError> {
    for chunk in rows.chunks(200) {
        Participants::insert_many(
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

/// Every active person under correction (for the scheduled checks).
pub async fn active_subjects<C: ConnectionTrait>(
    conn: &C,
) -> Result<Vec<participant::Model>, ApiError> {
    Ok(Participants::find()
        .filter(participant::Column::Kind.eq("correction_subject"))
        .filter(participant::Column::Status.eq("active"))
        .order_by_asc(participant::Column::Id)
        .all(conn)
        .await?)
}
