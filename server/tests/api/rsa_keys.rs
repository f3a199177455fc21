//! Signing keys through Logto's key routes: RSA keys (`signingKeyAlgorithm: "RSA"`), rotations
//! staged with a grace period, and deleting retired keys. Tokens verify with a JWKS-reading
//! resource server throughout.

use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, MANAGEMENT_API, TestApp, read, spawn_app_with};

async fn rotate(app: &TestApp, body: Value) -> Value {
    let (status, keys) = app
        .api_json(Method::POST, "/configs/oidc/private-keys/rotate", &body)
        .await;
    assert_eq!(status, 200, "{keys}");
    keys
}

async fn fresh_token(app: &TestApp) -> String {
    let (status, body) = read(app.bootstrap_token("all").await).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_string()
}

/// Verifies `token` with the key its `kid` names in `/oidc/jwks`, the algorithm pinned to the
/// one the key publishes, as `jose` or the `jsonwebtoken` crate would.
async fn verify_with_jwks(app: &TestApp, token: &str) -> Algorithm {
    let header = jsonwebtoken::decode_header(token).unwrap();
    let (_, jwks) = read(app.get("/oidc/jwks").await).await;
    let set: JwkSet = serde_json::from_value(jwks).unwrap();
    let jwk = set.find(header.kid.as_deref().unwrap()).unwrap();
    let key = DecodingKey::from_jwk(jwk).unwrap();
    let alg = pinned_alg(jwk);
    let mut validation = Validation::new(alg);
    validation.set_audience(&[MANAGEMENT_API]);
    validation.set_issuer(&[app.state.issuer.as_ref()]);
    jsonwebtoken::decode::<Value>(token, &key, &validation).unwrap();
    assert_eq!(header.alg, alg);
    alg
}

/// The algorithm a JWK publishes.
fn pinned_alg(jwk: &jsonwebtoken::jwk::Jwk) -> Algorithm {
    use jsonwebtoken::jwk::KeyAlgorithm;
    match jwk.common.key_algorithm {
        Some(KeyAlgorithm::RS256) => Algorithm::RS256,
        Some(KeyAlgorithm::ES256) => Algorithm::ES256,
        other => panic!("unexpected key algorithm {other:?}"),
    }
}

both_backends!(rsa_keys_sign_verifiable_tokens, rsa_keys_impl);
async fn rsa_keys_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.oidc.signing_key_activation_delay_ms = 0).await
    else {
        return;
    };
    let before = fresh_token(&app).await;
    assert_eq!(verify_with_jwks(&app, &before).await, Algorithm::ES256);

    let keys = rotate(&app, json!({ "signingKeyAlgorithm": "RSA" })).await;
    assert_eq!(keys[0]["signingKeyAlgorithm"], "RSA");
    assert_eq!(keys[0]["status"], "Current");
    assert_eq!(keys[1]["signingKeyAlgorithm"], "EC");
    assert_eq!(keys[1]["status"], "Previous");
    let token = fresh_token(&app).await;
    assert_eq!(verify_with_jwks(&app, &token).await, Algorithm::RS256);
    // The Management API accepts it, and the earlier EC token still verifies.
    let res = app
        .client
        .get(app.url("/api/organizations"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(verify_with_jwks(&app, &before).await, Algorithm::ES256);
    let (_, discovery) = read(app.get("/oidc/.well-known/openid-configuration").await).await;
    assert_eq!(
        discovery["id_token_signing_alg_values_supported"],
        json!(["RS256", "ES256"])
    );

    // Back to EC; a bad body is Logto's 400.
    let keys = rotate(&app, json!({ "signingKeyAlgorithm": "EC" })).await;
    assert_eq!(keys[0]["signingKeyAlgorithm"], "EC");
    let token = fresh_token(&app).await;
    assert_eq!(verify_with_jwks(&app, &token).await, Algorithm::ES256);
    for body in [
        json!({ "signingKeyAlgorithm": "DSA" }),
        json!({ "rotationGracePeriod": -1 }),
    ] {
        let code = app
            .error_code(Method::POST, "/configs/oidc/private-keys/rotate", body, 400)
            .await;
        assert_eq!(code, "guard.invalid_input");
    }
}

both_backends!(a_grace_period_stages_the_new_key, grace_period_impl);
async fn grace_period_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.oidc.signing_key_activation_delay_ms = 0).await
    else {
        return;
    };
    let old = jsonwebtoken::decode_header(&fresh_token(&app).await)
        .unwrap()
        .kid
        .unwrap();
    let now = server::clock::Clock::system().now_ms();
    let keys = rotate(&app, json!({ "rotationGracePeriod": 3600 })).await;
    assert_eq!(keys[0]["status"], "Next");
    let effective = keys[0]["effectiveAt"].as_i64().unwrap();
    assert!(
        (now + 3_600_000..now + 3_700_000).contains(&effective),
        "{keys}"
    );
    assert_eq!(
        (keys[1]["id"].as_str(), keys[1]["status"].as_str()),
        (Some(old.as_str()), Some("Current"))
    );
    assert!(keys[1].get("effectiveAt").is_none());
    // Published, not yet signing.
    let (_, jwks) = read(app.get("/oidc/jwks").await).await;
    assert_eq!(jwks["keys"][0]["kid"], old.as_str());
    assert_eq!(jwks["keys"][1]["kid"], keys[0]["id"]);
    let kid = jsonwebtoken::decode_header(&fresh_token(&app).await)
        .unwrap()
        .kid
        .unwrap();
    assert_eq!(kid, old);
    let (status, listed) = app.api_get("/configs/oidc/private-keys").await;
    assert_eq!((status, &listed[0]["status"]), (200, &json!("Next")));
}

both_backends!(only_previous_keys_can_be_deleted, delete_keys_impl);
/// Logto's `DELETE /api/configs/oidc/private-keys/:keyId`: retired keys only, never the last.
async fn delete_keys_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.oidc.signing_key_activation_delay_ms = 0).await
    else {
        return;
    };
    let path = |id: &str| format!("/configs/oidc/private-keys/{id}");
    let (_, keys) = app.api_get("/configs/oidc/private-keys").await;
    let first = keys[0]["id"].as_str().unwrap().to_string();
    let code = app
        .error_code(Method::DELETE, &path(&first), json!({}), 422)
        .await;
    assert_eq!(code, "oidc.key_required");

    let keys = rotate(&app, json!({})).await;
    let current = keys[0]["id"].as_str().unwrap().to_string();
    let code = app
        .error_code(Method::DELETE, &path(&current), json!({}), 422)
        .await;
    assert_eq!(code, "oidc.only_previous_key_can_be_deleted");
    let code = app
        .error_code(Method::DELETE, &path("nope"), json!({}), 404)
        .await;
    assert_eq!(code, "oidc.key_not_found");

    assert_eq!(app.delete(&path(&first)).await.0, 204);
    let (_, jwks) = read(app.get("/oidc/jwks").await).await;
    let kids: Vec<&str> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(kids, [current.as_str()]);
    let token = fresh_token(&app).await;
    assert_eq!(verify_with_jwks(&app, &token).await, Algorithm::ES256);
}
