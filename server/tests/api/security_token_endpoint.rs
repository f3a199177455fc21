//! Security tests of client authentication at the token endpoint: public clients, wrong or
//! borrowed secrets (also once the grant is cached) and look-alike client ids.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, BOOTSTRAP_SECRET, Backend, read, spawn_app};
use crate::security_fixtures::id_of;

// The OIDC client model: public clients, wrong secrets (cached path too), other clients.
both_backends!(token_endpoint_client_auth, client_auth_impl);
async fn client_auth_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let spa = id_of(
        &app,
        "/applications",
        json!({ "name": "Web", "type": "SPA", "oidcClientMetadata": { "redirectUris": ["https://app.example.com/cb"] } }),
    )
    .await;
    let created = app
        .create(
            "/applications",
            json!({ "name": "Robot", "type": "MachineToMachine" }),
        )
        .await;
    let robot = created["id"].as_str().unwrap().to_string();
    let secret = created["secret"].as_str().unwrap().to_string();
    let trad = app
        .create(
            "/applications",
            json!({ "name": "Site", "type": "Traditional" }),
        )
        .await;
    let trad_id = trad["id"].as_str().unwrap().to_string();
    let trad_secret = trad["secret"].as_str().unwrap().to_string();

    // A public client cannot use client_credentials, with or without a made-up secret.
    for form in [
        vec![
            ("grant_type", "client_credentials"),
            ("client_id", spa.as_str()),
            ("resource", crate::helpers::MANAGEMENT_API),
        ],
        vec![
            ("grant_type", "client_credentials"),
            ("client_id", spa.as_str()),
            ("client_secret", ""),
            ("resource", crate::helpers::MANAGEMENT_API),
        ],
        vec![
            ("grant_type", "client_credentials"),
            ("client_id", spa.as_str()),
            ("client_secret", "x"),
            ("resource", crate::helpers::MANAGEMENT_API),
        ],
    ] {
        let (status, body) = read(app.post_token(None, &form).await).await;
        assert_eq!(status, 401, "{body}");
    }
    // A confidential non-M2M client is refused the grant.
    let (status, body) = read(
        app.post_token(
            Some((&trad_id, &trad_secret)),
            &[
                ("grant_type", "client_credentials"),
                ("resource", crate::helpers::MANAGEMENT_API),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"], "unauthorized_client");

    // Organization tokens: cache the grant, then try wrong secrets and another client's.
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        app.status_of(
            Method::POST,
            &format!("/organizations/{org}/applications"),
            json!({ "applicationIds": [robot] })
        )
        .await,
        201
    );
    let form = [
        ("grant_type", "client_credentials"),
        ("organization_id", org.as_str()),
    ];
    for _ in 0..3 {
        let (status, body) = read(app.post_token(Some((&robot, &secret)), &form).await).await;
        assert_eq!(status, 200, "{body}");
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let (status, _) = read(app.post_token(Some((&robot, &secret)), &form).await).await;
    assert_eq!(status, 200);
    for (id, sec) in [
        (robot.as_str(), "wrong"),
        (robot.as_str(), ""),
        (robot.as_str(), BOOTSTRAP_SECRET),
        (robot.as_str(), &secret[..31]),
        (BOOTSTRAP_ID, secret.as_str()),
    ] {
        let (status, body) = read(app.post_token(Some((id, sec)), &form).await).await;
        assert_eq!(status, 401, "{id}:{sec}: {body}");
    }
    let post = [
        ("grant_type", "client_credentials"),
        ("organization_id", org.as_str()),
        ("client_id", robot.as_str()),
    ];
    let (status, body) = read(app.post_token(None, &post).await).await;
    assert_eq!(status, 401, "no secret: {body}");
    // Basic for one client, form id for another.
    let mixed = [
        ("grant_type", "client_credentials"),
        ("organization_id", org.as_str()),
        ("client_id", BOOTSTRAP_ID),
    ];
    let (status, body) = read(app.post_token(Some((&robot, &secret)), &mixed).await).await;
    assert_eq!(status, 400, "{body}");
    // Case or padding variants of the id are other clients.
    let upper = robot.to_uppercase();
    let (status, _) = read(app.post_token(Some((&upper, &secret)), &form).await).await;
    if upper != robot {
        assert_eq!(status, 401);
    }
    let padded = format!("{robot} ");
    let (status, _) = read(app.post_token(Some((&padded, &secret)), &form).await).await;
    assert_eq!(status, 401);
}
