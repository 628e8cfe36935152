//! Signed checkpoints of the audit chain (quality.md §21).
//!
//! The hash chain alone detects a changed or removed row in the middle, but
//! not the newest rows deleted, nor history rewritten with every later hash
//! recomputed: the chain is then consistent again. A checkpoint is the head
//! `(seq, hash, time)` signed with the server's Ed25519 key and mailed to the
//! procuratorate, who keeps it outside the database. Verifying against it
//! reports the chain `truncated` (it ends before `seq`) or `rewritten` (the
//! event at `seq` has another hash).
//!
//! What it does not protect against: changes after the newest checkpoint the
//! auditor holds (until the next one), and someone holding the audit key
//! file as well as the database (they can sign a false checkpoint — but not
//! change the copies already mailed).

use uuid::Uuid;

use crate::{
    domain::audit_chain::{CheckpointStatus, CheckpointToken, compare},
    error::{ApiError, ApiResult},
    mail::{self, templates},
    state::AppState,
    store::audit::{self, Actor, Verification},
};

/// A checkpoint with its text form.
pub struct Checkpoint {
    pub row: entity::audit_checkpoint::Model,
    pub token: CheckpointToken,
    pub public_key: String,
}

impl Checkpoint {
    fn of(state: &AppState, row: entity::audit_checkpoint::Model) -> Self {
        let token = CheckpointToken {
            seq: row.seq,
            hash: row.hash.clone(),
            signed_at: row.signed_at,
            key_id: row.key_id.clone(),
            signature: row.signature.clone(),
        };
        let public_key = state
            .audit_signer
            .public_key(&row.key_id)
            .unwrap_or_default();
        Self {
            row,
            token,
            public_key,
        }
    }
}

/// Signs the current head (after recording that a checkpoint was taken, so
/// the checkpoint covers its own event) and mails it to every procuratorate.
pub async fn take_checkpoint(state: &AppState, actor: &Actor) -> ApiResult<Checkpoint> {
    let txn = state.db.begin().await?;
    audit::record(
        &txn,
        actor,
        "audit.checkpoint",
        "audit_chain",
        None,
        serde_json::json!({}),
    )
    .await?;
    let (seq, hash) = audit::head(&txn)
        .await?
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("audit chain empty after a write")))?;
    let signed_at = state.clock.now().timestamp();
    let message = CheckpointToken::message(seq, &hash, signed_at);
    let (key_id, signature) = state.audit_signer.sign(message.as_bytes());
    let row = audit::insert_checkpoint(
        &txn,
        entity::audit_checkpoint::Model {
            id: Uuid::now_v7(),
            seq,
            hash,
            signed_at,
            key_id,
            signature,
        },
    )
    .await?;
    let cp = Checkpoint::of(state, row);
    let mut recipients = Vec::new();
    for org in
        crate::store::organizations::of_kind(&txn, crate::domain::roles::OrgKind::Procuratorate)
            .await?
    {
        recipients.extend(mail::recipients_of(&txn, org).await?);
    }
    let m = templates::audit_checkpoint(
        cp.row.seq,
        &cp.row.hash,
        &cp.token.to_string(),
        &cp.public_key,
        mail::link(state, "/api/v1/audit-events/verify"),
    );
    mail::enqueue(&txn, state, &recipients, &m).await?;
    txn.commit().await?;
    Ok(cp)
}

/// The `audit_checkpoint` job: a checkpoint when the newest is older than
/// `HUIGUI_CHECKPOINT_INTERVAL_HOURS` (or none exists). Returns how many were taken.
pub async fn scheduled_checkpoint(state: &AppState) -> ApiResult<usize> {
    let latest = audit::latest_checkpoint(&state.db.read).await?;
    let due = latest.is_none_or(|c| {
        state.clock.now().timestamp() - c.signed_at
            >= state.settings.checkpoint_interval_hours * 3600
    });
    if !due {
        return Ok(0);
    }
    take_checkpoint(state, &Actor::system("job:audit_checkpoint")).await?;
    Ok(1)
}

/// Checkpoints, oldest first.
pub async fn list_checkpoints(
    state: &AppState,
    page: &crate::store::page::PageRequest<Uuid>,
) -> ApiResult<(Vec<Checkpoint>, Option<String>)> {
    use entity::audit_checkpoint::{Column, Entity};
    use sea_orm::EntityTrait;
    let (rows, next) =
        crate::store::page::fetch(&state.db.read, Entity::find(), Column::Id, page, |m| m.id)
            .await?;
    Ok((
        rows.into_iter().map(|r| Checkpoint::of(state, r)).collect(),
        next,
    ))
}

/// What `verify` found.
pub struct Report {
    pub chain: Verification,
    /// The checkpoint compared (the one given, else the newest stored), and the result.
    pub checkpoint: Option<(CheckpointToken, CheckpointStatus)>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.chain.ok
            && self
                .checkpoint
                .as_ref()
                .is_none_or(|(_, s)| *s == CheckpointStatus::Matches)
    }
}

/// Walks the chain and compares it with a checkpoint: `given` (the text an
/// auditor kept; its signature must verify, else a 422 on `checkpoint`), or
/// else the newest stored one.
pub async fn verify(state: &AppState, given: Option<&str>) -> ApiResult<Report> {
    let db = &state.db.read;
    let token = match given {
        Some(text) => {
            let bad = || ApiError::field("checkpoint", "is not a checkpoint signed by this server");
            let t = CheckpointToken::parse(text).ok_or_else(bad)?;
            if !state
                .audit_signer
                .verify(&t.key_id, t.signed_message().as_bytes(), &t.signature)
            {
                return Err(bad());
            }
            Some(t)
        }
        None => audit::latest_checkpoint(db)
            .await?
            .map(|r| Checkpoint::of(state, r).token)
            .filter(|t| {
                state
                    .audit_signer
                    .verify(&t.key_id, t.signed_message().as_bytes(), &t.signature)
            }),
    };
    let chain = audit::verify(db).await?;
    let checkpoint = match token {
        Some(t) => {
            let stored = audit::hash_at(db, t.seq).await?;
            let status = compare(&t.hash, stored.as_deref());
            Some((t, status))
        }
        None => None,
    };
    Ok(Report { chain, checkpoint })
}
