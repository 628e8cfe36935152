//! Sensitive identifiers at rest: ID numbers are stored encrypted
//! (XChaCha20-Poly1305, random nonce) plus a keyed hash (HMAC-SHA256) used
//! for uniqueness and lookup, so the database alone never reveals them.

use std::path::Path;

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD as B64};
use chacha20poly1305::{
    XChaCha20Poly1305, XNonce,
    aead::{Aead, KeyInit},
};
use hmac::{Hmac, Mac};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::Sha256;

#[derive(Serialize, Deserialize)]
struct KeyFile {
    encryption_key: String,
    hash_key: String,
}

/// Encrypts, decrypts and hashes ID numbers.
pub struct Vault {
    cipher: XChaCha20Poly1305,
    hash_key: Vec<u8>,
}

impl Vault {
    /// Reads the key file, generating it (mode 0600) when missing and allowed.
    pub fn load_or_generate(path: &Path, allow_generate: bool) -> anyhow::Result<Self> {
        if !path.exists() {
            anyhow::ensure!(
                allow_generate,
                "{} does not exist (required in production)",
                path.display()
            );
            let key = |n| {
                let mut b = vec![0u8; n];
                rand::rng().fill_bytes(&mut b);
                B64.encode(b)
            };
            let file = KeyFile {
                encryption_key: key(32),
                hash_key: key(32),
            };
            crate::auth::jwt::write_private(path, &serde_json::to_vec_pretty(&file)?)?;
        }
        let file: KeyFile = serde_json::from_slice(&std::fs::read(path)?)?;
        Self::from_keys(
            &B64.decode(file.encryption_key)?,
            &B64.decode(file.hash_key)?,
        )
    }

    pub fn from_keys(encryption_key: &[u8], hash_key: &[u8]) -> anyhow::Result<Self> {
        anyhow::ensure!(
            encryption_key.len() == 32,
            "encryption key must be 32 bytes"
        );
        anyhow::ensure!(hash_key.len() >= 32, "hash key must be at least 32 bytes");
        Ok(Self {
            cipher: XChaCha20Poly1305::new_from_slice(encryption_key)
                .map_err(|e| anyhow::anyhow!("{e}"))?,
            hash_key: hash_key.to_vec(),
        })
    }

    /// `base64url(nonce ‖ ciphertext)`.
    pub fn seal(&self, plain: &str) -> anyhow::Result<String> {
        let mut nonce = [0u8; 24];
        rand::rng().fill_bytes(&mut nonce);
        let ct = self
            .cipher
            .encrypt(&XNonce::from(nonce), plain.as_bytes())
            .map_err(|e| anyhow::anyhow!("encrypt: {e}"))?;
        let mut out = nonce.to_vec();
        out.extend(ct);
        Ok(B64.encode(out))
    }

    pub fn open(&self, sealed: &str) -> anyhow::Result<String> {
        let raw = B64.decode(sealed)?;
        anyhow::ensure!(raw.len() > 24, "sealed value too short");
        let (nonce, ct) = raw.split_at(24);
        let nonce: [u8; 24] = nonce.try_into()?;
        let plain = self
            .cipher
            .decrypt(&XNonce::from(nonce), ct)
            .map_err(|e| anyhow::anyhow!("decrypt: {e}"))?;
        Ok(String::from_utf8(plain)?)
    }

    /// Keyed hash for equality lookups.
    pub fn lookup_hash(&self, plain: &str) -> String {
        self.digest(&[plain.as_bytes()])
    }

    /// Keyed hash of several byte strings in a row (e.g. a request's method,
    /// path and body), so that a stored digest reveals nothing of what a
    /// guess could confirm without the key.
    pub fn digest(&self, parts: &[&[u8]]) -> String {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.hash_key)
            .expect("HMAC takes any key length");
        for p in parts {
            mac.update(p);
        }
        hex::encode(mac.finalize().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_round_trips_with_fresh_nonces_and_hash_is_stable() {
        let v = Vault::from_keys(&[1; 32], &[2; 32]).unwrap();
        let a = v.seal("440524188001010014").unwrap();
        let b = v.seal("440524188001010014").unwrap();
        assert_ne!(a, b);
        assert!(!a.contains("188001010014"));
        assert_eq!(v.open(&a).unwrap(), "440524188001010014");
        assert_eq!(v.lookup_hash("x"), v.lookup_hash("x"));
        assert_ne!(v.lookup_hash("x"), v.lookup_hash("y"));
        let other = Vault::from_keys(&[3; 32], &[2; 32]).unwrap();
        assert!(other.open(&a).is_err(), "another key cannot open it");
    }
}
