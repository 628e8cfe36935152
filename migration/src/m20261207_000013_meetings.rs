//! Joint meetings (联席会议): county "1+N" and township meetings with the
//! organisations taking part, their agenda items (discussion and decision,
//! optionally about a person) and follow-up tasks owned by one participating
//! organisation with a due date.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    BureauId,
    Level,
    ConvenerId,
    Title,
    HeldOn,
    Status,
    HeldAt,
    ClosedAt,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MeetingMembers {
    Table,
    MeetingId,
    OrganizationId,
}

#[derive(DeriveIden)]
enum MeetingItems {
    Table,
    Id,
    MeetingId,
    Topic,
    ParticipantId,
    Discussion,
    Decision,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum MeetingTasks {
    Table,
    Id,
    MeetingId,
    ItemId,
    OwnerId,
    Description,
    DueOn,
    Status,
    Result,
    CompletedBy,
    CompletedAt,
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
                .table(Meetings::Table)
                .col(pk_uuid(Meetings::Id))
                .col(uuid(Meetings::BureauId))
                .col(string(Meetings::Level))
                .col(uuid(Meetings::ConvenerId))
                .col(string(Meetings::Title))
                .col(date(Meetings::HeldOn))
                .col(string(Meetings::Status))
                .col(timestamp_with_time_zone_null(Meetings::HeldAt))
                .col(timestamp_with_time_zone_null(Meetings::ClosedAt))
                .col(uuid(Meetings::CreatedBy))
                .col(integer(Meetings::Version))
                .col(timestamp_with_time_zone(Meetings::CreatedAt))
                .col(timestamp_with_time_zone(Meetings::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MeetingMembers::Table)
                .col(uuid(MeetingMembers::MeetingId))
                .col(uuid(MeetingMembers::OrganizationId))
                .primary_key(
                    Index::create()
                        .col(MeetingMembers::MeetingId)
                        .col(MeetingMembers::OrganizationId),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_meeting_members_org")
                .table(MeetingMembers::Table)
                .col(MeetingMembers::OrganizationId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MeetingItems::Table)
                .col(pk_uuid(MeetingItems::Id))
                .col(uuid(MeetingItems::MeetingId))
                .col(string(MeetingItems::Topic))
                .col(uuid_null(MeetingItems::ParticipantId))
                .col(text(MeetingItems::Discussion))
                .col(text(MeetingItems::Decision))
                .col(uuid(MeetingItems::CreatedBy))
                .col(timestamp_with_time_zone(MeetingItems::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_meeting_items_meeting")
                .table(MeetingItems::Table)
                .col(MeetingItems::MeetingId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MeetingTasks::Table)
                .col(pk_uuid(MeetingTasks::Id))
                .col(uuid(MeetingTasks::MeetingId))
                .col(uuid_null(MeetingTasks::ItemId))
                .col(uuid(MeetingTasks::OwnerId))
                .col(text(MeetingTasks::Description))
                .col(date(MeetingTasks::DueOn))
                .col(string(MeetingTasks::Status))
                .col(text_null(MeetingTasks::Result))
                .col(uuid_null(MeetingTasks::CompletedBy))
                .col(timestamp_with_time_zone_null(MeetingTasks::CompletedAt))
                .col(uuid(MeetingTasks::CreatedBy))
                .col(integer(MeetingTasks::Version))
                .col(timestamp_with_time_zone(MeetingTasks::CreatedAt))
                .col(timestamp_with_time_zone(MeetingTasks::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_meeting_tasks_owner")
                .table(MeetingTasks::Table)
                .col(MeetingTasks::OwnerId)
                .col(MeetingTasks::Status)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            MeetingTasks::Table.into_iden(),
            MeetingItems::Table.into_iden(),
            MeetingMembers::Table.into_iden(),
            Meetings::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
