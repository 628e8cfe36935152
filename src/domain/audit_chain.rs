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
}
