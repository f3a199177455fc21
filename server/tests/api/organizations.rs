//! `/api/organizations`: every route, pagination edges, search, featured members.

use reqwest::Method;
use serde_json::{Value, json};
use server::storage::relations::ORGANIZATION_USERS;
use server::storage::{DEFAULT_TENANT, UserRow};

use crate::both_backends;
use crate::helpers::{Backend, read, spawn_app};

both_backends!(crud_round_trip, crud_round_trip_impl);
async fn crud_round_trip_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, org) = app
        .api_json(
            Method::POST,
            "/organizations",
            &json!({
                "name": "Acme", "description": "Rockets", "customData": { "plan": "pro" },
                "isMfaRequired": true, "color": { "primaryColor": "#ff0000" },
                "branding": { "logoUrl": "https://acme.test/logo.png" }, "customCss": "a{}",
                "id": "ignored", "unknownField": 1
            }),
        )
        .await;
    assert_eq!(status, 201, "{org}");
    let id = org["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 12);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    );
    assert_eq!(org["tenantId"], "default");
    assert_eq!(org["name"], "Acme");
    assert_eq!(org["description"], "Rockets");
    assert_eq!(org["customData"], json!({ "plan": "pro" }));
    assert_eq!(org["isMfaRequired"], true);
    assert_eq!(org["color"], json!({ "primaryColor": "#ff0000" }));
    assert_eq!(
        org["branding"],
        json!({ "logoUrl": "https://acme.test/logo.png" })
    );
    assert_eq!(org["customCss"], "a{}");
    assert!(org["createdAt"].as_i64().unwrap() > 1_700_000_000_000);
    assert!(org.get("isTrustedDeviceAllowed").is_none());

    let (status, got) = app.api_get(&format!("/organizations/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(got, org);

    // PATCH replaces JSON columns and clears nullable ones.
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("/organizations/{id}"),
            &json!({ "description": null, "customData": { "seats": 5 }, "isMfaRequired": false }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(patched["name"], "Acme");
    assert_eq!(patched["description"], Value::Null);
    assert_eq!(patched["customData"], json!({ "seats": 5 }));
    assert_eq!(patched["isMfaRequired"], false);
    assert_eq!(patched["customCss"], "a{}");

    // Empty PATCH: the entity unchanged.
    let res = app
        .api(Method::PATCH, &format!("/organizations/{id}"))
        .await
        .send()
        .await
        .unwrap();
    let (status, same) = read(res).await;
    assert_eq!(status, 200);
    assert_eq!(same, patched);

    let res = app
        .api(Method::DELETE, &format!("/organizations/{id}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);

    let (status, err) = app.api_get(&format!("/organizations/{id}")).await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_exists_with_id");
    let (status, err) = app
        .api_json(
            Method::PATCH,
            &format!("/organizations/{id}"),
            &json!({ "name": "x" }),
        )
        .await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_exists");
    let res = app
        .api(Method::DELETE, &format!("/organizations/{id}"))
        .await
        .send()
        .await
        .unwrap();
    let (status, err) = read(res).await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_found");
}

both_backends!(pagination_and_order, pagination_and_order_impl);
async fn pagination_and_order_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let mut created = Vec::new();
    for i in 0..5 {
        let org = app.create_org(&format!("Org {i}")).await;
        created.push((
            org["createdAt"].as_i64().unwrap(),
            org["id"].as_str().unwrap().to_string(),
        ));
    }
    // Listed by creation time, then id (several may share a millisecond); Logto sets no order.
    created.sort();
    let created: Vec<String> = created.into_iter().map(|(_, id)| id).collect();
    let mut seen = Vec::new();
    for page in 1..=3 {
        let res = app
            .api(
                Method::GET,
                &format!("/organizations?page={page}&page_size=2&q=org"),
            )
            .await
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["total-number"], "5");
        let links: Vec<String> = res
            .headers()
            .get_all("link")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        assert!(
            links
                .iter()
                .any(|l| l.ends_with("rel=\"first\"") && l.contains("page=1"))
        );
        assert!(
            links
                .iter()
                .any(|l| l.ends_with("rel=\"last\"") && l.contains("page=3"))
        );
        assert!(
            links
                .iter()
                .all(|l| l.contains("q=org") && l.contains("page_size=2"))
        );
        assert_eq!(links.iter().any(|l| l.ends_with("rel=\"next\"")), page < 3);
        assert_eq!(links.iter().any(|l| l.ends_with("rel=\"prev\"")), page > 1);
        let (_, body) = read(res).await;
        for org in body.as_array().unwrap() {
            seen.push(org["id"].as_str().unwrap().to_string());
        }
    }
    // Creation order, nothing skipped or repeated.
    assert_eq!(seen, created);

    let (status, body) = app.api_get("/organizations?page=9&page_size=2").await;
    assert_eq!(status, 200);
    assert_eq!(body, json!([]));
    let res = app
        .api(Method::GET, "/organizations")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "5");

    for bad in [
        "page=0",
        "page=-1",
        "page=abc",
        "page_size=0",
        "page_size=101",
        "page_size=1.5",
    ] {
        let (status, err) = app.api_get(&format!("/organizations?{bad}")).await;
        assert_eq!(status, 400, "{bad}");
        assert_eq!(err["code"], "guard.invalid_pagination");
    }
}

both_backends!(search_by_name_and_id, search_by_name_and_id_impl);
async fn search_by_name_and_id_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let acme = app.create_org("Acme Rockets").await;
    app.create_org("Globex").await;
    app.create_org("100% Pure").await;
    let names = |body: &Value| -> Vec<String> {
        body.as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_string())
            .collect()
    };
    let (_, body) = app.api_get("/organizations?q=ROCK").await;
    assert_eq!(names(&body), ["Acme Rockets"]);
    let id = acme["id"].as_str().unwrap();
    let (_, body) = app
        .api_get(&format!("/organizations?q={}", &id[2..9]))
        .await;
    assert_eq!(names(&body), ["Acme Rockets"]);
    // `%` is literal, not a wildcard.
    let (_, body) = app.api_get("/organizations?q=%25").await;
    assert_eq!(names(&body), ["100% Pure"]);
    let (_, body) = app.api_get("/organizations?q=zzz").await;
    assert_eq!(body, json!([]));
}

