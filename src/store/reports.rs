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
