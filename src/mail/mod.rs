//! Mail: every message is an outbox row written in the transaction of the
//! change that causes it; the `outbox` job delivers due rows through SMTP
//! (lettre, TLS or STARTTLS per the URL, 10 s timeout) or, without
//! `HUIGUI_SMTP_URL`, as `.eml` files in `<data dir>/outbox/`. Failed attempts
//! back off exponentially; after `HUIGUI_MAIL_MAX_ATTEMPTS` a row is `failed`.

pub mod templates;

use std::{path::PathBuf, time::Duration};

use chrono::{DateTime, Utc};
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{
        Attachment as LettreAttachment, Mailbox, MultiPart,
        header::{ContentType, MessageId},
    },
};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

pub use templates::Mail;

use crate::{config::Settings, error::ApiError, state::AppState, store};

/// How mails leave.
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files in this directory.
    Files(PathBuf),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    domain: String,
}

impl Mailer {
    pub fn from_settings(s: &Settings) -> anyhow::Result<Self> {
        let from: Mailbox = s.mail_from.parse()?;
        let domain = from.email.domain().to_string();
        let transport = match &s.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&url.0)?
                    .timeout(Some(Duration::from_secs(10)))
                    .build(),
            ),
            None => Transport::Files(s.data_dir.join("outbox")),
        };
        Ok(Self {
            transport,
            from,
            domain,
        })
    }

    /// The stable `Message-ID` of an outbox row.
    pub fn message_id(&self, row_id: Uuid) -> String {
        format!("<{row_id}@{}>", self.domain)
    }

    fn build(&self, row: &entity::outbox_mail::Model) -> Result<Message, String> {
        let to: Mailbox = row
            .recipient
            .parse()
            .map_err(|e| format!("recipient: {e}"))?;
        let body = MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
        let attachments: Vec<Attachment> = match &row.attachments {
            Some(a) => serde_json::from_str(a).map_err(|e| format!("attachments: {e}"))?,
            None => Vec::new(),
        };
        let body = if attachments.is_empty() {
            body
        } else {
            use base64::Engine;
            let mut mixed = MultiPart::mixed().multipart(body);
            for a in attachments {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(&a.base64)
                    .map_err(|e| format!("attachment: {e}"))?;
                let ct =
                    ContentType::parse(&a.content_type).map_err(|e| format!("attachment: {e}"))?;
                mixed = mixed.singlepart(LettreAttachment::new(a.name).body(bytes, ct));
            }
            mixed
        };
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(row.subject.clone())
            .header(MessageId::from(row.message_id.clone()))
            .multipart(body)
            .map_err(|e| format!("message: {e}"))
    }

    /// Sends one row.
    async fn send(&self, row: &entity::outbox_mail::Model) -> Result<(), String> {
        let message = self.build(row)?;
        match &self.transport {
            Transport::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Transport::Files(dir) => {
                // Mails carry personal data: owner-only directory and files.
                let tmp = dir.join(format!(".{}.tmp", row.id));
                let (d, t, bytes) = (dir.clone(), tmp.clone(), message.formatted());
                tokio::task::spawn_blocking(move || {
                    crate::auth::jwt::create_private_dir(&d)?;
                    let _ = std::fs::remove_file(&t);
                    crate::auth::jwt::write_private(&t, &bytes)
                })
                .await
                .map_err(|e| e.to_string())?
                .map_err(|e| e.to_string())?;
                tokio::fs::rename(&tmp, dir.join(format!("{}.eml", row.id)))
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    }
}

/// A file attached to a mail.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    pub name: String,
    pub content_type: String,
    /// Standard base64.
    pub base64: String,
}

impl Attachment {
    pub fn csv(name: String, bytes: Vec<u8>) -> Self {
        use base64::Engine;
        Self {
            name,
            content_type: "text/csv; charset=utf-8".into(),
            base64: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }
}

/// Writes one outbox row per recipient, in the caller's transaction.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    recipients: &[String],
    mail: &Mail,
) -> Result<(), ApiError> {
    enqueue_with(conn, state, recipients, mail, &[]).await
}

/// [`enqueue`] with attachments.
pub async fn enqueue_with<C: ConnectionTrait>(
    conn: &C,
    state: &AppState,
    recipients: &[String],
    mail: &Mail,
    attachments: &[Attachment],
) -> Result<(), ApiError> {
    let attached = (!attachments.is_empty())
        .then(|| serde_json::to_string(attachments))
        .transpose()
        .map_err(|e| ApiError::Internal(e.into()))?;
    let now = state.clock.now();
    let mut seen = std::collections::HashSet::new();
    let rows = recipients
        .iter()
        .filter(|r| seen.insert(r.to_lowercase()))
        .map(|r| {
            let id = Uuid::now_v7();
            entity::outbox_mail::Model {
                id,
                kind: mail.kind.into(),
                recipient: r.clone(),
                subject: mail.subject.clone(),
                body_text: mail.text.clone(),
                body_html: mail.html.clone(),
                message_id: state.mailer.message_id(id),
                status: "pending".into(),
                attempts: 0,
                next_attempt_at: now,
                claimed_until: None,
                last_error: None,
                created_at: now,
                sent_at: None,
                attachments: attached.clone(),
            }
        })
        .collect();
    store::outbox::insert(conn, rows).await
}

/// Where an organisation's mail goes: its contact address, else its active users' addresses.
pub async fn recipients_of<C: ConnectionTrait>(
    conn: &C,
    org_id: Uuid,
) -> Result<Vec<String>, ApiError> {
    let org = entity::organization::Entity::find_by_id(org_id)
        .one(conn)
        .await?;
    if let Some(mail) = org.and_then(|o| o.contact_email).filter(|m| !m.is_empty()) {
        return Ok(vec![mail]);
    }
    Ok(entity::user::Entity::find()
        .filter(entity::user::Column::OrganizationId.eq(org_id))
        .filter(entity::user::Column::Disabled.eq(false))
        .all(conn)
        .await?
        .into_iter()
        .map(|u| u.email)
        .collect())
}

/// A link into the API for a mail.
pub fn link(state: &AppState, path: &str) -> String {
    format!("{}{path}", state.settings.public_url.trim_end_matches('/'))
}

/// Backoff after `attempts` failures: 30 s, 1 min, 2 min, … at most 6 h.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let secs = 30i64.saturating_mul(1i64 << attempts.clamp(0, 20));
    chrono::Duration::seconds(secs.min(6 * 3600))
}

/// One delivery round: claims due rows and sends them. Returns (sent, failed attempts).
pub async fn deliver_due(state: &AppState) -> Result<(usize, usize), ApiError> {
    let (mut sent, mut failed) = (0, 0);
    loop {
        let now: DateTime<Utc> = state.clock.now();
        let rows = store::outbox::claim_due(&state.db, now, 50, 120).await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            let attempts = row.attempts + 1;
            let result = match state.mailer.send(row).await {
                Ok(()) => {
                    sent += 1;
                    Ok(state.clock.now())
                }
                Err(e) => {
                    failed += 1;
                    tracing::warn!(outbox_id = %row.id, attempts, "mail delivery failed: {e}");
                    let next = (attempts < state.settings.mail_max_attempts)
                        .then(|| state.clock.now() + backoff(row.attempts));
                    Err((e, next))
                }
            };
            store::outbox::record_attempt(&state.db.write, row.id, attempts, result).await?;
        }
        if failed > 0 {
            // The transport is failing: leave the rest for the next tick.
            break;
        }
    }
    Ok((sent, failed))
}
