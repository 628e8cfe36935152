//! Assistance notices (协助通知): an office tells a person's village or
//! residents' committee its duties, numbered per bureau and year; the
//! committee acknowledges.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AssistanceNotices {
    Table,
    Id,
    BureauId,
    OfficeId,
    ParticipantId,
    CommitteeId,
    Year,
    Seq,
    Number,
    Duties,
    Status,
    AcknowledgedBy,
    AcknowledgedAt,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AssistanceNotices::Table)
                .col(pk_uuid(AssistanceNotices::Id))
                .col(uuid(AssistanceNotices::BureauId))
                .col(uuid(AssistanceNotices::OfficeId))
                .col(uuid(AssistanceNotices::ParticipantId))
                .col(uuid(AssistanceNotices::CommitteeId))
                .col(integer(AssistanceNotices::Year))
                .col(big_integer(AssistanceNotices::Seq))
                .col(string(AssistanceNotices::Number))
                .col(text(AssistanceNotices::Duties))
                .col(string(AssistanceNotices::Status))
                .col(uuid_null(AssistanceNotices::AcknowledgedBy))
                .col(timestamp_with_time_zone_null(
                    AssistanceNotices::AcknowledgedAt,
                ))
                .col(uuid(AssistanceNotices::CreatedBy))
                .col(integer(AssistanceNotices::Version))
                .col(timestamp_with_time_zone(AssistanceNotices::CreatedAt))
                .col(timestamp_with_time_zone(AssistanceNotices::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_assistance_notices_number")
                .table(AssistanceNotices::Table)
                .col(AssistanceNotices::BureauId)
                .col(AssistanceNotices::Year)
                .col(AssistanceNotices::Seq)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_assistance_notices_committee")
                .table(AssistanceNotices::Table)
                .col(AssistanceNotices::CommitteeId)
                .col(AssistanceNotices::Status)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AssistanceNotices::Table).to_owned())
            .await
    }
}
