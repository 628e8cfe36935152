//! Foundation: organisations, users, refresh tokens, API clients, audit trail.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    Kind,
    Name,
    Uscc,
    ParentId,
    Township,
    ContactEmail,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    OrganizationId,
    Email,
    DisplayName,
    Role,
    PasswordHash,
    Disabled,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    FamilyId,
    UserId,
    TokenHash,
    ExpiresAt,
    CreatedAt,
    UsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum ApiClients {
    Table,
    Id,
    OrganizationId,
    Name,
    ClientId,
    SecretHash,
    Scopes,
    CreatedBy,
    CreatedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Seq,
    Id,
    At,
    ActorType,
    ActorId,
    OrganizationId,
    Action,
    ObjectType,
    ObjectId,
    RequestId,
    Summary,
    PrevHash,
    Hash,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Organizations::Table)
                .col(pk_uuid(Organizations::Id))
                .col(string(Organizations::Kind))
                .col(string(Organizations::Name))
                .col(string_uniq(Organizations::Uscc))
                .col(uuid_null(Organizations::ParentId))
                .col(string_null(Organizations::Township))
                .col(string_null(Organizations::ContactEmail))
                .col(integer(Organizations::Version))
                .col(timestamp_with_time_zone(Organizations::CreatedAt))
                .col(timestamp_with_time_zone(Organizations::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Organizations::Table, Organizations::ParentId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_uuid(Users::Id))
                .col(uuid(Users::OrganizationId))
                .col(string_uniq(Users::Email))
                .col(string(Users::DisplayName))
                .col(string(Users::Role))
                .col(string(Users::PasswordHash))
                .col(boolean(Users::Disabled))
                .col(integer(Users::Version))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone(Users::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Users::Table, Users::OrganizationId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_users_org")
                .table(Users::Table)
                .col(Users::OrganizationId)
                .col(Users::Id)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RefreshTokens::Table)
                .col(pk_uuid(RefreshTokens::Id))
                .col(uuid(RefreshTokens::FamilyId))
                .col(uuid(RefreshTokens::UserId))
                .col(string_uniq(RefreshTokens::TokenHash))
                .col(timestamp_with_time_zone(RefreshTokens::ExpiresAt))
                .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                .col(timestamp_with_time_zone_null(RefreshTokens::UsedAt))
                .col(timestamp_with_time_zone_null(RefreshTokens::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RefreshTokens::Table, RefreshTokens::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_refresh_tokens_family")
                .table(RefreshTokens::Table)
                .col(RefreshTokens::FamilyId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_refresh_tokens_user")
                .table(RefreshTokens::Table)
                .col(RefreshTokens::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(ApiClients::Table)
                .col(pk_uuid(ApiClients::Id))
                .col(uuid(ApiClients::OrganizationId))
                .col(string(ApiClients::Name))
                .col(string_uniq(ApiClients::ClientId))
                .col(string(ApiClients::SecretHash))
                .col(string(ApiClients::Scopes))
                .col(uuid(ApiClients::CreatedBy))
                .col(timestamp_with_time_zone(ApiClients::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiClients::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiClients::Table, ApiClients::OrganizationId)
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .col(big_integer(AuditEvents::Seq).primary_key())
                .col(uuid_uniq(AuditEvents::Id))
                .col(string(AuditEvents::At))
                .col(string(AuditEvents::ActorType))
                .col(uuid_null(AuditEvents::ActorId))
                .col(uuid_null(AuditEvents::OrganizationId))
                .col(string(AuditEvents::Action))
                .col(string(AuditEvents::ObjectType))
                .col(string_null(AuditEvents::ObjectId))
                .col(string(AuditEvents::RequestId))
                .col(text(AuditEvents::Summary))
                .col(string(AuditEvents::PrevHash))
                .col(string(AuditEvents::Hash))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_events_object")
                .table(AuditEvents::Table)
                .col(AuditEvents::ObjectType)
                .col(AuditEvents::ObjectId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AuditEvents::Table.into_iden(),
            ApiClients::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            Users::Table.into_iden(),
            Organizations::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
