//! Participants (persons under correction, volunteers) and their transfers.

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
    Kind,
    Code,
    Name,
    IdNumberSealed,
    IdNumberHash,
    IdNumberMasked,
    Gender,
    BirthDate,
    Minor,
    Phone,
    JudicialOfficeId,
    NgoId,
    CorrectionType,
    SupervisionLevel,
    CorrectionStart,
    CorrectionEnd,
    Skills,
    AbleToWork,
    MedicalNeeds,
    Status,
    StatusDate,
    StatusReason,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ParticipantTransfers {
    Table,
    Id,
    ParticipantId,
    FromOfficeId,
    ToOfficeId,
    Reason,
    TransferredBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Participants::Table)
                .col(pk_uuid(Participants::Id))
                .col(string(Participants::Kind))
                .col(string_uniq(Participants::Code))
                .col(string(Participants::Name))
                .col(text_null(Participants::IdNumberSealed))
                .col(string_null(Participants::IdNumberHash))
                .col(string_null(Participants::IdNumberMasked))
                .col(string_null(Participants::Gender))
                .col(date_null(Participants::BirthDate))
                .col(boolean(Participants::Minor))
                .col(string_null(Participants::Phone))
                .col(uuid_null(Participants::JudicialOfficeId))
                .col(uuid_null(Participants::NgoId))
                .col(string_null(Participants::CorrectionType))
                .col(string_null(Participants::SupervisionLevel))
                .col(date_null(Participants::CorrectionStart))
                .col(date_null(Participants::CorrectionEnd))
                .col(text(Participants::Skills))
                .col(boolean(Participants::AbleToWork))
                .col(boolean(Participants::MedicalNeeds))
                .col(string(Participants::Status))
                .col(date_null(Participants::StatusDate))
                .col(string_null(Participants::StatusReason))
                .col(uuid(Participants::CreatedBy))
                .col(integer(Participants::Version))
                .col(timestamp_with_time_zone(Participants::CreatedAt))
                .col(timestamp_with_time_zone(Participants::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Participants::Table, Participants::JudicialOfficeId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Participants::Table, Participants::NgoId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ParticipantTransfers::Table)
                .col(pk_uuid(ParticipantTransfers::Id))
                .col(uuid(ParticipantTransfers::ParticipantId))
                .col(uuid_null(ParticipantTransfers::FromOfficeId))
                .col(uuid_null(ParticipantTransfers::ToOfficeId))
                .col(string(ParticipantTransfers::Reason))
                .col(uuid(ParticipantTransfers::TransferredBy))
                .col(timestamp_with_time_zone(ParticipantTransfers::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            ParticipantTransfers::Table,
                            ParticipantTransfers::ParticipantId,
                        )
                        .to(Participants::Table, Participants::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_participants_office")
                .table(Participants::Table)
                .col(Participants::JudicialOfficeId)
                .col(Participants::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_participants_ngo")
                .table(Participants::Table)
                .col(Participants::NgoId)
                .col(Participants::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_participants_id_hash")
                .table(Participants::Table)
                .col(Participants::IdNumberHash)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_transfers_participant")
                .table(ParticipantTransfers::Table)
                .col(ParticipantTransfers::ParticipantId)
                .col(ParticipantTransfers::Id)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            ParticipantTransfers::Table.into_iden(),
            Participants::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
