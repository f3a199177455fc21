//! Storage contract of `analyze`: planner statistics refreshed after bulk imports, against each
//! backend.

use server::storage::DEFAULT_TENANT;

use crate::both_backends;
use crate::helpers::Backend;
use crate::storage_fixtures::{org, store};

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
