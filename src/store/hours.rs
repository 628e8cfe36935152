//! The hours ledger, month closures and requirement policies. Ledger rows are
//! only ever inserted; approvals are rows of their own.

use std::collections::{HashMap, HashSet};

use entity::{
    hours_approval::{self, Entity as Approvals},
    hours_entry::{self, Entity as Entries},
    month_closure::{self, Entity as Closures},
    organization,
    requirement_policy::{self, Entity as Policies},
    session,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect,
};
use uuid::Uuid;

use crate::{
    auth::authz::UserCaller,
    domain::{
        hours::{Month, Policy, Requirement},
        roles::OrgKind,
    },
    error::ApiError,
};

/// A ledger entry with what is derived about it.
pub struct Entry {
    pub row: hours_entry::Model,
    pub approved: bool,
    /// The id of the entry that reversed this one.
    pub reversed_by: Option<Uuid>,
}

pub async fn insert_entries<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<hours_entry::Model>,
) -> Result<(), ApiError> {
    super::rollups::add_hours(conn, &rows).await?;
    for chunk in rows.chunks(500) {
        Entries::insert_many(
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

/// Approves `entry` (a manual entry, loaded by the caller).
pub async fn approve<C: ConnectionTrait>(
    conn: &C,
    entry: &hours_entry::Model,
    approved_by: Uuid,
    approved_at: chrono::DateTime<chrono::Utc>,
) -> Result<(), ApiError> {
    super::rollups::approve_hours(conn, entry).await?;
    hours_approval::Model {
        entry_id: entry.id,
        approved_by,
        approved_at,
    }
    .into_active_model()
    .reset_all()
    .insert(conn)
    .await?;
    Ok(())
}

/// One entry with its derived state, or 404.
pub async fn entry<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Entry, ApiError> {
    let row = Entries::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(derive(conn, vec![row]).await?.remove(0))
}

async fn derive<C: ConnectionTrait>(
    conn: &C,
    rows: Vec<hours_entry::Model>,
) -> Result<Vec<Entry>, ApiError> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let approved: HashSet<Uuid> = Approvals::find()
        .select_only()
        .column(hours_approval::Column::EntryId)
        .filter(hours_approval::Column::EntryId.is_in(ids.clone()))
        .into_tuple::<Uuid>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    let reversed: HashMap<Uuid, Uuid> = Entries::find()
        .select_only()
        .column(hours_entry::Column::ReversesId)
        .column(hours_entry::Column::Id)
        .filter(hours_entry::Column::ReversesId.is_in(ids))
        .into_tuple::<(Uuid, Uuid)>()
        .all(conn)
        .await?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| Entry {
            approved: approved.contains(&row.id),
            reversed_by: reversed.get(&row.id).copied(),
            row,
        })
        .collect())
}

/// A person's entries of a ledger month, oldest first. NGO callers see only
/// the entries from their own sessions (all of their own volunteers').
/// Whether the caller sees only part of this person's ledger: an NGO looking
/// at someone who is not its own volunteer sees the entries from its own
/// sessions, and nothing computed from the others.
pub fn partial_view(caller: &UserCaller, participant: &entity::participant::Model) -> bool {
    caller.org_kind == OrgKind::Ngo && participant.ngo_id != Some(caller.org_id)
}

pub async fn entries<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    participant: &entity::participant::Model,
    month: Month,
) -> Result<Vec<Entry>, ApiError> {
    let mut q = Entries::find()
        .filter(hours_entry::Column::ParticipantId.eq(participant.id))
        .filter(hours_entry::Column::Month.eq(month.to_string()));
    if partial_view(caller, participant) {
        let own = sea_orm::sea_query::Query::select()
            .column(session::Column::Id)
            .from(session::Entity)
            .and_where(session::Column::NgoId.eq(caller.org_id))
            .to_owned();
        q = q.filter(hours_entry::Column::SessionId.in_subquery(own));
    }
    let rows = q
        .order_by_asc(hours_entry::Column::CreatedAt)
        .order_by_asc(hours_entry::Column::Id)
        .all(conn)
        .await?;
    derive(conn, rows).await
}

