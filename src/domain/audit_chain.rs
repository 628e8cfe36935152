//! The audit trail's hash chain: each event's hash is SHA-256 over the previous
//! hash and the event's canonical content, so altering, removing or reordering
//! a row breaks every hash after it.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first event.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hashed content of one event, in a fixed field order.
#[derive(Serialize)]
pub struct ChainContent<'a> {
    pub seq: i64,
    pub id: &'a str,
    pub at: &'a str,
    pub actor_type: &'a str,
    pub actor_id: Option<&'a str>,
    pub organization_id: Option<&'a str>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<&'a str>,
    pub request_id: &'a str,
    pub summary: &'a str,
}

/// The hash of an event given its predecessor's hash.
pub fn chain_hash(prev_hash: &str, content: &ChainContent<'_>) -> String {
    let canonical = serde_json::to_string(content).unwrap_or_default();
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(canonical.as_bytes());
    hex::encode(h.finalize())
}

/// A signed checkpoint of the chain head, as the procuratorate keeps it:
/// `hgcp1.<seq>.<hash>.<signed_at unix>.<kid>.<signature>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckpointToken {
    pub seq: i64,
    pub hash: String,
    pub signed_at: i64,
    pub key_id: String,
    pub signature: String,
}

impl CheckpointToken {
    /// The bytes the signature covers.
    pub fn message(seq: i64, hash: &str, signed_at: i64) -> String {
        format!("huigui-audit-checkpoint:v1:{seq}:{hash}:{signed_at}")
    }

    pub fn signed_message(&self) -> String {
        Self::message(self.seq, &self.hash, self.signed_at)
    }

    /// Parses the text form; `None` when it is not one.
    pub fn parse(s: &str) -> Option<Self> {
        let mut p = s.trim().split('.');
        if p.next()? != "hgcp1" {
            return None;
        }
        let seq = p.next()?.parse().ok()?;
        let hash = p.next()?.to_string();
        let signed_at = p.next()?.parse().ok()?;
        let key_id = p.next()?.to_string();
        let signature = p.next()?.to_string();
        let valid_hash = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
        (p.next().is_none() && valid_hash && !key_id.is_empty() && !signature.is_empty()).then_some(
            Self {
                seq,
                hash,
                signed_at,
                key_id,
                signature,
            },
        )
    }
}

impl std::fmt::Display for CheckpointToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "hgcp1.{}.{}.{}.{}.{}",
            self.seq, self.hash, self.signed_at, self.key_id, self.signature
        )
    }
}

/// What a checkpoint says about the stored chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckpointStatus {
    /// The event at the checkpoint's `seq` has the signed hash.
    Matches,
    /// The chain ends before the checkpoint's `seq`: newest rows were removed.
    Truncated,
    /// The event at `seq` has another hash: history was rewritten (even with
    /// the chain recomputed).
    Rewritten,
}

/// Compares a checkpoint with the stored hash at its `seq` (`None`: no such row).
pub fn compare(checkpoint_hash: &str, stored: Option<&str>) -> CheckpointStatus {
    match stored {
        None => CheckpointStatus::Truncated,
        Some(h) if h == checkpoint_hash => CheckpointStatus::Matches,
        Some(_) => CheckpointStatus::Rewritten,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(summary: &str) -> ChainContent<'_> {
        ChainContent {
            seq: 1,
            id: "id",
            at: "2026-12-01T00:00:00.000000Z",
            actor_type: "user",
            actor_id: None,
            organization_id: None,
            action: "organization.create",
            object_type: "organization",
            object_id: Some("x"),
            request_id: "r",
            summary,
        }
    }

    #[test]
    fn hash_depends_on_content_and_predecessor() {
        let a = chain_hash(GENESIS, &content("{}"));
        assert_eq!(a.len(), 64);
        assert_eq!(a, chain_hash(GENESIS, &content("{}")));
        assert_ne!(a, chain_hash(GENESIS, &content("{\"x\":1}")));
        assert_ne!(a, chain_hash(&a, &content("{}")));
    }

    #[test]
    fn checkpoint_tokens_round_trip_and_compare() {
        let t = CheckpointToken {
            seq: 42,
            hash: "ab".repeat(32),
            signed_at: 1_790_000_000,
            key_id: "k1".into(),
            signature: "c2ln-_".into(),
        };
        assert_eq!(CheckpointToken::parse(&t.to_string()), Some(t.clone()));
        assert_eq!(CheckpointToken::parse("hgcp1.42.zz.1.k.s"), None);
        assert_eq!(CheckpointToken::parse(&format!("{t}.x")), None);
        assert_eq!(compare(&t.hash, None), CheckpointStatus::Truncated);
        assert_eq!(compare(&t.hash, Some(&t.hash)), CheckpointStatus::Matches);
        assert_eq!(compare(&t.hash, Some("00")), CheckpointStatus::Rewritten);
    }
}
