//! One typed configuration. Sources, lowest first: built-in defaults, an optional
//! TOML file (`huigui.toml` in the working directory, or `HUIGUI_CONFIG`), then
//! the environment (`HUIGUI_*`, plus `DATABASE_URL`).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Where the server runs: `production` refuses unsafe defaults.
#[derive(Clone, Copy, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    #[default]
    Development,
    Production,
}

/// A string that is never printed by `Debug`.
#[derive(Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// All settings of one Huigui process.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Path of the config file itself (`HUIGUI_CONFIG`); read before the others.
    pub config: Option<PathBuf>,
    /// Address the HTTP server listens on.
    pub bind: String,
    /// Directory for the SQLite file, signing key, outbox mails.
    pub data_dir: PathBuf,
    /// Database URL; default: SQLite file `huigui.db` in `data_dir`.
    pub database_url: Option<Secret>,
    pub env: Environment,
    /// IANA time zone for calendar logic.
    pub timezone: String,
    /// Public base URL, used in links and mails.
    pub public_url: String,
    /// SMTP URL; unset: mails are written as `.eml` files to `data_dir/outbox`.
    pub smtp_url: Option<Secret>,
    /// JWT key-set file; default `data_dir/jwt-keys.json` (generated in development).
    pub jwt_key_file: Option<PathBuf>,
    pub jwt_issuer: String,
    pub jwt_audience: String,
    /// Access-token lifetime in seconds (at most 900).
    pub access_token_ttl_secs: u64,
    /// Refresh-token lifetime in seconds.
    pub refresh_token_ttl_secs: u64,
    pub bootstrap_admin_email: Option<String>,
    pub bootstrap_admin_password: Option<Secret>,
    /// Connections in the database pool (PostgreSQL) or read pool (SQLite).
    pub db_max_connections: u32,
    /// How long a request waits for a database connection before 503.
    pub db_acquire_timeout_ms: u64,
    /// Failed logins per account (and, times four, per IP) within the window before 429.
    pub login_max_failures: u32,
    pub login_window_secs: u64,
    /// Largest accepted request body in bytes.
    pub max_body_bytes: usize,
    /// Log filter (tracing `EnvFilter` syntax).
    pub log: String,
    /// Comma-separated browser origins allowed by CORS; unset: no cross-origin access.
    pub cors_origins: Option<String>,
    /// Key file for ID-number encryption and hashing; default `data_dir/id-keys.json`
    /// (generated in development, required in production).
    pub id_key_file: Option<PathBuf>,
    /// Minutes after a session's start (and before its end) that still count as on time.
    pub late_grace_minutes: i64,
    /// Seconds one rotating QR check-in code lasts (it is accepted for two windows).
    pub qr_window_secs: i64,
    /// Prefix of generated contract numbers (`WS-2026-001`).
    pub contract_prefix: String,
    /// Sender of every mail.
    pub mail_from: String,
    /// Delivery attempts before an outbox mail is marked `failed`.
    pub mail_max_attempts: i32,
    /// Seconds between background-job ticks.
    pub job_interval_secs: u64,
    /// Sessions still open this many hours after their end are closed by the scheduler.
    pub auto_close_after_hours: i64,
    /// Days before a referral's `respond_by` that the agency is reminded.
    pub referral_reminder_days: i64,
    /// Days after a month ends that its contract report is due (then a reminder goes out).
    pub report_due_days: i64,
    /// Day of the month the previous month's bureau summary is mailed.
    pub summary_day: u32,
    /// Comma-separated recipients of the monthly summary; unset: the bureau's users.
    pub summary_recipients: Option<String>,
    /// Ed25519 key set signing audit checkpoints; default `data_dir/audit-keys.json`
    /// (generated in development, required in production).
    pub audit_key_file: Option<PathBuf>,
    /// Hours between scheduled audit checkpoints (each mailed to the procuratorate).
    pub checkpoint_interval_hours: i64,
    /// Seconds a client has to send a request's complete header before the
    /// connection is closed (slow or stalled clients).
    pub header_read_timeout_secs: u64,
    /// Seconds a connection may stay without any traffic (idle keep-alive, or a
    /// stalled body) before it is closed.
    pub idle_timeout_secs: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            config: None,
            bind: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: None,
            env: Environment::Development,
            timezone: "Asia/Shanghai".into(),
            public_url: "http://127.0.0.1:8080".into(),
            smtp_url: None,
            jwt_key_file: None,
            jwt_issuer: "huigui".into(),
            jwt_audience: "huigui-api".into(),
            access_token_ttl_secs: 900,
            refresh_token_ttl_secs: 14 * 24 * 3600,
            bootstrap_admin_email: None,
            bootstrap_admin_password: None,
            db_max_connections: 8,
            db_acquire_timeout_ms: 3000,
            login_max_failures: 5,
            login_window_secs: 300,
            max_body_bytes: 4 * 1024 * 1024,
            log: "info".into(),
            cors_origins: None,
            contract_prefix: "WS".into(),
            late_grace_minutes: 10,
            qr_window_secs: 60,
            id_key_file: None,
            mail_from: "回归 Huigui <noreply@huigui.local>".into(),
            mail_max_attempts: 8,
            job_interval_secs: 30,
            auto_close_after_hours: 12,
            referral_reminder_days: 2,
            report_due_days: 10,
            summary_day: 1,
            summary_recipients: None,
            audit_key_file: None,
            checkpoint_interval_hours: 24,
            header_read_timeout_secs: 10,
            idle_timeout_secs: 60,
        }
    }
}

/// Environment variables that are not `HUIGUI_` + the field name.
const EXTRA_ENV: &[(&str, &str)] = &[("DATABASE_URL", "database_url")];

