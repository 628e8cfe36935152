//! Sessions, enrolments and attendance events.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Contracts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Participants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    ContractId,
    NgoId,
    SessionType,
    Title,
    StartsAt,
    EndsAt,
    Location,
    LatitudeE6,
    LongitudeE6,
    RadiusM,
    Capacity,
    Facilitator,
    CreditHoursX100,
    Status,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Enrollments {
    Table,
    Id,
    SessionId,
    ParticipantId,
    EnrolledBy,
    Outcome,
    CheckInAt,
    CheckOutAt,
    HoursX100,
    AutoCheckout,
    Source,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AttendanceEvents {
    Table,
    Id,
    SessionId,
    ParticipantId,
    ClientEventId,
    Kind,
    At,
    Source,
    RecordedAt,
    RecordedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(pk_uuid(Sessions::Id))
                .col(uuid(Sessions::ContractId))
                .col(uuid(Sessions::NgoId))
                .col(string(Sessions::SessionType))
                .col(string(Sessions::Title))
                .col(timestamp_with_time_zone(Sessions::StartsAt))
                .col(timestamp_with_time_zone(Sessions::EndsAt))
                .col(string(Sessions::Location))
                .col(big_integer_null(Sessions::LatitudeE6))
                .col(big_integer_null(Sessions::LongitudeE6))
                .col(integer_null(Sessions::RadiusM))
                .col(integer(Sessions::Capacity))
                .col(string(Sessions::Facilitator))
                .col(big_integer(Sessions::CreditHoursX100))
                .col(string(Sessions::Status))
                .col(uuid(Sessions::CreatedBy))
                .col(integer(Sessions::Version))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::ContractId)
                        .to(Contracts::Table, Contracts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::NgoId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Enrollments::Table)
                .col(pk_uuid(Enrollments::Id))
                .col(uuid(Enrollments::SessionId))
                .col(uuid(Enrollments::ParticipantId))
                .col(uuid(Enrollments::EnrolledBy))
                .col(string_null(Enrollments::Outcome))
                .col(timestamp_with_time_zone_null(Enrollments::CheckInAt))
                .col(timestamp_with_time_zone_null(Enrollments::CheckOutAt))
                .col(big_integer_null(Enrollments::HoursX100))
                .col(boolean(Enrollments::AutoCheckout))
                .col(string_null(Enrollments::Source))
                .col(timestamp_with_time_zone(Enrollments::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Enrollments::Table, Enrollments::SessionId)
                        .to(Sessions::Table, Sessions::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Enrollments::Table, Enrollments::ParticipantId)
                        .to(Participants::Table, Participants::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AttendanceEvents::Table)
                .col(pk_uuid(AttendanceEvents::Id))
                .col(uuid(AttendanceEvents::SessionId))
                .col(uuid(AttendanceEvents::ParticipantId))
                .col(uuid_null(AttendanceEvents::ClientEventId).unique_key())
                .col(string(AttendanceEvents::Kind))
                .col(timestamp_with_time_zone(AttendanceEvents::At))
                .col(string(AttendanceEvents::Source))
                .col(timestamp_with_time_zone(AttendanceEvents::RecordedAt))
                .col(uuid(AttendanceEvents::RecordedBy))
                .foreign_key(
                    ForeignKey::create()
                        .from(AttendanceEvents::Table, AttendanceEvents::SessionId)
                        .to(Sessions::Table, Sessions::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AttendanceEvents::Table, AttendanceEvents::ParticipantId)
                        .to(Participants::Table, Participants::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_contract")
                .table(Sessions::Table)
                .col(Sessions::ContractId)
                .col(Sessions::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_sessions_ngo")
                .table(Sessions::Table)
                .col(Sessions::NgoId)
                .col(Sessions::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_enrollments")
                .table(Enrollments::Table)
                .col(Enrollments::SessionId)
                .col(Enrollments::ParticipantId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_enrollments_participant")
                .table(Enrollments::Table)
                .col(Enrollments::ParticipantId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_attendance_session")
                .table(AttendanceEvents::Table)
                .col(AttendanceEvents::SessionId)
                .col(AttendanceEvents::ParticipantId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AttendanceEvents::Table.into_iden(),
            Enrollments::Table.into_iden(),
            Sessions::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
