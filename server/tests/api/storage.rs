//! Storage contract: every `Store` method against each backend.

use server::storage::relations::ORGANIZATION_USERS;
use server::storage::{
    ADMIN_TENANT, ApplicationRow, DEFAULT_TENANT, MANAGEMENT_API_RESOURCE_ID,
    MANAGEMENT_API_ROLE_ID, NewApplication, OrganizationPatchRow, OrganizationRow,
    OrganizationScopePatch, OrganizationScopeRow, Page, SigningKeyRow, StorageError, Store,
    UserRow,
};
use tower_sessions::SessionStore as _;

use crate::both_backends;
use crate::helpers::{Backend, TestDb};

async fn store(backend: Backend) -> Option<(Store, TestDb)> {
    let db = TestDb::new(backend).await?;
    let store = Store::connect(&db.url, 3).await.unwrap();
    store.migrate().await.unwrap();
    // Migrations are idempotent.
    store.migrate().await.unwrap();
    Some((store, db))
}

fn org(id: &str, name: &str, created_at: i64) -> OrganizationRow {
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

fn user(tenant: &str, id: &str) -> UserRow {
    UserRow {
        username: Some(format!("u_{id}")),
        password_encrypted: Some("hash".into()),
        ..UserRow::new(tenant, id.into(), 1)
    }
}

fn app_row(id: &str, app_type: &str, created_at: i64) -> ApplicationRow {
    ApplicationRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: id.into(),
        name: format!("App {id}"),
        description: None,
        app_type: app_type.into(),
        secret_digest: Some("digest".into()),
        oidc_client_metadata: "{}".into(),
        custom_client_metadata: "{}".into(),
        custom_data: "{}".into(),
        is_third_party: false,
        created_at,
    }
}

both_backends!(organizations_contract, organizations_impl);
async fn organizations_impl(backend: Backend) {
    let Some((s, _db)) = store(backend).await else {
        return;
    };
    s.organization_insert(&org("o1", "Alpha", 10))
        .await
        .unwrap();
    s.organization_insert(&org("o2", "Beta_x", 10))
        .await
        .unwrap();
    s.organization_insert(&org("o0", "gamma", 20))
        .await
        .unwrap();
    assert!(matches!(
        s.organization_insert(&org("o1", "dup", 1)).await,
        Err(StorageError::UniqueViolation)
    ));

    let found = s
        .organization_find_by_id(DEFAULT_TENANT, "o1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.name, "Alpha");
    assert!(
        s.organization_find_by_id(ADMIN_TENANT, "o1")
            .await
            .unwrap()
            .is_none()
    );

    let page = Page {
        page: 1,
        page_size: 10,
    };
    let all = s
        .organization_list(DEFAULT_TENANT, None, page)
        .await
        .unwrap();
    let ids: Vec<_> = all.items.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["o1", "o2", "o0"], "created_at, then id");
    assert_eq!(all.total, 3);
    let x = s
        .organization_list(DEFAULT_TENANT, Some("_X"), page)
        .await
        .unwrap();
    assert_eq!(x.total, 1);
    let second = s
        .organization_list(
            DEFAULT_TENANT,
            None,
            Page {
                page: 2,
                page_size: 2,
            },
        )
        .await
        .unwrap();
    assert_eq!(second.items.len(), 1);

    let patch = OrganizationPatchRow {
        name: Some("Alpha 2".into()),
        description: Some(None),
        is_mfa_required: Some(true),
        custom_css: Some(Some("b{}".into())),
        ..Default::default()
    };
    let updated = s
        .organization_update(DEFAULT_TENANT, "o1", &patch)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(updated.name, "Alpha 2");
    assert_eq!(updated.description, None);
    assert!(updated.is_mfa_required);
    assert_eq!(updated.custom_css.as_deref(), Some("b{}"));
    let unchanged = s
        .organization_update(DEFAULT_TENANT, "o1", &OrganizationPatchRow::default())
        .await
        .unwrap();
    assert_eq!(unchanged.unwrap().name, "Alpha 2");
    assert!(
        s.organization_update(DEFAULT_TENANT, "missing", &patch)
            .await
            .unwrap()
            .is_none()
    );

    s.user_insert(&user(DEFAULT_TENANT, "u1")).await.unwrap();
    s.relation_add(
        &ORGANIZATION_USERS,
        DEFAULT_TENANT,
        &["o1"],
        &["u1".into()],
        1,
    )
    .await
    .unwrap();
    s.relation_add(
        &ORGANIZATION_USERS,
        DEFAULT_TENANT,
        &["o1"],
        &["u1".into()],
        1,
    )
    .await
    .unwrap();
    assert!(matches!(
        s.relation_add(
            &ORGANIZATION_USERS,
            DEFAULT_TENANT,
            &["nope"],
            &["u1".into()],
            1
        )
        .await,
        Err(StorageError::ForeignKeyViolation)
    ));
    let (counts, featured) = s
        .organization_featured(DEFAULT_TENANT, &["o1".into(), "o2".into()])
        .await
        .unwrap();
    assert_eq!(counts.get("o1"), Some(&1));
    assert_eq!(counts.get("o2"), None);
    assert_eq!(featured.len(), 1);

    assert!(s.organization_delete(DEFAULT_TENANT, "o1").await.unwrap());
    assert!(!s.organization_delete(DEFAULT_TENANT, "o1").await.unwrap());
    let (counts, _) = s
        .organization_featured(DEFAULT_TENANT, &["o1".into()])
        .await
        .unwrap();
    assert!(counts.is_empty());
}

