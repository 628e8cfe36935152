//! Correction teams (矫正小组, Art. 24–25): each person's team, replaced as a
//! whole by the office, kept as JSON with a version.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CorrectionTeams {
    Table,
    ParticipantId,
    Members,
    UpdatedBy,
    Version,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CorrectionTeams::Table)
                .col(pk_uuid(CorrectionTeams::ParticipantId))
                .col(text(CorrectionTeams::Members))
                .col(uuid(CorrectionTeams::UpdatedBy))
                .col(integer(CorrectionTeams::Version))
                .col(timestamp_with_time_zone(CorrectionTeams::UpdatedAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CorrectionTeams::Table).to_owned())
            .await
    }
}
