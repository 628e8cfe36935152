//! Outcomes, satisfaction ratings, periodic contract reports, mail
//! attachments, and indexes for the reports and dashboards.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Participants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Satisfaction,
    SessionId,
    Outcome,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    ContractId,
    Status,
    StartsAt,
}

#[derive(DeriveIden)]
enum HoursEntries {
    Table,
    Month,
    Category,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Attachments,
}

#[derive(DeriveIden)]
enum Outcomes {
    Table,
    Id,
    ParticipantId,
    Kind,
    Date,
    Detail,
    ScoreBefore,
    ScoreAfter,
    RecordedByOrg,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ContractReports {
    Table,
    Id,
    ContractId,
    NgoId,
    PeriodStart,
    PeriodEnd,
    Status,
    Metrics,
    Narrative,
    Comments,
    EvaluationId,
    CreatedBy,
    SubmittedAt,
    DecidedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Outcomes::Table)
                .col(pk_uuid(Outcomes::Id))
                .col(uuid(Outcomes::ParticipantId))
                .col(string(Outcomes::Kind))
                .col(date(Outcomes::Date))
                .col(text(Outcomes::Detail))
                .col(integer_null(Outcomes::ScoreBefore))
                .col(integer_null(Outcomes::ScoreAfter))
                .col(uuid(Outcomes::RecordedByOrg))
                .col(uuid_null(Outcomes::RecordedBy))
                .col(timestamp_with_time_zone(Outcomes::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Outcomes::Table, Outcomes::ParticipantId)
                        .to(Participants::Table, Participants::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_outcomes_org_date")
                .table(Outcomes::Table)
                .col(Outcomes::RecordedByOrg)
                .col(Outcomes::Date)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_outcomes_participant")
                .table(Outcomes::Table)
                .col(Outcomes::ParticipantId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ContractReports::Table)
                .col(pk_uuid(ContractReports::Id))
                .col(uuid(ContractReports::ContractId))
                .col(uuid(ContractReports::NgoId))
                .col(date(ContractReports::PeriodStart))
                .col(date(ContractReports::PeriodEnd))
                .col(string(ContractReports::Status))
                .col(text(ContractReports::Metrics))
                .col(text(ContractReports::Narrative))
                .col(text_null(ContractReports::Comments))
                .col(uuid_null(ContractReports::EvaluationId))
                .col(uuid(ContractReports::CreatedBy))
                .col(timestamp_with_time_zone_null(ContractReports::SubmittedAt))
                .col(timestamp_with_time_zone_null(ContractReports::DecidedAt))
                .col(integer(ContractReports::Version))
                .col(timestamp_with_time_zone(ContractReports::CreatedAt))
                .col(timestamp_with_time_zone(ContractReports::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ContractReports::Table, ContractReports::ContractId)
                        .to(Contracts::Table, Contracts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_reports_contract")
                .table(ContractReports::Table)
                .col(ContractReports::ContractId)
                .col(ContractReports::Id)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Enrollments::Table)
                .add_column(integer_null(Enrollments::Satisfaction))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Outbox::Table)
                .add_column(text_null(Outbox::Attachments))
                .to_owned(),
        )
        .await?;
        // Aggregates by contract and period, by session and outcome, by month and category.
        m.create_index(
            Index::create()
                .name("idx_sessions_contract_status_start")
                .table(Sessions::Table)
                .col(Sessions::ContractId)
                .col(Sessions::Status)
                .col(Sessions::StartsAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_enrollments_session_outcome")
                .table(Enrollments::Table)
                .col(Enrollments::SessionId)
                .col(Enrollments::Outcome)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_hours_entries_month_category")
                .table(HoursEntries::Table)
                .col(HoursEntries::Month)
                .col(HoursEntries::Category)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            (
                "idx_hours_entries_month_category",
                HoursEntries::Table.into_iden(),
            ),
            (
                "idx_enrollments_session_outcome",
                Enrollments::Table.into_iden(),
            ),
            (
                "idx_sessions_contract_status_start",
                Sessions::Table.into_iden(),
            ),
        ] {
            m.drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Outbox::Table)
                .drop_column(Outbox::Attachments)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Enrollments::Table)
                .drop_column(Enrollments::Satisfaction)
                .to_owned(),
        )
        .await?;
        for t in [
            ContractReports::Table.into_iden(),
            Outcomes::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
