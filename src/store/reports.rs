//! Contract reports' queries beyond a single report: which contracts owe one.

use chrono::NaiveDate;
use entity::{contract, contract_report};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::error::ApiError;

/// Active contracts that started on or before `day`.
pub async fn active_contracts_started_by<C: ConnectionTrait>(
    conn: &C,
    day: NaiveDate,
) -> Result<Vec<contract::Model>, ApiError> {
    Ok(contract::Entity::find()
        .filter(contract::Column::Status.eq("active"))
        .filter(contract::Column::StartDate.lte(day))
        .all(conn)
        .await?)
}

/// Whether a submitted or accepted report of the contract covers `[first, last]`.
pub async fn covered<C: ConnectionTrait>(
    conn: &C,
    contract_id: Uuid,
    first: NaiveDate,
    last: NaiveDate,
) -> Result<bool, ApiError> {
    Ok(contract_report::Entity::find()
        .filter(contract_report::Column::ContractId.eq(contract_id))
        .filter(contract_report::Column::Status.is_in(["submitted", "accepted"]))
        .filter(contract_report::Column::PeriodStart.lte(first))
        .filter(contract_report::Column::PeriodEnd.gte(last))
        .one(conn)
        .await?
        .is_some())
}

/// A report the caller may see (an NGO: its own), with its contract; 404 otherwise.
pub async fn get<C: ConnectionTrait>(
    conn: &C,
    caller: &crate::auth::authz::UserCaller,
    id: Uuid,
) -> Result<(contract_report::Model, contract::Model), ApiError> {
    let r = contract_report::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound)?;
    if caller.org_kind == crate::domain::roles::OrgKind::Ngo && r.ngo_id != caller.org_id {
        return Err(ApiError::NotFound);
    }
    let c = super::contracts::get(conn, caller, r.contract_id).await?;
    Ok((r, c))
}

/// Saves every field, compare-and-set on `version` (which it bumps).
pub async fn save<C: ConnectionTrait>(
    conn: &C,
    mut m: contract_report::Model,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<contract_report::Model, ApiError> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    let old = m.version;
    m.version += 1;
    m.updated_at = now;
    contract_report::Entity::update(m.into_active_model().reset_all())
        .validate()?
        .filter(contract_report::Column::Version.eq(old))
        .exec(conn)
        .await
        .map_err(super::stale_on_not_updated)
}

/// Whether `evaluation_id` is an evaluation of the contract.
pub async fn evaluation_of<C: ConnectionTrait>(
    conn: &C,
    evaluation_id: Uuid,
    contract_id: Uuid,
) -> Result<bool, ApiError> {
    Ok(entity::evaluation::Entity::find_by_id(evaluation_id)
        .one(conn)
        .await?
        .is_some_and(|e| e.contract_id == contract_id))
}

/// A page of one contract's reports.
pub async fn of_contract<C: ConnectionTrait>(
    conn: &C,
    contract_id: Uuid,
    page: &super::page::PageRequest<Uuid>,
) -> Result<(Vec<contract_report::Model>, Option<String>), ApiError> {
    let q =
        contract_report::Entity::find().filter(contract_report::Column::ContractId.eq(contract_id));
    super::page::fetch(conn, q, contract_report::Column::Id, page, |m| m.id).await
}

/// Inserts a report.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    m: contract_report::Model,
) -> Result<contract_report::Model, ApiError> {
    use sea_orm::{ActiveModelTrait, IntoActiveModel};
    Ok(m.into_active_model().reset_all().insert(conn).await?)
}
