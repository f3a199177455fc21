//! Discovery, JWKS, the client_credentials grant and key rotation.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    BOOTSTRAP_ID, BOOTSTRAP_SECRET, Backend, MANAGEMENT_API, read, spawn_app, spawn_app_with,
};

async fn verify_with_jwks(app: &crate::helpers::TestApp, token: &str) -> Value {
    crate::helpers::verify_jwt(app, token, MANAGEMENT_API).await
}

both_backends!(issues_verifiable_tokens, issues_verifiable_tokens_impl);
async fn issues_verifiable_tokens_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, discovery) = read(app.get("/oidc/.well-known/openid-configuration").await).await;
    assert_eq!(status, 200);
    assert_eq!(discovery["issuer"], format!("{}/oidc", app.address));
    assert_eq!(
        discovery["token_endpoint"],
        format!("{}/oidc/token", app.address)
    );
    assert_eq!(discovery["jwks_uri"], format!("{}/oidc/jwks", app.address));

    // client_secret_basic
    let res = app.bootstrap_token("all unknown all").await;
    assert_eq!(res.headers()["cache-control"], "no-store");
    let (status, body) = read(res).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(body["scope"], "all");
    let claims = verify_with_jwks(&app, body["access_token"].as_str().unwrap()).await;
    assert_eq!(claims["sub"], BOOTSTRAP_ID);
    assert_eq!(claims["client_id"], BOOTSTRAP_ID);
    assert_eq!(claims["scope"], "all");
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        3600
    );
    assert!(claims["jti"].as_str().unwrap().len() >= 21);

    // client_secret_post, no scope requested → none granted.
    let res = app
        .post_token(
            None,
            &[
                ("grant_type", "client_credentials"),
                ("resource", MANAGEMENT_API),
                ("client_id", BOOTSTRAP_ID),
                ("client_secret", BOOTSTRAP_SECRET),
            ],
        )
        .await;
    let (status, body) = read(res).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "");
}

/// Basic credentials, form, expected status, expected `error`.
type ErrorCase<'a> = (
    Option<(&'a str, &'a str)>,
    Vec<(&'a str, &'a str)>,
    u16,
    &'a str,
);

both_backends!(token_endpoint_errors, token_endpoint_errors_impl);
async fn token_endpoint_errors_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let cc = ("grant_type", "client_credentials");
    let res_param = ("resource", MANAGEMENT_API);
    let good = Some((BOOTSTRAP_ID, BOOTSTRAP_SECRET));

    let res = app
        .post_token(Some((BOOTSTRAP_ID, "wrong")), &[cc, res_param])
        .await;
    assert_eq!(res.status(), 401);
    assert!(res.headers().contains_key("www-authenticate"));
    let (_, body) = read(res).await;
    assert_eq!(body["error"], "invalid_client");
    assert_eq!(body["code"], "oidc.invalid_client");

    let cases: Vec<ErrorCase> = vec![
        (
            Some(("nobody", "secret")),
            vec![cc, res_param],
            401,
            "invalid_client",
        ),
        (None, vec![cc, res_param], 401, "invalid_client"),
        (
            None,
            vec![
                cc,
                res_param,
                ("client_id", BOOTSTRAP_ID),
                ("client_secret", "nope"),
            ],
            401,
            "invalid_client",
        ),
        (good, vec![res_param], 400, "invalid_request"),
        (
            good,
            vec![("grant_type", "password"), res_param],
            400,
            "unsupported_grant_type",
        ),
        (good, vec![cc], 400, "invalid_target"),
        (
            good,
            vec![cc, ("resource", "https://unknown.example/api")],
            400,
            "invalid_target",
        ),
        (
            good,
            vec![cc, res_param, ("resource", "https://second.example")],
            400,
            "invalid_target",
        ),
        (
            good,
            vec![cc, res_param, ("client_secret", BOOTSTRAP_SECRET)],
            400,
            "invalid_request",
        ),
        (
            good,
            vec![cc, res_param, ("scope", "a"), ("scope", "b")],
            400,
            "invalid_request",
        ),
        (
            good,
            vec![cc, ("organization_id", "someorg")],
            403,
            "access_denied",
        ),
    ];
    for (auth, form, status, error) in cases {
        let (got, body) = read(app.post_token(auth, &form).await).await;
        assert_eq!(got, status, "{form:?}: {body}");
        assert_eq!(body["error"], error, "{form:?}");
        assert!(body["error_description"].is_string());
    }

    // A confidential app of another type may not use client_credentials.
    let (_, web) = app
        .api_json(
            Method::POST,
            "/applications",
            &json!({ "name": "Web", "type": "Traditional" }),
        )
        .await;
    let (status, body) = read(
        app.post_token(
            Some((web["id"].as_str().unwrap(), web["secret"].as_str().unwrap())),
            &[cc, res_param],
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], "unauthorized_client");
}

both_backends!(key_rotation_keeps_old_tokens_valid, key_rotation_impl);
async fn key_rotation_impl(backend: Backend) {
    // A new key signs at once here; the activation delay has its own test (key_rollover.rs).
    let Some(app) = spawn_app_with(backend, |s| s.oidc.signing_key_activation_delay_ms = 0).await
    else {
        return;
    };
    let old_token = app.management_token().await;
    let old_kid = jsonwebtoken::decode_header(&old_token)
        .unwrap()
        .kid
        .unwrap();
    let res = app
        .api(Method::POST, "/configs/oidc/private-keys/rotate")
        .await
        .send()
        .await
        .unwrap();
    let (status, keys) = read(res).await;
    assert_eq!(status, 200, "{keys}");
    assert_eq!(keys.as_array().unwrap().len(), 2);
    assert_eq!(keys[1]["id"], old_kid.as_str());
    assert!(keys[0].get("privateKey").is_none());

    let (_, jwks) = read(app.get("/oidc/jwks").await).await;
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 2);
    // The old token still works; new ones carry the new kid.
    let (status, _) = app.api_get("/organizations").await;
    assert_eq!(status, 200);
    let res = app.bootstrap_token("all").await;
    let (_, body) = read(res).await;
    let token = body["access_token"].as_str().unwrap();
    let kid = jsonwebtoken::decode_header(token).unwrap().kid.unwrap();
    assert_eq!(kid, keys[0]["id"].as_str().unwrap());
    verify_with_jwks(&app, token).await;
}
