//! The first start: on an empty database, the bureau and its first admin,
//! each with its audit event.
//!
//! Depends on `store`, `auth::password` and `domain`; called by `state::build_state`.

use serde_json::json;

use crate::{
    auth::password,
    config::{Environment, Settings},
    domain::{roles::OrgKind, roles::Role, uscc::Uscc},
    store::{self, Db, audit},
};

/// On an empty database: the bureau and its first admin (from the settings,
/// or a generated password printed once and written to `initial-admin.txt`).
pub async fn first_admin(settings: &Settings, db: &Db) -> anyhow::Result<()> {
    if !store::users::none_exist(&db.read).await? {
        return Ok(());
    }
    let email = settings
        .bootstrap_admin_email
        .clone()
        .unwrap_or_else(|| "admin@huigui.local".into());
    let (password, generated) = match &settings.bootstrap_admin_password {
        Some(p) if p.0.chars().count() >= password::MIN_PASSWORD_LEN => (p.0.clone(), false),
        Some(_) => anyhow::bail!(
            "HUIGUI_BOOTSTRAP_ADMIN_PASSWORD must be at least {} characters",
            password::MIN_PASSWORD_LEN
        ),
        None if settings.env == Environment::Production => {
            anyhow::bail!("production needs HUIGUI_BOOTSTRAP_ADMIN_EMAIL/_PASSWORD on first start")
        }
        None => (crate::auth::random_secret(12), true),
    };
    let hash = password::hash(password.clone()).await?;
    let txn = db.begin().await?;
    let bureau = store::organizations::insert(
        &txn,
        store::organizations::NewOrganization {
            kind: OrgKind::Bureau,
            agency_type: None,
            name: "文水县司法局 Wenshui County Justice Bureau".into(),
            uscc: Uscc::complete("1114112100000001")?.to_string(),
            parent_id: None,
            township: None,
            contact_email: None,
        },
    )
    .await?;
    let admin = store::users::insert(
        &txn,
        store::users::NewUser {
            organization_id: bureau.id,
            email: email.clone(),
            display_name: "Administrator".into(),
            role: Role::Admin,
            password_hash: hash,
        },
    )
    .await?;
    let actor = audit::Actor::system("bootstrap");
    audit::record(
        &txn,
        &actor,
        "organization.create",
        "organization",
        Some(bureau.id.to_string()),
        json!({"kind": "bureau", "bootstrap": true}),
    )
    .await?;
    audit::record(
        &txn,
        &actor,
        "user.create",
        "user",
        Some(admin.id.to_string()),
        json!({"role": "admin", "bootstrap": true}),
    )
    .await?;
    txn.commit().await?;
    if generated {
        let path = settings.data_dir.join("initial-admin.txt");
        let text = format!("email: {email}\npassword: {password}\n");
        let _ = std::fs::remove_file(&path);
        crate::auth::jwt::write_private(&path, text.as_bytes())?;
        // Printed once, on purpose: this is how the operator logs in the first time.
        println!(
            "Created the first admin.\n  email:    {email}\n  password: {password}\n  (also in {})",
            path.display()
        );
    }
    Ok(())
}
