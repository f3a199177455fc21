//! Security tests of input limits: identifiers too long for PostgreSQL's indexes, more ids than
//! one statement binds, and access-token lifetimes that would overflow the expiry. Each must
//! be a client error (or a sound token), never a server error or a panic.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, BOOTSTRAP_SECRET, Backend, read, spawn_app};
use crate::security_fixtures::{call, id_of, sign_in, sweep};

// API identifiers are bounded at 4096 characters, but PostgreSQL's unique index on them holds
// at most ~2.7 kB per entry: a long identifier that does not compress must be refused (console
// and Management API alike), not fail in the index with a 500.
both_backends!(long_resource_indicator, long_indicator_impl);
async fn long_indicator_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    // Random text does not compress, so the index entry stays as long as the text.
    let noise = server::domain::ids::generate(4000);
    let indicator = format!("https://api.example.com/{noise}");
    let (status, body) = call(
        &app,
        "create_resource",
        &[("name", "Long"), ("indicator", &indicator)],
    )
    .await;
    let console = (status, body);
    let (status, body) = app
        .api_json(
            Method::POST,
            "/resources",
            &json!({ "name": "Long2", "indicator": format!("{indicator}2") }),
        )
        .await;
    assert!(
        console.0 < 500 && status < 500,
        "console: {console:?}; Management API: {status} {body}"
    );
}

// Oversized ids written into relation rows: PostgreSQL cannot index them, so the console
// and the Management API's id lists must refuse them rather than answer 500.
both_backends!(oversized_relation_ids, oversized_ids_impl);
async fn oversized_ids_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let role = id_of(&app, "/organization-roles", json!({ "name": "editor" })).await;
    let big = server::domain::ids::generate(20_000);
    let mut failures = sweep(&app, &[(&big, &big), (&org, &big), (&big, &org)]).await;
    for (endpoint, form) in [
        (
            "add_organization_members",
            vec![
                ("id", org.as_str()),
                ("member_kind", "users"),
                ("member_ids[0]", big.as_str()),
            ],
        ),
        (
            "add_organization_members",
            vec![
                ("id", big.as_str()),
                ("member_kind", "users"),
                ("member_ids[0]", "u"),
            ],
        ),
        (
            "assign_organization_role_permissions",
            vec![("id", role.as_str()), ("scope_ids[0]", big.as_str())],
        ),
        (
            "assign_organization_role_permissions",
            vec![
                ("id", role.as_str()),
                ("resource_scope_ids[0]", big.as_str()),
            ],
        ),
        (
            "set_jit_relation",
            vec![
                ("id", org.as_str()),
                ("relation", "sso-connectors"),
                ("ids[0]", big.as_str()),
            ],
        ),
    ] {
        let (status, body) = call(&app, endpoint, &form).await;
        if status >= 500 {
            failures.push(format!(
                "console {endpoint} {}: {status} {body}",
                form[0].1.len()
            ));
        }
    }
    for (path, body) in [
        (
            format!("/organizations/{org}/users"),
            json!({ "userIds": [big] }),
        ),
        (
            format!("/organization-roles/{role}/scopes"),
            json!({ "organizationScopeIds": [big] }),
        ),
    ] {
        let (status, answer) = app.api_json(Method::POST, &path, &body).await;
        if status >= 500 {
            failures.push(format!("api {path}: {status} {answer}"));
        }
    }
    // The 500 leaves nothing half-written: a good member given beside the long id is not added.
    let ada = id_of(&app, "/users", json!({ "username": "ada" })).await;
    let (status, _) = call(
        &app,
        "add_organization_members",
        &[
            ("id", org.as_str()),
            ("member_kind", "users"),
            ("member_ids[0]", ada.as_str()),
            ("member_ids[1]", big.as_str()),
        ],
    )
    .await;
    let (_, users) = app.api_get(&format!("/organizations/{org}/users")).await;
    assert_eq!(users, json!([]), "after {status}: {users}");
    assert!(failures.is_empty(), "{failures:#?}");
}

// More ids than PostgreSQL binds in one statement (65,535), through the Management API's
// organization role resource scopes (the Management API permission check binds them all).
both_backends!(many_resource_scope_ids, many_ids_impl);
async fn many_ids_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let role = id_of(&app, "/organization-roles", json!({ "name": "editor" })).await;
    let ids: Vec<String> = (0..70_000u32).map(|i| format!("{i:x}")).collect();
    let (status, body) = app
        .api_json(
            Method::POST,
            &format!("/organization-roles/{role}/resource-scopes"),
            &json!({ "scopeIds": ids }),
        )
        .await;
    assert!(status < 500, "{status} {body}");
    let (status, body) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({ "name": "r2", "resourceScopeIds": ids }),
        )
        .await;
    assert!(status < 500, "{status} {body}");
}

// A resource's access-token lifetime of i64::MAX must be refused, or else issue a token whose
// `exp` follows its `iat`: adding it to `iat` unchecked panics in debug builds and wraps to a
// negative `exp` in release builds.
both_backends!(huge_access_token_ttl, ttl_overflow_impl);
async fn ttl_overflow_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, body) = app
        .api_json(
            Method::POST,
            "/resources",
            &json!({ "name": "Forever", "indicator": "https://forever.example", "accessTokenTtl": i64::MAX }),
        )
        .await;
    // Either refused (4xx or 5xx) or stored (2xx), never anything in between.
    assert!(!(300..400).contains(&status), "{status} {body}");
    if status >= 400 {
        return; // refused: the lifetime is bounded
    }
    let res = app
        .client
        .post(app.url("/oidc/token"))
        .header(
            "authorization",
            crate::helpers::basic(BOOTSTRAP_ID, BOOTSTRAP_SECRET),
        )
        .form(&[
            ("grant_type", "client_credentials"),
            ("resource", "https://forever.example"),
        ])
        .send()
        .await;
    let res = res.expect("the server answers (no panic)");
    let (status, body) = read(res).await;
    assert!(status < 500, "{status} {body}");
    if status == 200 {
        let token = body["access_token"].as_str().unwrap();
        let payload = token.split('.').nth(1).unwrap();
        use base64::Engine;
        let claims: Value = serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(payload)
                .unwrap(),
        )
        .unwrap();
        let (iat, exp) = (
            claims["iat"].as_i64().unwrap(),
            claims["exp"].as_i64().unwrap(),
        );
        assert!(exp > iat, "exp {exp} before iat {iat}");
    }
}