/// Earned hours of a ledger month by category, summed in SQL over the
/// entries that count (everything but unapproved manual entries).
pub async fn earned<C: ConnectionTrait>(
    conn: &C,
    participant_id: Uuid,
    month: Month,
) -> Result<HashMap<String, i64>, ApiError> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let approved = Query::select()
        .column(hours_approval::Column::EntryId)
        .from(hours_approval::Entity)
        .to_owned();
    let rows: Vec<(String, Option<i64>)> = Entries::find()
        .select_only()
        .column(hours_entry::Column::Category)
        .column_as(
            Expr::col(hours_entry::Column::HoursX100)
                .sum()
                .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
            "total",
        )
        .filter(hours_entry::Column::ParticipantId.eq(participant_id))
        .filter(hours_entry::Column::Month.eq(month.to_string()))
        .filter(
            sea_orm::Condition::any()
                .add(hours_entry::Column::Source.ne("manual"))
                .add(hours_entry::Column::Id.in_subquery(approved)),
        )
        .group_by(hours_entry::Column::Category)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows.into_iter().map(|(c, h)| (c, h.unwrap_or(0))).collect())
}

pub async fn is_closed<C: ConnectionTrait>(
    conn: &C,
    org_id: Uuid,
    month: Month,
) -> Result<bool, ApiError> {
    Ok(Closures::find()
        .filter(month_closure::Column::OrgId.eq(org_id))
        .filter(month_closure::Column::Month.eq(month.to_string()))
        .one(conn)
        .await?
        .is_some())
}

/// Which of `(org, month)` pairs are closed, in one query.
pub async fn closed_among<C: ConnectionTrait>(
    conn: &C,
    orgs: &[Uuid],
    months: &[Month],
) -> Result<HashSet<(Uuid, String)>, ApiError> {
    if orgs.is_empty() || months.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(Closures::find()
        .filter(month_closure::Column::OrgId.is_in(orgs.to_vec()))
        .filter(month_closure::Column::Month.is_in(months.iter().map(|m| m.to_string())))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.org_id, c.month))
        .collect())
}

pub async fn close_month<C: ConnectionTrait>(
    conn: &C,
    m: month_closure::Model,
) -> Result<month_closure::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// The bureau whose policy applies to an organisation: itself, its parent
/// bureau, or else the first bureau registered.
pub async fn bureau_for<C: ConnectionTrait>(
    conn: &C,
    org_id: Uuid,
) -> Result<Option<Uuid>, ApiError> {
    let org = organization::Entity::find_by_id(org_id).one(conn).await?;
    if let Some(o) = &org {
        if o.kind == "bureau" {
            return Ok(Some(o.id));
        }
        if let Some(parent) = o.parent_id
            && let Some(p) = organization::Entity::find_by_id(parent).one(conn).await?
            && p.kind == "bureau"
        {
            return Ok(Some(p.id));
        }
    }
    Ok(organization::Entity::find()
        .filter(organization::Column::Kind.eq("bureau"))
        .order_by_asc(organization::Column::CreatedAt)
        .order_by_asc(organization::Column::Id)
        .one(conn)
        .await?
        .map(|o| o.id))
}

pub async fn policy_row<C: ConnectionTrait>(
    conn: &C,
    bureau_id: Uuid,
) -> Result<Option<requirement_policy::Model>, ApiError> {
    Ok(Policies::find()
        .filter(requirement_policy::Column::BureauId.eq(bureau_id))
        .one(conn)
        .await?)
}

/// The policy a row stores, or the defaults.
pub fn policy_of(row: Option<&requirement_policy::Model>) -> Policy {
    let Some(r) = row else {
        return Policy::default();
    };
    let req = |e, p| Requirement {
        education_x100: e,
        public_welfare_x100: p,
    };
    Policy {
        strict: req(r.strict_education_x100, r.strict_public_welfare_x100),
        ordinary: req(r.ordinary_education_x100, r.ordinary_public_welfare_x100),
        lenient: req(r.lenient_education_x100, r.lenient_public_welfare_x100),
        at_risk_day: r.at_risk_day.clamp(1, 28) as u32,
    }
}

