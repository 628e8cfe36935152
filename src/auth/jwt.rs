//! Short-lived JWT access tokens (HS256, pinned), signed with the first key of
//! a key set; every key in the set verifies, selected by `kid`, so keys rotate
//! by prepending a new one.

use std::{io::Write, path::Path};

use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Allowed clock skew in seconds (RFC 8725 advice: small).
const LEEWAY_SECS: u64 = 30;

/// What kind of principal a token stands for.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    User,
    Client,
}

/// Access-token claims. No names, e-mails or ID numbers: only ids and roles.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: String,
    pub typ: Subject,
    /// Organisation id of the user or client.
    pub org: Uuid,
    /// Organisation kind.
    pub okind: String,
    /// Role, for users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Space-separated scopes, for clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    keys: Vec<KeyEntry>,
}

#[derive(Serialize, Deserialize)]
struct KeyEntry {
    kid: String,
    /// base64url, at least 32 bytes.
    secret: String,
}

struct Key {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
}

/// The signing and verification keys plus the fixed claim checks.
pub struct JwtKeys {
    keys: Vec<Key>,
    issuer: String,
    audience: String,
    validation: Validation,
}

/// Token-layer failures; all of them mean 401 to the client.
#[derive(Debug, thiserror::Error)]
pub enum JwtError {
    #[error("token rejected: {0}")]
    Rejected(String),
    #[error("key file: {0}")]
    KeyFile(String),
}

impl JwtKeys {
    /// Reads the key set from `path`, generating it (mode 0600) when missing and allowed.
    pub fn load_or_generate(
        path: &Path,
        allow_generate: bool,
        issuer: &str,
        audience: &str,
    ) -> Result<Self, JwtError> {
        if !path.exists() {
            if !allow_generate {
                return Err(JwtError::KeyFile(format!(
                    "{} does not exist (required in production)",
                    path.display()
                )));
            }
            let file = KeyFile {
                keys: vec![KeyEntry {
                    kid: Uuid::now_v7().simple().to_string()[..12].to_string(),
                    secret: crate::auth::random_secret(32),
                }],
            };
            write_private(path, &serde_json::to_vec_pretty(&file).unwrap_or_default())
                .map_err(|e| JwtError::KeyFile(e.to_string()))?;
        }
        let raw = std::fs::read(path).map_err(|e| JwtError::KeyFile(e.to_string()))?;
        let file: KeyFile =
            serde_json::from_slice(&raw).map_err(|e| JwtError::KeyFile(e.to_string()))?;
        Self::from_secrets(
            file.keys
                .into_iter()
                .map(|k| {
                    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD
                        .decode(k.secret.trim_end_matches('='))
                        .map_err(|e| JwtError::KeyFile(format!("key {}: {e}", k.kid)))?;
                    Ok((k.kid, secret))
                })
                .collect::<Result<Vec<_>, JwtError>>()?,
            issuer,
            audience,
        )
    }

