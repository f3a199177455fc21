//! Storage contract of applications: inserts with their role grants, resource grants, lists,
//! upserts and deletes, against each backend.

use server::storage::{
    ApplicationSecretRow, DEFAULT_TENANT, MANAGEMENT_API_RESOURCE_ID, MANAGEMENT_API_ROLE_ID,
    NewApplication, Page, StorageError,
};

use crate::both_backends;
use crate::helpers::Backend;
use crate::storage_fixtures::{app_row, store};

both_backends!(applications_contract, applications_impl);
async fn applications_impl(backend: Backend) {
    let Some((s, _db)) = store(backend).await else {
        return;
    };
    let m2m = NewApplication {
        row: app_row("m1", "MachineToMachine", 1),
        role_ids: vec![MANAGEMENT_API_ROLE_ID.into()],
        secret_digest: None,
    };
    s.application_insert(&m2m).await.unwrap();
    s.application_insert(&NewApplication {
        row: app_row("s1", "SPA", 2),
        role_ids: vec![],
        secret_digest: None,
    })
    .await
    .unwrap();
    // The role grant and the app are one transaction: an unknown role leaves no app behind.
    let broken = NewApplication {
        row: app_row("b1", "MachineToMachine", 3),
        role_ids: vec!["no-such-role".into()],
        secret_digest: None,
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
            role_ids: vec![],
            secret_digest: None,
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
    let upsert = NewApplication {
        row: app_row("m1", "MachineToMachine", 9),
        role_ids: vec![MANAGEMENT_API_ROLE_ID.into()],
        secret_digest: Some("rotated".into()),
    };
    s.application_upsert_with_roles(&upsert).await.unwrap();
    s.application_upsert_with_roles(&upsert).await.unwrap();
    let m1 = s
        .application_find_by_id(DEFAULT_TENANT, "m1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(m1.created_at, 1);
    let (_, secrets) = s
        .application_with_secrets(DEFAULT_TENANT, "m1")
        .await
        .unwrap()
        .unwrap();
    let digests: Vec<&str> = secrets.iter().map(|d| d.digest.as_str()).collect();
    assert_eq!(digests, ["rotated"], "one default secret, replaced");
    // A secret added by hand does not outlive the next start.
    let extra = ApplicationSecretRow {
        tenant_id: DEFAULT_TENANT.into(),
        application_id: "m1".into(),
        name: "extra".into(),
        created_at: 10,
        expires_at: None,
    };
    s.application_secret_insert(&extra, "planted")
        .await
        .unwrap();
    s.application_upsert_with_roles(&upsert).await.unwrap();
    let (_, secrets) = s
        .application_with_secrets(DEFAULT_TENANT, "m1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(secrets.len(), 1);
    assert_eq!(secrets[0].digest, "rotated");

    assert!(s.application_delete(DEFAULT_TENANT, "m1").await.unwrap());
    assert!(!s.application_delete(DEFAULT_TENANT, "m1").await.unwrap());
}
