//! `audit_checkpoints`: signed heads of the audit chain. The signature covers
//! `(seq, hash, signed_at)`; a copy kept outside the database (mailed to the
//! procuratorate) lets `verify` detect truncation or a recomputed chain.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_checkpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The chain head's `seq` at signing time.
    pub seq: i64,
    /// That event's `hash`.
    pub hash: String,
    /// Unix seconds.
    pub signed_at: i64,
    /// `kid` of the Ed25519 key that signed.
    pub key_id: String,
    /// base64url Ed25519 signature.
    pub signature: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
