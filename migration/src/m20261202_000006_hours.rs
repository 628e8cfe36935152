//! Hours ledger (append-only entries, approvals, month closures),
//! requirement policies and excused absences.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Participants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    ExcuseReason,
    ExcusedBy,
    ExcusedAt,
}

#[derive(DeriveIden)]
enum HoursEntries {
    Table,
    Id,
    ParticipantId,
    Category,
    Source,
    HoursX100,
    Date,
    Month,
    Description,
    SessionId,
    EnrollmentId,
    ReversesId,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum HoursApprovals {
    Table,
    EntryId,
    ApprovedBy,
    ApprovedAt,
}

#[derive(DeriveIden)]
enum MonthClosures {
    Table,
    Id,
    OrgId,
    Month,
    ClosedBy,
    ClosedAt,
}

#[derive(DeriveIden)]
enum RequirementPolicies {
    Table,
    Id,
    BureauId,
    StrictEducationX100,
    StrictPublicWelfareX100,
    OrdinaryEducationX100,
    OrdinaryPublicWelfareX100,
    LenientEducationX100,
    LenientPublicWelfareX100,
    AtRiskDay,
    Version,
    UpdatedBy,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(HoursEntries::Table)
                .col(pk_uuid(HoursEntries::Id))
                .col(uuid(HoursEntries::ParticipantId))
                .col(string(HoursEntries::Category))
                .col(string(HoursEntries::Source))
                .col(big_integer(HoursEntries::HoursX100))
                .col(date(HoursEntries::Date))
                .col(string(HoursEntries::Month))
                .col(text(HoursEntries::Description))
                .col(uuid_null(HoursEntries::SessionId))
                .col(uuid_null(HoursEntries::EnrollmentId).unique_key())
                .col(uuid_null(HoursEntries::ReversesId).unique_key())
                .col(uuid(HoursEntries::CreatedBy))
                .col(timestamp_with_time_zone(HoursEntries::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(HoursEntries::Table, HoursEntries::ParticipantId)
                        .to(Participants::Table, Participants::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(HoursEntries::Table, HoursEntries::ReversesId)
                        .to(HoursEntries::Table, HoursEntries::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_hours_entries_participant_month")
                .table(HoursEntries::Table)
                .col(HoursEntries::ParticipantId)
                .col(HoursEntries::Month)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(HoursApprovals::Table)
                .col(pk_uuid(HoursApprovals::EntryId))
                .col(uuid(HoursApprovals::ApprovedBy))
                .col(timestamp_with_time_zone(HoursApprovals::ApprovedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(HoursApprovals::Table, HoursApprovals::EntryId)
                        .to(HoursEntries::Table, HoursEntries::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MonthClosures::Table)
                .col(pk_uuid(MonthClosures::Id))
                .col(uuid(MonthClosures::OrgId))
                .col(string(MonthClosures::Month))
                .col(uuid_null(MonthClosures::ClosedBy))
                .col(timestamp_with_time_zone(MonthClosures::ClosedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(MonthClosures::Table, MonthClosures::OrgId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_month_closures")
                .table(MonthClosures::Table)
                .col(MonthClosures::OrgId)
                .col(MonthClosures::Month)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RequirementPolicies::Table)
                .col(pk_uuid(RequirementPolicies::Id))
                .col(uuid(RequirementPolicies::BureauId).unique_key())
                .col(big_integer(RequirementPolicies::StrictEducationX100))
                .col(big_integer(RequirementPolicies::StrictPublicWelfareX100))
                .col(big_integer(RequirementPolicies::OrdinaryEducationX100))
                .col(big_integer(RequirementPolicies::OrdinaryPublicWelfareX100))
                .col(big_integer(RequirementPolicies::LenientEducationX100))
                .col(big_integer(RequirementPolicies::LenientPublicWelfareX100))
                .col(integer(RequirementPolicies::AtRiskDay))
                .col(integer(RequirementPolicies::Version))
                .col(uuid(RequirementPolicies::UpdatedBy))
                .col(timestamp_with_time_zone(RequirementPolicies::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RequirementPolicies::Table, RequirementPolicies::BureauId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        // SQLite adds one column per ALTER TABLE.
        for col in [
            string_null(Enrollments::ExcuseReason),
            uuid_null(Enrollments::ExcusedBy),
            timestamp_with_time_zone_null(Enrollments::ExcusedAt),
        ] {
            let mut col = col;
            m.alter_table(
                Table::alter()
                    .table(Enrollments::Table)
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            Enrollments::ExcuseReason,
            Enrollments::ExcusedBy,
            Enrollments::ExcusedAt,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Enrollments::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        for t in [
            RequirementPolicies::Table.into_iden(),
            MonthClosures::Table.into_iden(),
            HoursApprovals::Table.into_iden(),
            HoursEntries::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
