//! Individual correction plans (矫正方案, Art. 24): append-only versions per
//! person, each with the day it takes effect, the reason for the change,
//! monthly hours that override the supervision-level policy (optional),
//! session goals per month (JSON) and notes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CorrectionPlans {
    Table,
    Id,
    ParticipantId,
    Version,
    EffectiveFrom,
    Reason,
    EducationX100,
    PublicWelfareX100,
    SessionGoals,
    Notes,
    CreatedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CorrectionPlans::Table)
                .col(pk_uuid(CorrectionPlans::Id))
                .col(uuid(CorrectionPlans::ParticipantId))
                .col(integer(CorrectionPlans::Version))
                .col(date(CorrectionPlans::EffectiveFrom))
                .col(text(CorrectionPlans::Reason))
                .col(big_integer_null(CorrectionPlans::EducationX100))
                .col(big_integer_null(CorrectionPlans::PublicWelfareX100))
                .col(text(CorrectionPlans::SessionGoals))
                .col(text(CorrectionPlans::Notes))
                .col(uuid(CorrectionPlans::CreatedBy))
                .col(timestamp_with_time_zone(CorrectionPlans::CreatedAt))
                .to_owned(),
        )
        .await?;
        // One row per version; also the lookup of the plan in effect.
        m.create_index(
            Index::create()
                .name("uq_correction_plans_version")
                .table(CorrectionPlans::Table)
                .col(CorrectionPlans::ParticipantId)
                .col(CorrectionPlans::Version)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CorrectionPlans::Table).to_owned())
            .await
    }
}
