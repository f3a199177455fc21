//! Deep pages of a large organization's user list start from page anchors kept per replica
//! (the sort key at every 1,000th position); they must give exactly what `OFFSET` gives,
//! before and after members come and go.

use reqwest::Method;
use server::domain::ids;
use server::storage::relations::ORGANIZATION_USERS;
use server::storage::{DEFAULT_TENANT, UserRow};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_pinned};

const MEMBERS: usize = 2_600;

/// The ids on one page, and the total the API reports.
async fn page(app: &TestApp, org_id: &str, page: usize, size: usize) -> (Vec<String>, usize) {
    let path = format!("/organizations/{org_id}/users?page={page}&page_size={size}");
    let res = app.api(Method::GET, &path).await.send().await.unwrap();
    assert_eq!(res.status(), 200);
    let total = res.headers()["total-number"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    let ids = body
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect();
    (ids, total)
}

/// Every page below, deep or not, against the expected order.
async fn check(app: &TestApp, org_id: &str, expected: &[String]) {
    for (number, size) in [
        (1, 20),
        (50, 20),
        (51, 20),
        (76, 20),
        (100, 20),
        (101, 20),
        (130, 20),
        (131, 20),
        (200, 20),
        (11, 100),
        (26, 100),
        (20, 100),
    ] {
        let from = ((number - 1) * size).min(expected.len());
        let to = (from + size).min(expected.len());
        let (ids, total) = page(app, org_id, number, size).await;
        assert_eq!(total, expected.len());
        assert_eq!(ids, expected[from..to], "page {number} of {size}");
    }
}

both_backends!(deep_member_pages_match_offset, deep_pages_impl);
async fn deep_pages_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let org = app.create_org("Big").await;
    let org_id = org["id"].as_str().unwrap().to_string();
    // Members join in batches that share a time, so the order also rests on user ids.
    let mut joined: Vec<(i64, String)> = Vec::new();
    for batch in 0..MEMBERS / 500 + 1 {
        let n = 500.min(MEMBERS - batch * 500);
        let users: Vec<UserRow> = (0..n)
            .map(|_| UserRow::new(DEFAULT_TENANT, ids::generate(ids::SHORT), 1))
            .collect();
        app.store.users_insert_many(&users).await.unwrap();
        let user_ids: Vec<String> = users.into_iter().map(|u| u.id).collect();
        let at = 1_700_000_000_000 - batch as i64;
        app.store
            .relation_add(
                &ORGANIZATION_USERS,
                DEFAULT_TENANT,
                &[&org_id],
                &user_ids,
                at,
            )
            .await
            .unwrap();
        joined.extend(user_ids.into_iter().map(|id| (at, id)));
    }
    joined.sort();
    let mut expected: Vec<String> = joined.into_iter().map(|(_, id)| id).collect();
    check(&app, &org_id, &expected).await;

    // A member near the front leaves: every later position moves.
    let gone = expected.remove(10);
    let path = format!("/organizations/{org_id}/users/{gone}");
    assert_eq!(app.delete(&path).await.0, 204);
    check(&app, &org_id, &expected).await;
    // Once the anchors may be built again, from the new state.
    app.state.clock.advance(1_100);
    check(&app, &org_id, &expected).await;

    // One joins (at the end, as the latest).
    let user = app
        .create("/users", serde_json::json!({ "username": "latest" }))
        .await;
    let user_id = user["id"].as_str().unwrap().to_string();
    let path = format!("/organizations/{org_id}/users");
    let body = serde_json::json!({ "userIds": [user_id] });
    assert_eq!(app.status_of(Method::POST, &path, body).await, 201);
    expected.push(user_id);
    app.state.clock.advance(1_100);
    check(&app, &org_id, &expected).await;
}
