//! Roll-ups for the reports and dashboards at county scale, maintained in
//! the transactions that change their sources (`huigui::store::rollups`):
//! per closed session, its additive delivery figures; per contract, local
//! month and person, whether they were served, counselled or volunteered (for
//! distinct counts); per day and category, and per ledger month, person and
//! category, counted ledger hours. A state row
//! records the time zone the months were cut in; the server rebuilds the
//! roll-ups on start-up when it is missing or different.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SessionTotals {
    Table,
    SessionId,
    ContractId,
    SessionType,
    StartsAt,
    Denominator,
    Attended,
    HoursX100,
    WelfareX100,
    VolunteerX100,
    RatingSum,
    Ratings,
}

#[derive(DeriveIden)]
enum ServedMonths {
    Table,
    ContractId,
    Month,
    ParticipantId,
    Served,
    Counseled,
    Volunteered,
}

#[derive(DeriveIden)]
enum HoursDays {
    Table,
    Date,
    Category,
    HoursX100,
}

#[derive(DeriveIden)]
enum HoursMonths {
    Table,
    Month,
    ParticipantId,
    Category,
    HoursX100,
}

#[derive(DeriveIden)]
enum RollupState {
    Table,
    Name,
    Value,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(SessionTotals::Table)
                .col(pk_uuid(SessionTotals::SessionId))
                .col(uuid(SessionTotals::ContractId))
                .col(string(SessionTotals::SessionType))
                .col(timestamp_with_time_zone(SessionTotals::StartsAt))
                .col(big_integer(SessionTotals::Denominator))
                .col(big_integer(SessionTotals::Attended))
                .col(big_integer(SessionTotals::HoursX100))
                .col(big_integer(SessionTotals::WelfareX100))
                .col(big_integer(SessionTotals::VolunteerX100))
                .col(big_integer(SessionTotals::RatingSum))
                .col(big_integer(SessionTotals::Ratings))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_session_totals_contract_start")
                .table(SessionTotals::Table)
                .col(SessionTotals::ContractId)
                .col(SessionTotals::StartsAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_session_totals_start")
                .table(SessionTotals::Table)
                .col(SessionTotals::StartsAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ServedMonths::Table)
                .col(uuid(ServedMonths::ContractId))
                .col(string(ServedMonths::Month))
                .col(uuid(ServedMonths::ParticipantId))
                .col(integer(ServedMonths::Served))
                .col(integer(ServedMonths::Counseled))
                .col(integer(ServedMonths::Volunteered))
                .primary_key(
                    Index::create()
                        .col(ServedMonths::ContractId)
                        .col(ServedMonths::Month)
                        .col(ServedMonths::ParticipantId),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_served_months_month")
                .table(ServedMonths::Table)
                .col(ServedMonths::Month)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(HoursDays::Table)
                .col(date(HoursDays::Date))
                .col(string(HoursDays::Category))
                .col(big_integer(HoursDays::HoursX100))
                .primary_key(
                    Index::create()
                        .col(HoursDays::Date)
                        .col(HoursDays::Category),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(HoursMonths::Table)
                .col(string(HoursMonths::Month))
                .col(uuid(HoursMonths::ParticipantId))
                .col(string(HoursMonths::Category))
                .col(big_integer(HoursMonths::HoursX100))
                .primary_key(
                    Index::create()
                        .col(HoursMonths::Month)
                        .col(HoursMonths::ParticipantId)
                        .col(HoursMonths::Category),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RollupState::Table)
                .col(string(RollupState::Name).primary_key())
                .col(string(RollupState::Value))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            SessionTotals::Table.into_iden(),
            ServedMonths::Table.into_iden(),
            HoursDays::Table.into_iden(),
            HoursMonths::Table.into_iden(),
            RollupState::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