both_backends!(
    featured_members_and_cascade,
    featured_members_and_cascade_impl
);
async fn featured_members_and_cascade_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("With members").await;
    let empty = app.create_org("Empty").await;
    let org_id = org["id"].as_str().unwrap();
    for i in 0..4 {
        let user = UserRow {
            username: Some(format!("user{i}")),
            name: Some(format!("User {i}")),
            ..UserRow::new(DEFAULT_TENANT, format!("user{i}"), 1)
        };
        app.store.user_insert(&user).await.unwrap();
        app.store
            .relation_add(
                &ORGANIZATION_USERS,
                DEFAULT_TENANT,
                &[org_id],
                std::slice::from_ref(&user.id),
                1,
            )
            .await
            .unwrap();
    }
    for flag in ["true", "1", "Yes"] {
        let (status, body) = app
            .api_get(&format!("/organizations?showFeatured={flag}"))
            .await;
        assert_eq!(status, 200);
        let items = body.as_array().unwrap();
        assert_eq!(items[0]["usersCount"], 4);
        assert_eq!(items[0]["featuredUsers"].as_array().unwrap().len(), 3);
        assert_eq!(
            items[0]["featuredUsers"][0],
            json!({ "id": "user0", "avatar": null, "name": "User 0" })
        );
        assert_eq!(items[1]["id"], empty["id"]);
        assert_eq!(items[1]["usersCount"], 0);
        assert_eq!(items[1]["featuredUsers"], json!([]));
    }
    let (_, plain) = app.api_get("/organizations?showFeatured=no").await;
    assert!(plain[0].get("usersCount").is_none());

    let res = app
        .api(Method::DELETE, &format!("/organizations/{org_id}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let (counts, featured) = app
        .store
        .organization_featured(DEFAULT_TENANT, &[org_id.to_string()])
        .await
        .unwrap();
    assert!(
        counts.is_empty() && featured.is_empty(),
        "memberships cascade with the organization"
    );
}
