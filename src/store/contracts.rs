//! Contracts and what hangs off them (amendments, evaluations, milestones),
//! scoped by caller: NGOs see only their own contracts; a detail row is
//! visible exactly when its contract is.

use entity::{
    amendment::{self, Entity as Amendments},
    contract::{self, Entity as Contracts},
    evaluation::{self, Entity as Evaluations},
    milestone::{self, Entity as Milestones},
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, QuerySelect,
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
        Condition::all().add(contract::Column::NgoId.eq(caller.org_id))
    } else {
        Condition::all()
    }
}

/// The next sequence number for a bureau's contracts in a year.
pub async fn next_seq<C: ConnectionTrait>(
    conn: &C,
    bureau_id: Uuid,
    year: i32,
) -> Result<i64, ApiError> {
    // On PostgreSQL concurrent creators would read the same maximum: serialise
    // numbering per bureau and year until the transaction ends. (SQLite has one writer.)
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        let key = (bureau_id.as_u64_pair().0 as i64) ^ i64::from(year);
        conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({key})"))
            .await?;
    }
    let max: Option<i64> = Contracts::find()
        .select_only()
        .column_as(contract::Column::Seq.max(), "m")
        .filter(contract::Column::BureauId.eq(bureau_id))
        .filter(contract::Column::Year.eq(year))
        .into_tuple::<Option<i64>>()
        .one(conn)
        .await?
        .flatten();
    Ok(max.unwrap_or(0) + 1)
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: contract::Model,
) -> Result<contract::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

/// Saves every field, compare-and-set on `version` (which it bumps).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: contract::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<contract::Model, ApiError> {
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    Contracts::update(m.into_active_model().reset_all())
        .validate()?
        .filter(contract::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<contract::Model, ApiError> {
    Contracts::find_by_id(id)
        .filter(visible(caller))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn list<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    status: Option<&str>,
    ngo_id: Option<Uuid>,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<contract::Model>, Option<String>), ApiError> {
    let mut q = Contracts::find().filter(visible(caller));
    if let Some(s) = status {
        q = q.filter(contract::Column::Status.eq(s));
    }
    if let Some(n) = ngo_id {
        q = q.filter(contract::Column::NgoId.eq(n));
    }
    page::fetch(conn, q, contract::Column::Id, page, |m| m.id).await
}

/// Reports across every contract the caller sees (an NGO: its own), e.g. the
/// officer's inbox of submitted ones.
pub async fn list_reports<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    status: Option<&str>,
    contract_id: Option<Uuid>,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<entity::contract_report::Model>, Option<String>), ApiError> {
    use entity::contract_report::{Column, Entity as Reports};
    let mut q = Reports::find();
    if caller.org_kind == OrgKind::Ngo {
        q = q.filter(Column::NgoId.eq(caller.org_id));
    }
    if let Some(s) = status {
        q = q.filter(Column::Status.eq(s));
    }
    if let Some(c) = contract_id {
        q = q.filter(Column::ContractId.eq(c));
    }
    page::fetch(conn, q, Column::Id, page, |m| m.id).await
}

pub async fn insert_amendment<C: ConnectionTrait>(
    conn: &C,
    m: amendment::Model,
) -> Result<amendment::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn save_amendment<C: ConnectionTrait>(
    conn: &C,
    m: amendment::Model,
) -> Result<amendment::Model, ApiError> {
    Ok(m.into_active_model().reset_all().update(conn).await?)
}

/// An amendment and its contract, if the contract is visible.
pub async fn get_amendment<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<(amendment::Model, contract::Model), ApiError> {
    let a = Amendments::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = get(conn, caller, a.contract_id).await?;
    Ok((a, c))
}

pub async fn list_amendments<C: ConnectionTrait>(
    conn: &C,
    contract_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<amendment::Model>, Option<String>), ApiError> {
    let q = Amendments::find().filter(amendment::Column::ContractId.eq(contract_id));
    page::fetch(conn, q, amendment::Column::Id, page, |m| m.id).await
}

pub async fn insert_evaluation<C: ConnectionTrait>(
    conn: &C,
    m: evaluation::Model,
) -> Result<evaluation::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn list_evaluations<C: ConnectionTrait>(
    conn: &C,
    contract_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<evaluation::Model>, Option<String>), ApiError> {
    let q = Evaluations::find().filter(evaluation::Column::ContractId.eq(contract_id));
    page::fetch(conn, q, evaluation::Column::Id, page, |m| m.id).await
}

pub async fn insert_milestone<C: ConnectionTrait>(
    conn: &C,
    m: milestone::Model,
) -> Result<milestone::Model, ApiError> {
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}

pub async fn save_milestone<C: ConnectionTrait>(
    conn: &C,
    m: milestone::Model,
) -> Result<milestone::Model, ApiError> {
    Ok(m.into_active_model().reset_all().update(conn).await?)
}

/// Every milestone of a contract, by due date.
pub async fn all_milestones<C: ConnectionTrait>(
    conn: &C,
    contract_id: Uuid,
) -> Result<Vec<milestone::Model>, ApiError> {
    Ok(Milestones::find()
        .filter(milestone::Column::ContractId.eq(contract_id))
        .order_by_asc(milestone::Column::DueDate)
        .order_by_asc(milestone::Column::Id)
        .all(conn)
        .await?)
}

pub async fn list_milestones<C: ConnectionTrait>(
    conn: &C,
    contract_id: Uuid,
    page: &PageRequest<Uuid>,
) -> Result<(Vec<milestone::Model>, Option<String>), ApiError> {
    let q = Milestones::find().filter(milestone::Column::ContractId.eq(contract_id));
    page::fetch(conn, q, milestone::Column::Id, page, |m| m.id).await
}

/// A milestone and its contract, if the contract is visible.
pub async fn get_milestone<C: ConnectionTrait>(
    conn: &C,
    caller: &UserCaller,
    id: Uuid,
) -> Result<(milestone::Model, contract::Model), ApiError> {
    let m = Milestones::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)?;
    let c = get(conn, caller, m.contract_id).await?;
    Ok((m, c))
}

/// Every contract, by contract number.
pub async fn all_by_number<C: ConnectionTrait>(conn: &C) -> Result<Vec<contract::Model>, ApiError> {
    Ok(Contracts::find()
        .order_by_asc(contract::Column::ContractNo)
        .all(conn)
        .await?)
}

/// Paid amounts per contract: the paid milestones' payable amounts.
pub async fn paid_by_contract<C: ConnectionTrait>(
    conn: &C,
) -> Result<std::collections::HashMap<Uuid, i64>, ApiError> {
    let mut m = std::collections::HashMap::new();
    for ms in Milestones::find()
        .filter(milestone::Column::Status.eq("paid"))
        .all(conn)
        .await?
    {
        *m.entry(ms.contract_id).or_insert(0) += ms.payable_fen.unwrap_or(ms.amount_fen);
    }
    Ok(m)
}