/// The requirement policy that applies to an organisation's people (its
/// bureau's, or the defaults).
pub async fn policy_for_org<C: ConnectionTrait>(
    conn: &C,
    org_id: Uuid,
) -> Result<Policy, ApiError> {
    Ok(match bureau_for(conn, org_id).await? {
        Some(b) => policy_of(policy_row(conn, b).await?.as_ref()),
        None => Policy::default(),
    })
}

/// Inserts or replaces (compare-and-set on `version`) a bureau's policy.
pub async fn save_policy<C: ConnectionTrait>(
    conn: &C,
    mut m: requirement_policy::Model,
    existing: Option<i32>,
) -> Result<requirement_policy::Model, ApiError> {
    match existing {
        None => Ok(m.into_active_model().reset_all().insert(conn).await?),
        Some(old) => {
            m.version = old + 1;
            Policies::update(m.into_active_model().reset_all())
                .validate()?
                .filter(requirement_policy::Column::Version.eq(old))
                .exec(conn)
                .await
                .map_err(super::stale_on_not_updated)
        }
    }
}

/// Earned hours of a ledger month for everyone, by participant and category (one SQL aggregate).
pub async fn earned_by_participant<C: ConnectionTrait>(
    conn: &C,
    month: Month,
) -> Result<HashMap<(Uuid, String), i64>, ApiError> {
    earned_among(conn, month, None).await
}

/// Earned hours of a ledger month for these people, by participant and category.
pub async fn earned_of<C: ConnectionTrait>(
    conn: &C,
    month: Month,
    people: &[Uuid],
) -> Result<HashMap<(Uuid, String), i64>, ApiError> {
    if people.is_empty() {
        return Ok(HashMap::new());
    }
    earned_among(conn, month, Some(people)).await
}

async fn earned_among<C: ConnectionTrait>(
    conn: &C,
    month: Month,
    people: Option<&[Uuid]>,
) -> Result<HashMap<(Uuid, String), i64>, ApiError> {
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let approved = Query::select()
        .column(hours_approval::Column::EntryId)
        .from(hours_approval::Entity)
        .to_owned();
    let mut q = Entries::find()
        .select_only()
        .column(hours_entry::Column::ParticipantId)
        .column(hours_entry::Column::Category)
        .column_as(
            Expr::col(hours_entry::Column::HoursX100)
                .sum()
                .cast_as(sea_orm::sea_query::Alias::new("BIGINT")),
            "total",
        )
        .filter(hours_entry::Column::Month.eq(month.to_string()))
        .filter(
            sea_orm::Condition::any()
                .add(hours_entry::Column::Source.ne("manual"))
                .add(hours_entry::Column::Id.in_subquery(approved)),
        );
    if let Some(ids) = people {
        q = q.filter(hours_entry::Column::ParticipantId.is_in(ids.iter().copied()));
    }
    let rows: Vec<(Uuid, String, Option<i64>)> = q
        .group_by(hours_entry::Column::ParticipantId)
        .group_by(hours_entry::Column::Category)
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(p, c, h)| ((p, c), h.unwrap_or(0)))
        .collect())
}

/// A volunteer's ledger (category `volunteer`) by date, with the ids of the
/// approved manual entries among them.
pub async fn volunteer_ledger<C: ConnectionTrait>(
    conn: &C,
    participant_id: Uuid,
) -> Result<(Vec<hours_entry::Model>, std::collections::HashSet<Uuid>), ApiError> {
    let entries = Entries::find()
        .filter(hours_entry::Column::ParticipantId.eq(participant_id))
        .filter(hours_entry::Column::Category.eq("volunteer"))
        .order_by_asc(hours_entry::Column::Date)
        .order_by_asc(hours_entry::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = entries.iter().map(|e| e.id).collect();
    let approved = if ids.is_empty() {
        Default::default()
    } else {
        hours_approval::Entity::find()
            .filter(hours_approval::Column::EntryId.is_in(ids))
            .all(conn)
            .await?
            .into_iter()
            .map(|a| a.entry_id)
            .collect()
    };
    Ok((entries, approved))
}
