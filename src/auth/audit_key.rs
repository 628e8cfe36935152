//! The Ed25519 key set that signs audit checkpoints. Like the JWT keys, a
//! JSON file `{"keys":[{"kid","secret"}]}` (base64url 32-byte seeds, mode
//! 0600): the first key signs, every key verifies, so a key can rotate while
//! checkpoints signed with the old one stay verifiable.

use std::path::Path;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct KeyFile {
    keys: Vec<KeyEntry>,
}

#[derive(Serialize, Deserialize)]
struct KeyEntry {
    kid: String,
    secret: String,
}

/// Signs and verifies checkpoint messages.
pub struct AuditSigner {
    keys: Vec<(String, SigningKey)>,
}

impl AuditSigner {
    /// Reads the key file, generating it (mode 0600) when missing and allowed.
    pub fn load_or_generate(path: &Path, allow_generate: bool) -> anyhow::Result<Self> {
        if !path.exists() {
            anyhow::ensure!(
                allow_generate,
                "{} does not exist (required in production)",
                path.display()
            );
            let file = KeyFile {
                keys: vec![KeyEntry {
                    kid: uuid::Uuid::now_v7().simple().to_string()[20..].to_string(),
                    secret: crate::auth::random_secret(32),
                }],
            };
            crate::auth::jwt::write_private(path, &serde_json::to_vec_pretty(&file)?)?;
        }
        let file: KeyFile = serde_json::from_slice(&std::fs::read(path)?)?;
        let keys = file
            .keys
            .into_iter()
            .map(|k| {
                let seed: [u8; 32] = B64
                    .decode(k.secret.trim_end_matches('='))?
                    .try_into()
                    .map_err(|_| anyhow::anyhow!("audit key {} must be 32 bytes", k.kid))?;
                anyhow::ensure!(
                    !k.kid.is_empty() && !k.kid.contains('.'),
                    "audit key id must be non-empty without dots"
                );
                Ok((k.kid, SigningKey::from_bytes(&seed)))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        anyhow::ensure!(!keys.is_empty(), "the audit key set is empty");
        Ok(Self { keys })
    }

    /// A signer from raw seeds (tests).
    pub fn from_seeds(seeds: Vec<(String, [u8; 32])>) -> Self {
        Self {
            keys: seeds
                .into_iter()
                .map(|(kid, s)| (kid, SigningKey::from_bytes(&s)))
                .collect(),
        }
    }

    /// `(kid, base64url signature)` of `message` with the signing key.
    pub fn sign(&self, message: &[u8]) -> (String, String) {
        let (kid, key) = &self.keys[0];
        (kid.clone(), B64.encode(key.sign(message).to_bytes()))
    }

    /// Whether `signature` is a valid signature of `message` by key `kid`.
    pub fn verify(&self, kid: &str, message: &[u8], signature: &str) -> bool {
        let Some((_, key)) = self.keys.iter().find(|(k, _)| k == kid) else {
            return false;
        };
        let Ok(bytes) = B64.decode(signature) else {
            return false;
        };
        let Ok(sig) = Signature::from_slice(&bytes) else {
            return false;
        };
        key.verifying_key().verify(message, &sig).is_ok()
    }

    /// The base64url public key of `kid`, for verifying a checkpoint offline.
    pub fn public_key(&self, kid: &str) -> Option<String> {
        self.keys
            .iter()
            .find(|(k, _)| k == kid)
            .map(|(_, key)| B64.encode(key.verifying_key().to_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_verify_only_for_their_message_and_key() {
        let s = AuditSigner::from_seeds(vec![("a".into(), [7; 32]), ("b".into(), [8; 32])]);
        let (kid, sig) = s.sign(b"head");
        assert_eq!(kid, "a");
        assert!(s.verify("a", b"head", &sig));
        assert!(!s.verify("a", b"head2", &sig));
        assert!(!s.verify("b", b"head", &sig));
        assert!(!s.verify("a", b"head", "AAAA"));
        assert_eq!(s.public_key("a").map(|k| k.len()), Some(43));
    }
}
