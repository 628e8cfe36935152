//! Distinct people at any window edge from the roll-ups: `served_spans`
//! replaces `served_months`. Per contract, local month and person it keeps
//! the first and last session start at which the person was served,
//! counselled or volunteered, so a window that starts or ends inside a month
//! is answered from that month's rows (`last >= from`, `first < to`) instead
//! of the enrolments. The state row is cleared so the server rebuilds the
//! roll-ups on its next start (or `huigui migrate`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ServedMonths {
    Table,
}

#[derive(DeriveIden)]
enum ServedSpans {
    Table,
    ContractId,
    Month,
    ParticipantId,
    ServedFirst,
    ServedLast,
    CounseledFirst,
    CounseledLast,
    VolunteeredFirst,
    VolunteeredLast,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ServedMonths::Table).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table(ServedSpans::Table)
                .col(uuid(ServedSpans::ContractId))
                .col(string(ServedSpans::Month))
                .col(uuid(ServedSpans::ParticipantId))
                .col(timestamp_with_time_zone_null(ServedSpans::ServedFirst))
                .col(timestamp_with_time_zone_null(ServedSpans::ServedLast))
                .col(timestamp_with_time_zone_null(ServedSpans::CounseledFirst))
                .col(timestamp_with_time_zone_null(ServedSpans::CounseledLast))
                .col(timestamp_with_time_zone_null(ServedSpans::VolunteeredFirst))
                .col(timestamp_with_time_zone_null(ServedSpans::VolunteeredLast))
                .primary_key(
                    Index::create()
                        .col(ServedSpans::ContractId)
                        .col(ServedSpans::Month)
                        .col(ServedSpans::ParticipantId),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_served_spans_month")
                .table(ServedSpans::Table)
                .col(ServedSpans::Month)
                .to_owned(),
        )
        .await?;
        rebuild_at_start(m).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ServedSpans::Table).to_owned())
            .await?;
        m.create_table(
            Table::create()
                .table(ServedMonths::Table)
                .col(uuid(Alias::new("contract_id")))
                .col(string(Alias::new("month")))
                .col(uuid(Alias::new("participant_id")))
                .col(integer(Alias::new("served")))
                .col(integer(Alias::new("counseled")))
                .col(integer(Alias::new("volunteered")))
                .primary_key(
                    Index::create()
                        .col(Alias::new("contract_id"))
                        .col(Alias::new("month"))
                        .col(Alias::new("participant_id")),
                )
                .to_owned(),
        )
        .await?;
        rebuild_at_start(m).await
    }
}

/// Clears the roll-ups' state row, so the server rebuilds them on its next
/// start (or `huigui migrate`).
async fn rebuild_at_start(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    m.get_connection()
        .execute_unprepared("DELETE FROM rollup_state")
        .await?;
    Ok(())
}
