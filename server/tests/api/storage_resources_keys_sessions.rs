//! Storage contract of the management API resource, signing keys and console sessions, against
//! each backend.

use server::storage::{DEFAULT_TENANT, MANAGEMENT_API_RESOURCE_ID, SigningKeyRow};
use tower_sessions::SessionStore as _;

use crate::both_backends;
use crate::helpers::Backend;
use crate::storage_fixtures::store;

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
