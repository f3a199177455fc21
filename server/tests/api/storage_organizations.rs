//! Storage contract of organizations and organization scopes, against each backend.

use server::storage::relations::ORGANIZATION_USERS;
use server::storage::{
    ADMIN_TENANT, DEFAULT_TENANT, OrganizationPatchRow, OrganizationScopePatch,
    OrganizationScopeRow, Page, StorageError,
};

use crate::both_backends;
use crate::helpers::Backend;
use crate::storage_fixtures::{org, store, user};

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
