//! Fixtures shared by the storage contract tests: a migrated `Store` on a fresh database and
//! the rows the contracts insert.

use server::storage::{ApplicationRow, DEFAULT_TENANT, OrganizationRow, Store, UserRow};

use crate::helpers::{Backend, TestDb};

/// The `TestDb` is returned with the store because dropping it removes the database.
pub async fn store(backend: Backend) -> Option<(Store, TestDb)> {
    let db = TestDb::new(backend).await?;
    let store = Store::connect(&db.url, 3).await.unwrap();
    store.migrate().await.unwrap();
    // Migrations are idempotent.
    store.migrate().await.unwrap();
    Some((store, db))
}

pub fn org(id: &str, name: &str, created_at: i64) -> OrganizationRow {
    OrganizationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: id.into(),
        name: name.into(),
        description: Some("d".into()),
        custom_data: "{}".into(),
        is_mfa_required: false,
        color: "{}".into(),
        branding: "{}".into(),
        custom_css: None,
        created_at,
    }
}

pub fn user(tenant: &str, id: &str) -> UserRow {
    UserRow {
        username: Some(format!("u_{id}")),
        password_encrypted: Some("hash".into()),
        ..UserRow::new(tenant, id.into(), 1)
    }
}

pub fn app_row(id: &str, app_type: &str, created_at: i64) -> ApplicationRow {
    ApplicationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: id.into(),
        name: format!("App {id}"),
        description: None,
        app_type: app_type.into(),
        oidc_client_metadata: "{}".into(),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at,
    }
}