impl Settings {
    /// Loads defaults, then the optional config file, then the environment.
    pub fn load() -> anyhow::Result<Self> {
        let file = std::env::var("HUIGUI_CONFIG").unwrap_or_else(|_| "huigui.toml".into());
        // Only `HUIGUI_*` variables that name a setting: others (e.g.
        // HUIGUI_NEW_USER_PASSWORD for the CLI) are not configuration.
        let known = Self::keys();
        let env: std::collections::HashMap<String, String> = std::env::vars()
            .filter(|(k, _)| {
                k.strip_prefix("HUIGUI_")
                    .is_some_and(|rest| known.contains(&rest.to_lowercase()))
            })
            .collect();
        let mut builder = config::Config::builder()
            .add_source(config::File::with_name(&file).required(false))
            .add_source(
                config::Environment::with_prefix("HUIGUI")
                    .prefix_separator("_")
                    .try_parsing(true)
                    .source(Some(env)),
            );
        for (var, key) in EXTRA_ENV {
            if let Ok(value) = std::env::var(var) {
                builder = builder.set_override(*key, value)?;
            }
        }
        let settings: Settings = builder.build()?.try_deserialize()?;
        settings.validate()?;
        Ok(settings)
    }

    /// The setting names (lower-case, without the `HUIGUI_` prefix).
    pub fn keys() -> Vec<String> {
        serde_json::to_value(Self::default())
            .ok()
            .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()))
            .unwrap_or_default()
    }

    /// Checks combinations that serde cannot.
    pub fn validate(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.access_token_ttl_secs > 0 && self.access_token_ttl_secs <= 900,
            "access_token_ttl_secs must be between 1 and 900"
        );
        anyhow::ensure!(
            self.timezone.parse::<chrono_tz::Tz>().is_ok(),
            "unknown time zone {}",
            self.timezone
        );
        anyhow::ensure!(
            (10..=3600).contains(&self.qr_window_secs),
            "qr_window_secs must be 10–3600"
        );
        anyhow::ensure!(
            (0..=120).contains(&self.late_grace_minutes),
            "late_grace_minutes must be 0–120"
        );
        anyhow::ensure!(
            self.mail_from.parse::<lettre::message::Mailbox>().is_ok(),
            "mail_from must be a mailbox such as `Huigui <noreply@example.cn>`"
        );
        anyhow::ensure!(
            (1..=50).contains(&self.mail_max_attempts),
            "mail_max_attempts must be 1–50"
        );
        anyhow::ensure!(
            (1..=3600).contains(&self.job_interval_secs),
            "job_interval_secs must be 1–3600"
        );
        anyhow::ensure!(
            (0..=24 * 30).contains(&self.auto_close_after_hours),
            "auto_close_after_hours must be 0–720"
        );
        anyhow::ensure!(
            (0..=60).contains(&self.referral_reminder_days),
            "referral_reminder_days must be 0–60"
        );
        anyhow::ensure!(
            (0..=60).contains(&self.report_due_days),
            "report_due_days must be 0–60"
        );
        anyhow::ensure!(
            (1..=24).contains(&self.checkpoint_interval_hours),
            "checkpoint_interval_hours must be 1–24 (at least daily)"
        );
        anyhow::ensure!(
            (1..=300).contains(&self.header_read_timeout_secs),
            "header_read_timeout_secs must be 1–300"
        );
        anyhow::ensure!(
            (1..=3600).contains(&self.idle_timeout_secs),
            "idle_timeout_secs must be 1–3600"
        );
        anyhow::ensure!(
            (1..=28).contains(&self.summary_day),
            "summary_day must be 1–28"
        );
        if self.env == Environment::Production {
            anyhow::ensure!(
                self.jwt_key_file.is_some(),
                "HUIGUI_JWT_KEY_FILE is required in production"
            );
            anyhow::ensure!(
                self.id_key_file.is_some(),
                "HUIGUI_ID_KEY_FILE is required in production"
            );
            anyhow::ensure!(
                self.audit_key_file.is_some(),
                "HUIGUI_AUDIT_KEY_FILE is required in production"
            );
            anyhow::ensure!(
                self.smtp_url.is_some(),
                "HUIGUI_SMTP_URL is required in production (the file mailer is for development)"
            );
        }
        Ok(())
    }

    /// The database URL in effect.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.0.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("huigui.db").display()
            ),
        }
    }

    /// The ID-number key file in effect.
    pub fn id_key_path(&self) -> PathBuf {
        self.id_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("id-keys.json"))
    }

    /// The JWT key-set file in effect.
    pub fn audit_key_path(&self) -> PathBuf {
        self.audit_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("audit-keys.json"))
    }

    pub fn jwt_key_path(&self) -> PathBuf {
        self.jwt_key_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("jwt-keys.json"))
    }

    /// The CORS allow-list.
    pub fn cors_origins(&self) -> Vec<String> {
        self.cors_origins
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The bureau's time zone.
    pub fn tz(&self) -> chrono_tz::Tz {
        self.timezone.parse().unwrap_or(chrono_tz::Asia::Shanghai)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_name_every_setting() {
        let keys = Settings::keys();
        for k in [
            "bind",
            "data_dir",
            "database_url",
            "jwt_key_file",
            "cors_origins",
        ] {
            assert!(keys.contains(&k.to_string()), "{k}");
        }
    }

    #[test]
    fn production_requires_key_file_and_smtp() {
        let s = Settings {
            env: Environment::Production,
            ..Settings::default()
        };
        assert!(s.validate().is_err());
        assert!(Settings::default().validate().is_ok());
    }

    #[test]
    fn secrets_are_not_debug_printed() {
        let s = Settings {
            database_url: Some(Secret("postgres://u:hunter2@h/db".into())),
            ..Settings::default()
        };
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
