//! Storage contract of users: the first-user guard, per-tenant usernames, password and
//! sign-in updates, against each backend.

use server::storage::{ADMIN_TENANT, DEFAULT_TENANT, StorageError};

use crate::both_backends;
use crate::helpers::Backend;
use crate::storage_fixtures::{store, user};

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