    /// Builds a key set from `(kid, secret)` pairs; the first signs.
    pub fn from_secrets(
        secrets: Vec<(String, Vec<u8>)>,
        issuer: &str,
        audience: &str,
    ) -> Result<Self, JwtError> {
        if secrets.is_empty() {
            return Err(JwtError::KeyFile("the key set is empty".into()));
        }
        let mut keys = Vec::new();
        for (kid, secret) in secrets {
            if secret.len() < 32 {
                return Err(JwtError::KeyFile(format!(
                    "key {kid} is shorter than 32 bytes"
                )));
            }
            keys.push(Key {
                kid,
                encoding: EncodingKey::from_secret(&secret),
                decoding: DecodingKey::from_secret(&secret),
            });
        }
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = LEEWAY_SECS;
        validation.validate_nbf = true;
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "iat", "nbf", "iss", "aud", "sub"]);
        Ok(Self {
            keys,
            issuer: issuer.into(),
            audience: audience.into(),
            validation,
        })
    }

    /// Issuer and audience to put in new tokens.
    pub fn issuer(&self) -> (&str, &str) {
        (&self.issuer, &self.audience)
    }

    /// Signs claims with the active key.
    pub fn sign(&self, claims: &Claims) -> Result<String, JwtError> {
        let key = &self.keys[0];
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(key.kid.clone());
        encode(&header, claims, &key.encoding).map_err(|e| JwtError::Rejected(e.to_string()))
    }

    /// Verifies signature, algorithm, `kid`, `exp`, `nbf`, `iss`, `aud`, `sub`.
    pub fn verify(&self, token: &str) -> Result<Claims, JwtError> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|e| JwtError::Rejected(e.to_string()))?;
        if header.alg != Algorithm::HS256 {
            return Err(JwtError::Rejected("algorithm not allowed".into()));
        }
        let kid = header
            .kid
            .ok_or_else(|| JwtError::Rejected("missing kid".into()))?;
        let key = self
            .keys
            .iter()
            .find(|k| k.kid == kid)
            .ok_or_else(|| JwtError::Rejected("unknown kid".into()))?;
        let data = decode::<Claims>(token, &key.decoding, &self.validation)
            .map_err(|e| JwtError::Rejected(e.to_string()))?;
        Ok(data.claims)
    }
}

/// Writes a file readable only by its owner.
pub fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(contents)?;
    f.sync_all()
}

/// Creates a directory (and missing parents) readable by the owner only
/// (0700); an existing directory is left as it is.
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Makes sure a file exists with mode 0600 (created empty if missing,
/// tightened if it exists): SQLite then creates its `-wal` and `-shm` files
/// with the same mode.
pub fn ensure_private_file(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        create_private_dir(dir)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let f = opts.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    drop(f);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(secret: u8) -> JwtKeys {
        JwtKeys::from_secrets(vec![("k1".into(), vec![secret; 32])], "iss", "aud").unwrap()
    }

    fn claims(exp_offset: i64) -> Claims {
        let now = chrono::Utc::now().timestamp();
        Claims {
            iss: "iss".into(),
            aud: "aud".into(),
            sub: Uuid::now_v7().to_string(),
            iat: now,
            nbf: now,
            exp: now + exp_offset,
            jti: "j".into(),
            typ: Subject::User,
            org: Uuid::now_v7(),
            okind: "bureau".into(),
            role: Some("admin".into()),
            scope: None,
        }
    }

    #[test]
    fn round_trip() {
        let k = keys(1);
        let c = claims(600);
        assert_eq!(k.verify(&k.sign(&c).unwrap()).unwrap(), c);
    }

    #[test]
    fn other_key_expired_and_wrong_audience_are_rejected() {
        let k = keys(1);
        assert!(keys(2).verify(&k.sign(&claims(600)).unwrap()).is_err());
        assert!(k.verify(&k.sign(&claims(-120)).unwrap()).is_err());
        let mut c = claims(600);
        c.aud = "other".into();
        assert!(k.verify(&k.sign(&c).unwrap()).is_err());
        let mut c = claims(600);
        c.nbf += 600;
        assert!(k.verify(&k.sign(&c).unwrap()).is_err());
    }

    #[test]
    fn alg_none_is_rejected() {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
        let k = keys(1);
        let header = B64.encode(br#"{"alg":"none","typ":"JWT","kid":"k1"}"#);
        let body = B64.encode(serde_json::to_vec(&claims(600)).unwrap());
        assert!(k.verify(&format!("{header}.{body}.")).is_err());
    }

    #[test]
    fn rotated_key_still_verifies_old_tokens() {
        let old = keys(1);
        let token = old.sign(&claims(600)).unwrap();
        let rotated = JwtKeys::from_secrets(
            vec![("k2".into(), vec![9; 32]), ("k1".into(), vec![1; 32])],
            "iss",
            "aud",
        )
        .unwrap();
        assert!(rotated.verify(&token).is_ok());
    }
}
