//! Management API authentication: only our own, valid, `all`-scoped tokens get in.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::{Value, json};
use server::oidc::access_token::AccessTokenClaims;

use crate::both_backends;
use crate::helpers::{Backend, MANAGEMENT_API, read, spawn_app};

fn claims(iss: &str, aud: &str, scope: &str, exp_offset: i64) -> AccessTokenClaims {
    let now = server::clock::Clock::system().now_ms() / 1000;
    AccessTokenClaims {
        jti: "test".into(),
        sub: "someone".into(),
        iat: now,
        exp: now + exp_offset,
        scope: scope.into(),
        client_id: "someone".into(),
        iss: iss.into(),
        aud: aud.into(),
        organization_id: None,
    }
}

async fn status_with(app: &crate::helpers::TestApp, auth: Option<String>) -> (u16, Value) {
    let mut req = app.client.get(app.url("/api/organizations"));
    if let Some(auth) = auth {
        req = req.header("authorization", auth);
    }
    read(req.send().await.unwrap()).await
}

both_backends!(rejects_bad_tokens, rejects_bad_tokens_impl);
async fn rejects_bad_tokens_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let iss = app.state.issuer.to_string();
    let keys = &app.state.keys;

    let good = keys
        .sign(&claims(&iss, MANAGEMENT_API, "all", 600))
        .unwrap();
    assert_eq!(
        status_with(&app, Some(format!("Bearer {good}"))).await.0,
        200
    );
    assert_eq!(
        status_with(&app, Some(format!("bearer {good}"))).await.0,
        200
    );

    let mut unauthorized = vec![
        None,
        Some("Bearer".to_string()),
        Some("Bearer not-a-jwt".to_string()),
        Some(format!("Basic {good}")),
        Some(format!(
            "Bearer {}",
            keys.sign(&claims(&iss, "https://other.example/api", "all", 600))
                .unwrap()
        )),
        Some(format!(
            "Bearer {}",
            keys.sign(&claims(
                "https://evil.example/oidc",
                MANAGEMENT_API,
                "all",
                600
            ))
            .unwrap()
        )),
        Some(format!(
            "Bearer {}",
            keys.sign(&claims(&iss, MANAGEMENT_API, "all", -600))
                .unwrap()
        )),
    ];
    // A tampered payload with the original signature.
    let parts: Vec<&str> = good.split('.').collect();
    let forged_payload = URL_SAFE_NO_PAD
        .encode(serde_json::to_vec(&claims(&iss, MANAGEMENT_API, "all", 99_999)).unwrap());
    unauthorized.push(Some(format!(
        "Bearer {}.{}.{}",
        parts[0], forged_payload, parts[2]
    )));
    // `alg: none`.
    let kid = jsonwebtoken::decode_header(&good).unwrap().kid.unwrap();
    let none_header =
        URL_SAFE_NO_PAD.encode(json!({ "alg": "none", "typ": "at+jwt", "kid": kid }).to_string());
    unauthorized.push(Some(format!("Bearer {none_header}.{}.", parts[1])));
    // HS256 keyed with the public JWK (algorithm confusion).
    let jwks = keys.jwks();
    let public = jwks["keys"][0].to_string();
    let mut hs_header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    hs_header.kid = Some(kid.clone());
    let hs = jsonwebtoken::encode(
        &hs_header,
        &claims(&iss, MANAGEMENT_API, "all", 600),
        &jsonwebtoken::EncodingKey::from_secret(public.as_bytes()),
    )
    .unwrap();
    unauthorized.push(Some(format!("Bearer {hs}")));
    // Signed by a key Tessera never published.
    let other = other_key_token(&kid, &claims(&iss, MANAGEMENT_API, "all", 600));
    unauthorized.push(Some(format!("Bearer {other}")));

    for auth in unauthorized {
        let (status, body) = status_with(&app, auth.clone()).await;
        assert_eq!(status, 401, "{auth:?}");
        assert_eq!(body["code"], "auth.unauthorized");
    }

    let no_all = keys
        .sign(&claims(&iss, MANAGEMENT_API, "read write", 600))
        .unwrap();
    let (status, body) = status_with(&app, Some(format!("Bearer {no_all}"))).await;
    assert_eq!(status, 403);
    assert_eq!(body["code"], "auth.forbidden");
}

/// An ES256 token from a freshly generated key, claiming an existing `kid`.
fn other_key_token(kid: &str, claims: &AccessTokenClaims) -> String {
    use aws_lc_rs::rand::SystemRandom;
    use aws_lc_rs::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};
    let rng = SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
    let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
    header.kid = Some(kid.into());
    jsonwebtoken::encode(
        &header,
        claims,
        &jsonwebtoken::EncodingKey::from_ec_der(pkcs8.as_ref()),
    )
    .unwrap()
}

both_backends!(
    apps_without_the_role_get_no_all_scope,
    apps_without_the_role_impl
);
async fn apps_without_the_role_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, created) = app
        .api_json(
            Method::POST,
            "/applications",
            &json!({ "name": "Plain M2M", "type": "MachineToMachine" }),
        )
        .await;
    assert_eq!(status, 200);
    let id = created["id"].as_str().unwrap();
    let secret = created["secret"].as_str().unwrap();
    let res = app
        .post_token(
            Some((id, secret)),
            &[
                ("grant_type", "client_credentials"),
                ("resource", MANAGEMENT_API),
                ("scope", "all"),
            ],
        )
        .await;
    let (status, token) = read(res).await;
    assert_eq!(status, 200, "{token}");
    assert_eq!(token["scope"], "");
    let access = token["access_token"].as_str().unwrap();
    let (status, body) = status_with(&app, Some(format!("Bearer {access}"))).await;
    assert_eq!(status, 403);
    assert_eq!(body["code"], "auth.forbidden");
}

both_backends!(status_needs_no_token, status_needs_no_token_impl);
/// Logto's health check answers without a token, so load balancers can probe it.
async fn status_needs_no_token_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let res = app.get("/api/status").await;
    assert_eq!(res.status(), 204);
    let res = app
        .client
        .post(app.url("/api/status"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
}
