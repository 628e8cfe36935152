//! `idempotency_keys`: the first response to a keyed POST, replayed for 24 h.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "idempotency_keys")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// `user:<id>` or `client:<id>`: keys never collide across callers.
    pub scope: String,
    pub key: String,
    /// Keyed hash (HMAC-SHA256, vault key) over method, path and body.
    pub request_hash: String,
    /// `None` while the first request is in flight.
    pub status: Option<i32>,
    pub content_type: Option<String>,
    pub location: Option<String>,
    /// The response body sealed with the vault key (never plaintext).
    #[sea_orm(column_type = "Text", nullable)]
    pub body: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
