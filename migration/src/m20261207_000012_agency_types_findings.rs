//! Multi-agency collaboration, first part: agencies carry their type
//! (`agency_type`), a person under correction may name their village or
//! residents' committee (`village_committee_id`), and the procuratorate's
//! supervision findings (`findings`, 检察监督) with their rectification.
//!
//! Existing agencies get a type: the police stations judicial offices
//! already escalate to are `police`; the others by what their name says
//! (派出所/公安, 民政, 法院, 卫生/医院/疾控, 村委会/居委会/社区, 政法委), and
//! `township` (乡镇综治办, the commonest partner) when it says none of these.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    AgencyType,
}

#[derive(DeriveIden)]
enum Participants {
    Table,
    VillageCommitteeId,
}

#[derive(DeriveIden)]
enum Findings {
    Table,
    Id,
    BureauId,
    OrganizationId,
    SubjectKind,
    SubjectId,
    Description,
    RectifyBy,
    Status,
    Rectification,
    RespondedBy,
    RespondedAt,
    ClosedAt,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

const BACKFILL: &str = "UPDATE organizations SET agency_type = CASE \
    WHEN id IN (SELECT police_station_id FROM organizations WHERE police_station_id IS NOT NULL) THEN 'police' \
    WHEN name LIKE '%派出所%' OR name LIKE '%公安%' THEN 'police' \
    WHEN name LIKE '%民政%' THEN 'civil_affairs' \
    WHEN name LIKE '%法院%' THEN 'court' \
    WHEN name LIKE '%卫生%' OR name LIKE '%医院%' OR name LIKE '%疾控%' THEN 'health' \
    WHEN name LIKE '%村委会%' OR name LIKE '%居委会%' OR name LIKE '%村民委员会%' OR name LIKE '%居民委员会%' THEN 'village_committee' \
    WHEN name LIKE '%政法委%' THEN 'political_legal' \
    ELSE 'township' END \
  WHERE kind = 'agency'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Organizations::Table)
                .add_column(string_null(Organizations::AgencyType))
                .to_owned(),
        )
        .await?;
        m.get_connection().execute_unprepared(BACKFILL).await?;
        m.alter_table(
            Table::alter()
                .table(Participants::Table)
                .add_column(uuid_null(Participants::VillageCommitteeId))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Findings::Table)
                .col(pk_uuid(Findings::Id))
                .col(uuid(Findings::BureauId))
                .col(uuid(Findings::OrganizationId))
                .col(string(Findings::SubjectKind))
                .col(uuid_null(Findings::SubjectId))
                .col(text(Findings::Description))
                .col(date(Findings::RectifyBy))
                .col(string(Findings::Status))
                .col(text_null(Findings::Rectification))
                .col(uuid_null(Findings::RespondedBy))
                .col(timestamp_with_time_zone_null(Findings::RespondedAt))
                .col(timestamp_with_time_zone_null(Findings::ClosedAt))
                .col(uuid(Findings::CreatedBy))
                .col(integer(Findings::Version))
                .col(timestamp_with_time_zone(Findings::CreatedAt))
                .col(timestamp_with_time_zone(Findings::UpdatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_findings_organization")
                .table(Findings::Table)
                .col(Findings::OrganizationId)
                .col(Findings::Status)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Findings::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Participants::Table)
                .drop_column(Participants::VillageCommitteeId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Organizations::Table)
                .drop_column(Organizations::AgencyType)
                .to_owned(),
        )
        .await
    }
}
