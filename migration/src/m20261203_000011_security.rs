//! Security hardening: replay-store bodies are now sealed with the vault key,
//! so rows stored in plaintext before this migration are removed (they are a
//! 24-hour cache; a retried request simply runs again); and signed audit
//! checkpoints (`audit_checkpoints`): the chain head `(seq, hash)` signed with
//! the server's Ed25519 key, which the procuratorate keeps outside the
//! database.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
}

#[derive(DeriveIden)]
enum AuditCheckpoints {
    Table,
    Id,
    Seq,
    Hash,
    SignedAt,
    KeyId,
    Signature,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::delete()
                .from_table(IdempotencyKeys::Table)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AuditCheckpoints::Table)
                .col(pk_uuid(AuditCheckpoints::Id))
                .col(big_integer(AuditCheckpoints::Seq))
                .col(string(AuditCheckpoints::Hash))
                .col(big_integer(AuditCheckpoints::SignedAt))
                .col(string(AuditCheckpoints::KeyId))
                .col(string(AuditCheckpoints::Signature))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_audit_checkpoints_signed_at")
                .table(AuditCheckpoints::Table)
                .col(AuditCheckpoints::SignedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AuditCheckpoints::Table).to_owned())
            .await
    }
}
