//! Authentication and authorization.

/// The Ed25519 key set that signs audit checkpoints.
pub mod audit_key;
/// The permission matrix (role × operation) and the caller type handlers check.
pub mod authz;
/// JWT access tokens with a rotating key set.
pub mod jwt;
/// Argon2id password hashing on the blocking pool.
pub mod password;
/// The bearer SecurityScheme that turns a token into a `Caller`.
pub mod scheme;
/// Failed-login throttling per account and per IP.
pub mod throttle;
/// Encryption and keyed hashing of ID numbers at rest.
pub mod vault;

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A random URL-safe secret of `bytes` random bytes (refresh tokens, client secrets).
pub fn random_secret(bytes: usize) -> String {
    use base64::Engine;
    let mut buf = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buf);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 hex of a high-entropy secret (refresh tokens). Passwords use argon2.
pub fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}
