//! `/api/one-time-tokens` against a real server, as Logto's `one-time-tokens.test.ts` uses it,
//! with the decided deviation: the token is in the creating answer only (and a verify's).

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_pinned};

async fn create(app: &TestApp, body: Value) -> Value {
    let (s, t) = app.api_json(Method::POST, "/one-time-tokens", &body).await;
    assert_eq!(s, 201, "{t}");
    t
}

async fn verify(app: &TestApp, token: &str, email: &str) -> (u16, Value) {
    app.api_json(
        Method::POST,
        "/one-time-tokens/verify",
        &json!({ "token": token, "email": email }),
    )
    .await
}

fn code(body: &Value) -> &str {
    body["code"].as_str().unwrap_or_default()
}

both_backends!(one_time_tokens_follow_logto, tokens_impl);
async fn tokens_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let now = app.state.clock.now_ms();
    let t = create(&app, json!({ "email": "foo@example.com" })).await;
    assert_eq!(t["status"], "active");
    assert_eq!(t["context"], json!({}));
    assert_eq!(t["email"], "foo@example.com");
    assert_eq!(t["expiresAt"], now + 600_000);
    let token = t["token"].as_str().unwrap().to_string();
    assert!(token.len() == 32 && token.bytes().all(|b| b.is_ascii_alphanumeric()));
    let id = t["id"].as_str().unwrap().to_string();

    // Reads never show the token.
    let (s, got) = app.api_get(&format!("/one-time-tokens/{id}")).await;
    assert_eq!(s, 200);
    assert!(got.get("token").is_none(), "{got}");
    let mut without = t.clone();
    without.as_object_mut().unwrap().remove("token");
    assert_eq!(got, without);
    let (s, body) = app.api_get("/one-time-tokens/nope").await;
    assert_eq!((s, code(&body)), (404, "entity.not_exists_with_id"));

    let custom = create(
        &app,
        json!({ "email": "foo@example.com", "expiresIn": 30,
                "context": { "jitOrganizationIds": ["org-1"], "interactionEvent": "ForgotPassword" } }),
    )
    .await;
    assert_eq!(custom["expiresAt"], now + 30_000);
    assert_eq!(
        custom["context"],
        json!({ "jitOrganizationIds": ["org-1"], "interactionEvent": "ForgotPassword" })
    );
    for bad in [
        json!({}),
        json!({ "email": "" }),
        json!({ "email": "a@b.c", "expiresIn": 0 }),
        json!({ "email": "a@b.c", "context": { "interactionEvent": "Dance" } }),
    ] {
        let (s, res) = app.api_json(Method::POST, "/one-time-tokens", &bad).await;
        assert_eq!(
            (s, code(&res)),
            (400, "guard.invalid_input"),
            "{bad}: {res}"
        );
    }

    // Verify: wrong email, wrong token, then consumed once.
    let (s, body) = verify(&app, &token, "bar@example.com").await;
    assert_eq!((s, code(&body)), (400, "one_time_token.email_mismatch"));
    let (s, body) = verify(&app, "x".repeat(32).as_str(), "foo@example.com").await;
    assert_eq!((s, code(&body)), (404, "one_time_token.token_not_found"));
    let (s, used) = verify(&app, &token, "foo@example.com").await;
    assert_eq!(s, 200, "{used}");
    let mut consumed = t.clone();
    consumed["status"] = json!("consumed");
    assert_eq!(used, consumed);
    let (s, body) = verify(&app, &token, "foo@example.com").await;
    assert_eq!((s, code(&body)), (400, "one_time_token.token_consumed"));

    // Revoke; reactivation refused; a revoked token does not verify.
    let r = create(&app, json!({ "email": "foo@example.com" })).await;
    let rid = r["id"].as_str().unwrap();
    let (s, body) = app
        .api_json(
            Method::PUT,
            &format!("/one-time-tokens/{rid}/status"),
            &json!({ "status": "revoked" }),
        )
        .await;
    assert_eq!(
        (s, body["status"].as_str()),
        (200, Some("revoked")),
        "{body}"
    );
    let (s, body) = app
        .api_json(
            Method::PUT,
            &format!("/one-time-tokens/{rid}/status"),
            &json!({ "status": "active" }),
        )
        .await;
    assert_eq!(
        (s, code(&body)),
        (400, "one_time_token.cannot_reactivate_token")
    );
    let (s, body) = verify(&app, r["token"].as_str().unwrap(), "foo@example.com").await;
    assert_eq!((s, code(&body)), (400, "one_time_token.token_revoked"));

    // Expiry: read as expired, persisted by a verify, and by the next token of the address.
    let (_, c) = app
        .api_get(&format!(
            "/one-time-tokens/{}",
            custom["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(c["status"], "active");
    app.state.clock.advance(31_000);
    let (_, c) = app
        .api_get(&format!(
            "/one-time-tokens/{}",
            custom["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(c["status"], "expired");
    let (s, body) = verify(&app, custom["token"].as_str().unwrap(), "foo@example.com").await;
    assert_eq!((s, code(&body)), (400, "one_time_token.token_expired"));
    let (_, expired) = app.api_get("/one-time-tokens?status=expired").await;
    assert_eq!(expired.as_array().unwrap().len(), 1, "{expired}");

    // Lists: newest first, filters, optional pagination.
    let bar = create(&app, json!({ "email": "bar@example.com" })).await;
    let (_, all) = app.api_get("/one-time-tokens").await;
    assert_eq!(all.as_array().unwrap().len(), 4);
    assert_eq!(all[0]["id"], bar["id"]);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|t| t.get("token").is_none())
    );
    let (_, of_foo) = app.api_get("/one-time-tokens?email=foo@example.com").await;
    assert_eq!(of_foo.as_array().unwrap().len(), 3);
    let (_, active_bar) = app
        .api_get("/one-time-tokens?email=bar@example.com&status=active")
        .await;
    assert_eq!(active_bar.as_array().unwrap().len(), 1);
    let res = app
        .api(Method::GET, "/one-time-tokens?page=1&page_size=2")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "4");
    let page: Value = res.json().await.unwrap();
    assert_eq!(page.as_array().unwrap().len(), 2);
    let (s, body) = app.api_get("/one-time-tokens?email=foo").await;
    assert_eq!((s, code(&body)), (400, "guard.invalid_input"));

    // Delete.
    let (s, _) = app
        .api_json(
            Method::DELETE,
            &format!("/one-time-tokens/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 204);
    let (s, _) = app
        .api_json(
            Method::DELETE,
            &format!("/one-time-tokens/{id}"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 404);
}
