//! Key rotation across replicas: a key rotated through one replica is published by every
//! replica, unasked, before any of them signs with it.

use std::time::{Duration, Instant};

use reqwest::Method;
use server::config::Settings;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, read, spawn_app_pinned_with};

const POLL_MS: u64 = 100;
const DELAY_MS: u64 = 3_000;

fn replica_settings(s: &mut Settings) {
    // Behind one load balancer: one public URL, so one issuer.
    s.server.public_url = Some("http://tessera.test".into());
    s.oidc.signing_keys_poll_ms = POLL_MS;
    s.oidc.signing_key_activation_delay_ms = DELAY_MS;
}

async fn token_from(app: &TestApp) -> String {
    let (status, body) = read(app.bootstrap_token("all").await).await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_string()
}

fn kid(token: &str) -> String {
    jsonwebtoken::decode_header(token).unwrap().kid.unwrap()
}

async fn published(app: &TestApp) -> Vec<String> {
    let (status, jwks) = read(app.get("/oidc/jwks").await).await;
    assert_eq!(status, 200);
    jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_string())
        .collect()
}

both_backends!(
    rotation_reaches_every_replica_before_it_signs,
    rotation_reaches_every_replica_before_it_signs_impl
);
async fn rotation_reaches_every_replica_before_it_signs_impl(backend: Backend) {
    let Some(a) = spawn_app_pinned_with(backend, replica_settings).await else {
        return;
    };
    let b = a.replica_with(replica_settings).await;
    let old = kid(&token_from(&a).await);
    assert_eq!(published(&b).await, vec![old.clone()]);

    // Some time passes before the rotation (keys are told apart by their creation time).
    a.state.clock.advance(1_000);
    let res = a
        .api(Method::POST, "/configs/oidc/private-keys/rotate")
        .await
        .send()
        .await
        .unwrap();
    let rotated_at = Instant::now();
    let (status, keys) = read(res).await;
    assert_eq!(status, 200, "{keys}");
    let new = keys[0]["id"].as_str().unwrap().to_string();
    assert_ne!(new, old);

    // B publishes the new key within a few poll intervals, while A still signs with the old.
    let seen = loop {
        let kids = published(&b).await;
        if kids.contains(&new) {
            break kids;
        }
        assert!(
            rotated_at.elapsed() < Duration::from_millis(DELAY_MS / 2),
            "replica B did not publish the new key in time: {kids:?}"
        );
        tokio::time::sleep(Duration::from_millis(POLL_MS / 2)).await;
    };
    assert_eq!(
        seen,
        vec![old.clone(), new.clone()],
        "the signing key first"
    );
    assert!(rotated_at.elapsed() < Duration::from_millis(DELAY_MS));
    assert_eq!(
        kid(&token_from(&a).await),
        old,
        "not signing before the delay"
    );
    assert_eq!(kid(&token_from(&b).await), old);

    // After the delay both sign with the new key, and each accepts the other's tokens at once
    // (no request with the new kid had reached B before). Both replicas read one pinned clock,
    // moved past the delay instead of waiting for it.
    a.state
        .clock
        .advance(i64::try_from(DELAY_MS + POLL_MS).unwrap());
    let from_a = token_from(&a).await;
    assert_eq!(kid(&from_a), new);
    let res = b
        .client
        .get(b.url("/api/organizations"))
        .bearer_auth(&from_a)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(kid(&token_from(&b).await), new);
    assert_eq!(published(&b).await, vec![new, old]);
}