both_backends!(users_contract, users_impl);
async fn users_impl(backend: Backend) {
    let Some((s, _db)) = store(backend).await else {
        return;
    };
    assert!(!s.user_exists_in_tenant(ADMIN_TENANT).await.unwrap());
    assert!(
        s.user_insert_first(&user(ADMIN_TENANT, "a1"))
            .await
            .unwrap()
    );
    assert!(
        !s.user_insert_first(&user(ADMIN_TENANT, "a2"))
            .await
            .unwrap()
    );
    assert!(s.user_exists_in_tenant(ADMIN_TENANT).await.unwrap());
    assert!(!s.user_exists_in_tenant(DEFAULT_TENANT).await.unwrap());
    let mut same_name = user(ADMIN_TENANT, "a3");
    same_name.username = Some("u_a1".into());
    assert!(matches!(
        s.user_insert(&same_name).await,
        Err(StorageError::UniqueViolation)
    ));
    // Usernames are unique per tenant only.
    let mut other_tenant = user(DEFAULT_TENANT, "d1");
    other_tenant.username = Some("u_a1".into());
    s.user_insert(&other_tenant).await.unwrap();

    let found = s
        .user_find_by_username(ADMIN_TENANT, "u_a1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, "a1");
    s.user_set_password(ADMIN_TENANT, "a1", "new-hash", 5)
        .await
        .unwrap();
    s.user_touch_sign_in(ADMIN_TENANT, "a1", 7).await.unwrap();
    let found = s
        .user_find_by_id(ADMIN_TENANT, "a1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.password_encrypted.as_deref(), Some("new-hash"));
    assert_eq!(found.last_sign_in_at, Some(7));
    assert_eq!(found.updated_at, 5);
    assert!(
        s.user_find_by_id(DEFAULT_TENANT, "a1")
            .await
            .unwrap()
            .is_none()
    );
}

both_backends!(applications_contract, applications_impl);
async fn applications_impl(backend: Backend) {
    let Some((s, _db)) = store(backend).await else {
        return;
    };
    let m2m = NewApplication {
        row: app_row("m1", "MachineToMachine", 1),
        role_ids: vec![MANAGEMENT_API_ROLE_ID.into()],
    };
    s.application_insert(&m2m).await.unwrap();
    s.application_insert(&NewApplication {
        row: app_row("s1", "SPA", 2),
        role_ids: vec![],
    })
    .await
    .unwrap();
    // The role grant and the app are one transaction: an unknown role leaves no app behind.
    let broken = NewApplication {
        row: app_row("b1", "MachineToMachine", 3),
        role_ids: vec!["no-such-role".into()],
    };
    assert!(matches!(
        s.application_insert(&broken).await,
        Err(StorageError::ForeignKeyViolation)
    ));
    assert!(
        s.application_find_by_id(DEFAULT_TENANT, "b1")
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        s.application_insert(&NewApplication {
            row: app_row("x1", "Robot", 4),
            role_ids: vec![]
        })
        .await,
        Err(StorageError::CheckViolation)
    ));

    assert!(
        s.application_has_role(DEFAULT_TENANT, "m1", MANAGEMENT_API_ROLE_ID)
            .await
            .unwrap()
    );
    assert!(
        !s.application_has_role(DEFAULT_TENANT, "s1", MANAGEMENT_API_ROLE_ID)
            .await
            .unwrap()
    );
    let indicator = "https://default.logto.app/api";
    let grant = s
        .resource_grant_for_application(DEFAULT_TENANT, "m1", indicator)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(grant.resource.id, MANAGEMENT_API_RESOURCE_ID);
    assert_eq!(grant.scopes, ["all"]);
    let none = s
        .resource_grant_for_application(DEFAULT_TENANT, "s1", indicator)
        .await
        .unwrap()
        .unwrap();
    assert!(none.scopes.is_empty(), "the resource, without permissions");
    assert!(
        s.resource_grant_for_application(DEFAULT_TENANT, "m1", "https://unknown.test")
            .await
            .unwrap()
            .is_none()
    );

    let list = s
        .application_list(DEFAULT_TENANT, None, &[], None, None)
        .await
        .unwrap();
    assert_eq!(
        list.items.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["m1", "s1"]
    );
    let spa = s
        .application_list(DEFAULT_TENANT, Some("app s"), &["SPA".into()], None, None)
        .await
        .unwrap();
    assert_eq!(spa.total, 1);
    let paged = s
        .application_list(
            DEFAULT_TENANT,
            None,
            &[],
            None,
            Some(Page {
                page: 2,
                page_size: 1,
            }),
        )
        .await
        .unwrap();
    assert_eq!(paged.items[0].id, "s1");
    assert_eq!(paged.total, 2);

    // Upsert replaces the secret and keeps one grant.
    let mut again = app_row("m1", "MachineToMachine", 9);
    again.secret_digest = Some("rotated".into());
    let upsert = NewApplication {
        row: again,
        role_ids: vec![MANAGEMENT_API_ROLE_ID.into()],
    };
    s.application_upsert_with_roles(&upsert).await.unwrap();
    s.application_upsert_with_roles(&upsert).await.unwrap();
    let m1 = s
        .application_find_by_id(DEFAULT_TENANT, "m1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m1.secret_digest.as_deref(), Some("rotated"));
    assert_eq!(m1.created_at, 1);

    assert!(s.application_delete(DEFAULT_TENANT, "m1").await.unwrap());
    assert!(!s.application_delete(DEFAULT_TENANT, "m1").await.unwrap());
}

both_backends!(
    resources_keys_sessions_contract,
    resources_keys_sessions_impl
);
async fn resources_keys_sessions_impl(backend: Backend) {
    let Some((s, _db)) = store(backend).await else {
        return;
    };
    let r = s
        .resource_grant_for_application(DEFAULT_TENANT, "nobody", "https://default.logto.app/api")
        .await
        .unwrap()
        .unwrap()
        .resource;
    assert_eq!(r.id, MANAGEMENT_API_RESOURCE_ID);
    assert_eq!(r.access_token_ttl, 3600);
    s.ensure_management_api("https://tessera.test/api")
        .await
        .unwrap();
    assert!(
        s.resource_grant_for_application(DEFAULT_TENANT, "nobody", "https://default.logto.app/api")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        s.resource_grant_for_application(DEFAULT_TENANT, "nobody", "https://tessera.test/api")
            .await
            .unwrap()
            .is_some()
    );

    assert!(s.signing_key_list(DEFAULT_TENANT).await.unwrap().is_empty());
    for (id, at) in [("k2", 2), ("k1", 1)] {
        let row = SigningKeyRow {
            tenant_id: DEFAULT_TENANT.into(),
            id: id.into(),
            alg: "ES256".into(),
            private_key: "pk".into(),
            public_jwk: "{}".into(),
            created_at: at,
            activates_at: Some(at + 10),
        };
        s.signing_key_insert(&row).await.unwrap();
    }
    let keys = s.signing_key_list(DEFAULT_TENANT).await.unwrap();
    assert_eq!(
        keys.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
        ["k1", "k2"]
    );
    assert_eq!(keys[0].activates_at, Some(11));

    let sessions = s.session_store().await.unwrap();
    let mut record = tower_sessions::session::Record {
        id: Default::default(),
        data: Default::default(),
        expiry_date: time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    };
    record
        .data
        .insert("admin_id".into(), serde_json::json!("a1"));
    sessions.create(&mut record).await.unwrap();
    let loaded = sessions.load(&record.id).await.unwrap().unwrap();
    assert_eq!(loaded.data["admin_id"], "a1");
    sessions.delete(&record.id).await.unwrap();
    assert!(sessions.load(&record.id).await.unwrap().is_none());
}

both_backends!(organization_scopes_contract, organization_scopes_impl);
async fn organization_scopes_impl(backend: Backend) {
    let Some((s, _db)) = store(backend).await else {
        return;
    };
    let row = |id: &str, name: &str| OrganizationScopeRow {
        tenant_id: DEFAULT_TENANT.into(),
        id: id.into(),
        name: name.into(),
        description: None,
    };
    s.organization_scope_insert(&row("s1", "b")).await.unwrap();
    s.organization_scope_insert(&row("s2", "B")).await.unwrap();
    s.organization_scope_insert(&row("s3", "a_c"))
        .await
        .unwrap();
    assert!(matches!(
        s.organization_scope_insert(&row("s4", "b")).await,
        Err(StorageError::UniqueViolation)
    ));
    let all = s
        .organization_scope_list(DEFAULT_TENANT, None, None)
        .await
        .unwrap();
    let names: Vec<_> = all.items.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["B", "a_c", "b"], "byte order on both backends");
    assert_eq!(
        s.organization_scope_list(DEFAULT_TENANT, Some("_"), None)
            .await
            .unwrap()
            .total,
        1
    );
    let paged = s
        .organization_scope_list(
            DEFAULT_TENANT,
            None,
            Some(Page {
                page: 2,
                page_size: 2,
            }),
        )
        .await
        .unwrap();
    assert_eq!(paged.items.len(), 1);
    assert_eq!(paged.total, 3);

    let patch = OrganizationScopePatch {
        name: Some("c".into()),
        description: Some(Some("d".into())),
    };
    let updated = s
        .organization_scope_update(DEFAULT_TENANT, "s1", &patch)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (updated.name.as_str(), updated.description.as_deref()),
        ("c", Some("d"))
    );
    let clash = OrganizationScopePatch {
        name: Some("B".into()),
        description: None,
    };
    assert!(matches!(
        s.organization_scope_update(DEFAULT_TENANT, "s1", &clash)
            .await,
        Err(StorageError::UniqueViolation)
    ));
    assert!(
        s.organization_scope_update(DEFAULT_TENANT, "nope", &patch)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        s.organization_scope_find_by_id(DEFAULT_TENANT, "s1")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        s.organization_scope_delete(DEFAULT_TENANT, "s1")
            .await
            .unwrap()
    );
    assert!(
        !s.organization_scope_delete(DEFAULT_TENANT, "s1")
            .await
            .unwrap()
    );
    assert!(
        s.organization_scope_find_by_id(DEFAULT_TENANT, "s1")
            .await
            .unwrap()
            .is_none()
    );
}

both_backends!(analyze_contract, analyze_impl);
async fn analyze_impl(backend: Backend) {
    let Some((s, db)) = store(backend).await else {
        return;
    };
    s.organization_insert(&org("o1", "Alpha", 10))
        .await
        .unwrap();
    // Twice: the second run finds the statistics tables already there.
    s.analyze().await.unwrap();
    s.analyze().await.unwrap();
    let found = s
        .organization_find_by_id(DEFAULT_TENANT, "o1")
        .await
        .unwrap();
    assert_eq!(found.map(|o| o.name).as_deref(), Some("Alpha"));
    if matches!(backend, Backend::Sqlite) {
        // Row counts are kept; value samples, which make SQLite re-plan statements on every
        // execution, are not.
        let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
        let count = |table: &str| {
            let sql = format!("SELECT count(*) FROM {table}");
            let pool = pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(&sql)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        assert!(count("sqlite_stat1").await > 0);
        assert_eq!(count("sqlite_stat4").await, 0);
        pool.close().await;
    }
}
