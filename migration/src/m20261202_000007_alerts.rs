//! Mail outbox, job leases and once-only marks, alerts, discipline records,
//! assistance referrals, and the police station configured on an office.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    PoliceStationId,
}

#[derive(DeriveIden)]
enum Participants {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Kind,
    Recipient,
    Subject,
    BodyText,
    BodyHtml,
    MessageId,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum JobLeases {
    Table,
    Name,
    Holder,
    LeaseUntil,
    LastRunAt,
}

#[derive(DeriveIden)]
enum JobMarks {
    Table,
    Key,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Alerts {
    Table,
    Id,
    ParticipantId,
    OfficeId,
    Kind,
    Period,
    Detail,
    Status,
    RaisedByOrg,
    RaisedBy,
    AgencyId,
    Note,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DisciplineRecords {
    Table,
    Id,
    ParticipantId,
    OfficeId,
    Kind,
    Reason,
    Date,
    RecordedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Referrals {
    Table,
    Id,
    ParticipantId,
    OfficeId,
    AgencyId,
    Need,
    Detail,
    RespondBy,
    Status,
    Response,
    RespondedBy,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(pk_uuid(Outbox::Id))
                .col(string(Outbox::Kind))
                .col(string(Outbox::Recipient))
                .col(string(Outbox::Subject))
                .col(text(Outbox::BodyText))
                .col(text(Outbox::BodyHtml))
                .col(string(Outbox::MessageId).unique_key())
                .col(string(Outbox::Status))
                .col(integer(Outbox::Attempts))
                .col(timestamp_with_time_zone(Outbox::NextAttemptAt))
                .col(timestamp_with_time_zone_null(Outbox::ClaimedUntil))
                .col(text_null(Outbox::LastError))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .col(timestamp_with_time_zone_null(Outbox::SentAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_outbox_due")
                .table(Outbox::Table)
                .col(Outbox::Status)
                .col(Outbox::NextAttemptAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(JobLeases::Table)
                .col(string(JobLeases::Name).primary_key())
                .col(string(JobLeases::Holder))
                .col(timestamp_with_time_zone(JobLeases::LeaseUntil))
                .col(timestamp_with_time_zone_null(JobLeases::LastRunAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(JobMarks::Table)
                .col(string(JobMarks::Key).primary_key())
                .col(timestamp_with_time_zone(JobMarks::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Alerts::Table)
                .col(pk_uuid(Alerts::Id))
                .col(uuid(Alerts::ParticipantId))
                .col(uuid(Alerts::OfficeId))
                .col(string(Alerts::Kind))
                .col(string(Alerts::Period))
                .col(text(Alerts::Detail))
                .col(string(Alerts::Status))
                .col(uuid_null(Alerts::RaisedByOrg))
                .col(uuid_null(Alerts::RaisedBy))
                .col(uuid_null(Alerts::AgencyId))
                .col(text_null(Alerts::Note))
                .col(integer(Alerts::Version))
                .col(timestamp_with_time_zone(Alerts::CreatedAt))
                .col(timestamp_with_time_zone(Alerts::UpdatedAt))
                .foreign_key(&mut fk(
                    (Alerts::Table, Alerts::ParticipantId),
                    (Participants::Table, Participants::Id),
                ))
                .foreign_key(&mut fk(
                    (Alerts::Table, Alerts::OfficeId),
                    (Organizations::Table, Organizations::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_alerts_cause")
                .table(Alerts::Table)
                .col(Alerts::ParticipantId)
                .col(Alerts::Kind)
                .col(Alerts::Period)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_alerts_office")
                .table(Alerts::Table)
                .col(Alerts::OfficeId)
                .col(Alerts::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DisciplineRecords::Table)
                .col(pk_uuid(DisciplineRecords::Id))
                .col(uuid(DisciplineRecords::ParticipantId))
                .col(uuid(DisciplineRecords::OfficeId))
                .col(string(DisciplineRecords::Kind))
                .col(text(DisciplineRecords::Reason))
                .col(date(DisciplineRecords::Date))
                .col(uuid(DisciplineRecords::RecordedBy))
                .col(timestamp_with_time_zone(DisciplineRecords::CreatedAt))
                .foreign_key(&mut fk(
                    (DisciplineRecords::Table, DisciplineRecords::ParticipantId),
                    (Participants::Table, Participants::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_discipline_participant")
                .table(DisciplineRecords::Table)
                .col(DisciplineRecords::ParticipantId)
                .col(DisciplineRecords::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Referrals::Table)
                .col(pk_uuid(Referrals::Id))
                .col(uuid(Referrals::ParticipantId))
                .col(uuid(Referrals::OfficeId))
                .col(uuid(Referrals::AgencyId))
                .col(string(Referrals::Need))
                .col(text(Referrals::Detail))
                .col(date(Referrals::RespondBy))
                .col(string(Referrals::Status))
                .col(text_null(Referrals::Response))
                .col(uuid_null(Referrals::RespondedBy))
                .col(uuid(Referrals::CreatedBy))
                .col(integer(Referrals::Version))
                .col(timestamp_with_time_zone(Referrals::CreatedAt))
                .col(timestamp_with_time_zone(Referrals::UpdatedAt))
                .foreign_key(&mut fk(
                    (Referrals::Table, Referrals::ParticipantId),
                    (Participants::Table, Participants::Id),
                ))
                .foreign_key(&mut fk(
                    (Referrals::Table, Referrals::AgencyId),
                    (Organizations::Table, Organizations::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_referrals_agency")
                .table(Referrals::Table)
                .col(Referrals::AgencyId)
                .col(Referrals::Id)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Organizations::Table)
                .add_column(uuid_null(Organizations::PoliceStationId))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Organizations::Table)
                .drop_column(Organizations::PoliceStationId)
                .to_owned(),
        )
        .await?;
        for t in [
            Referrals::Table.into_iden(),
            DisciplineRecords::Table.into_iden(),
            Alerts::Table.into_iden(),
            JobMarks::Table.into_iden(),
            JobLeases::Table.into_iden(),
            Outbox::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
