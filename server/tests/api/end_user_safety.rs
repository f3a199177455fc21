//! Safety rules of the end-user flows not covered elsewhere: expiry, tokens bound to their
//! client and audience, forged tokens, third-party consent, and the ID token claim config.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::json;
use server::domain::secrets;
use server::storage::{CodeRow, GrantRow};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, basic, read, spawn_app};
use crate::people::*;

/// Stores a grant with a code (and optionally a refresh token) whose lifetimes are in the past.
async fn expired_grant(app: &TestApp, client_id: &str, user_id: &str) -> (String, String) {
    let now = app.state.clock.now_ms();
    let grant = GrantRow {
        id: format!("grant{now}"),
        tenant_id: "default".into(),
        client_id: client_id.into(),
        user_id: user_id.into(),
        scopes: "openid offline_access".into(),
        resources: "[]".into(),
        nonce: None,
        auth_time: now - 120_000,
        created_at: now - 120_000,
        expires_at: now + 86_400_000,
    };
    let (code, refresh) = (secrets::generate(), secrets::generate());
    let row = CodeRow {
        code_digest: secrets::digest_hex(&code),
        redirect_uri: REDIRECT.into(),
        code_challenge: Some(CHALLENGE.into()),
        expires_at: now - 1,
    };
    app.store
        .grant_insert_with_code(&grant, &row)
        .await
        .unwrap();
    app.store
        .refresh_token_insert(
            "default",
            &grant.id,
            &secrets::digest_hex(&refresh),
            now - 120_000,
            now - 1,
        )
        .await
        .unwrap();
    (code, refresh)
}

both_backends!(refuses_expired_and_foreign_tokens, expired_and_foreign_impl);
async fn expired_and_foreign_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_a, _) = create_app(&app, "SPA", json!({})).await;
    let (client_b, _) = create_app(&app, "Native", json!({})).await;
    let user_id = create_user(&app, "gina").await;

    let (code, refresh_token) = expired_grant(&app, &client_a, &user_id).await;
    let (status, body) = exchange(&app, &client_a, &code, &[]).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error_description"], "authorization code is expired");
    let (status, body) = refresh(&app, &client_a, &refresh_token, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );

    // A code or refresh token issued to one client is worthless to another.
    let b = browser();
    let code = sign_in_for_code(&app, &b, &client_a, "gina", ORG_SCOPES, &[]).await;
    let (status, body) = exchange(&app, &client_b, &code, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let (status, tokens) = exchange(&app, &client_a, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let rt = tokens["refresh_token"].as_str().unwrap();
    let (status, body) = refresh(&app, &client_b, rt, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );

    // An organization token is not a Management API token (wrong audience).
    let org = app.create_org("Delta").await;
    let org_id = org["id"].as_str().unwrap();
    let (status, _) = app
        .api_json(
            Method::POST,
            &format!("/organizations/{org_id}/users"),
            &json!({ "userIds": [user_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let (status, org_token) = refresh(&app, &client_a, rt, &[("organization_id", org_id)]).await;
    assert_eq!(status, 200, "{org_token}");
    let res = app
        .client
        .get(app.url("/api/organizations"))
        .bearer_auth(org_token["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);

    // Forged ID tokens (alg none, or our header with a made-up signature) are not hints.
    let id_token = tokens["id_token"].as_str().unwrap();
    let parts: Vec<&str> = id_token.split('.').collect();
    let none = URL_SAFE_NO_PAD.encode(json!({ "alg": "none", "typ": "JWT" }).to_string());
    for forged in [
        format!("{none}.{}.", parts[1]),
        format!(
            "{}.{}.{}",
            parts[0],
            parts[1],
            URL_SAFE_NO_PAD.encode([0u8; 64])
        ),
    ] {
        let res = app
            .client
            .get(app.url("/oidc/session/end"))
            .query(&[
                ("id_token_hint", forged.as_str()),
                ("post_logout_redirect_uri", LOGOUT_REDIRECT),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{forged}");
    }
    // The genuine one is accepted.
    let res = app
        .client
        .get(app.url("/oidc/session/end"))
        .query(&[
            ("id_token_hint", id_token),
            ("post_logout_redirect_uri", LOGOUT_REDIRECT),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    // Introspection answers only confidential clients, and never for forged tokens.
    let (web, secret) = create_app(&app, "Traditional", json!({})).await;
    let secret = secret.unwrap();
    let (status, _) = read(
        app.client
            .post(app.url("/oidc/token/introspection"))
            .form(&[("token", "x"), ("client_id", client_a.as_str())])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 401);
    let (status, info) = read(
        app.client
            .post(app.url("/oidc/token/introspection"))
            .header("authorization", basic(&web, &secret))
            .form(&[("token", format!("{none}.{}.", parts[1]).as_str())])
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, info), (200, json!({ "active": false })));
}

both_backends!(asks_consent_for_third_party_apps, consent_impl);
async fn consent_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({ "isThirdParty": true })).await;
    let user_id = create_user(&app, "hana").await;
    let org = app.create_org("Theta").await;
    let org_id = org["id"].as_str().unwrap().to_string();
    app.api_json(
        Method::POST,
        &format!("/organizations/{org_id}/users"),
        &json!({ "userIds": [user_id] }),
    )
    .await;
    let b = browser();
    let res = authorize(&app, &b, &client_id, ORG_SCOPES, &[]).await;
    assert_eq!(location(&res), "/sign-in");
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[("identifier", "hana"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&res), "/consent");
    let html = b
        .get(app.url("/consent"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("wants to access your account"), "{html}");
    assert!(html.contains("<code>profile"), "{html}");
    let res = post_form(&app, &b, "/oidc/interaction/consent", &[]).await;
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");
    let (status, tokens) = exchange(&app, &client_id, &param(&to, "code").unwrap(), &[]).await;
    assert_eq!(status, 200, "{tokens}");
    // The consent screen grants no organization: no organization token for this app.
    let rt = tokens["refresh_token"].as_str().unwrap();
    let (status, body) = refresh(&app, &client_id, rt, &[("organization_id", &org_id)]).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(
        body["error_description"],
        "organization access is not granted to the application"
    );

    // Signed in, a third-party app still asks; prompt=none cannot.
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/consent");
    let res = authorize(&app, &b, &client_id, "openid", &[("prompt", "none")]).await;
    assert_eq!(
        param(&location(&res), "error").as_deref(),
        Some("consent_required")
    );
}

both_backends!(id_token_claims_follow_the_config, id_token_config_impl);
async fn id_token_config_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, config) = app.api_get("/configs/id-token").await;
    assert_eq!(status, 200);
    assert_eq!(
        config,
        json!({ "enabledExtendedClaims": ["roles", "organizations", "organization_roles"] })
    );
    let (status, body) = app
        .api_json(
            Method::PUT,
            "/configs/id-token",
            &json!({ "enabledExtendedClaims": ["everything"] }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, _) = app
        .api_json(
            Method::PUT,
            "/configs/id-token",
            &json!({ "enabledExtendedClaims": ["organization_data"] }),
        )
        .await;
    assert_eq!(status, 200);

    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user_id = create_user(&app, "ivan").await;
    let org = app.create_org("Epsilon").await;
    let org_id = org["id"].as_str().unwrap();
    app.api_json(
        Method::POST,
        &format!("/organizations/{org_id}/users"),
        &json!({ "userIds": [user_id] }),
    )
    .await;
    let code = sign_in_for_code(&app, &browser(), &client_id, "ivan", ORG_SCOPES, &[]).await;
    let (_, tokens) = exchange(&app, &client_id, &code, &[]).await;
    let id = verify_id_token(&app, tokens["id_token"].as_str().unwrap(), &client_id).await;
    assert_eq!(
        id["organization_data"],
        json!([{ "id": org_id, "name": "Epsilon", "description": null }])
    );
    assert!(id.get("organizations").is_none(), "{id}");
    assert!(id.get("organization_roles").is_none(), "{id}");

    // Discovery lists what is implemented.
    let (_, d) = read(app.get("/oidc/.well-known/openid-configuration").await).await;
    assert_eq!(
        d["authorization_endpoint"],
        format!("{}/oidc/auth", app.address)
    );
    assert_eq!(d["userinfo_endpoint"], format!("{}/oidc/me", app.address));
    assert_eq!(
        d["end_session_endpoint"],
        format!("{}/oidc/session/end", app.address)
    );
    assert_eq!(d["response_types_supported"], json!(["code"]));
    assert_eq!(d["code_challenge_methods_supported"], json!(["S256"]));
    assert_eq!(
        d["grant_types_supported"],
        json!(["authorization_code", "refresh_token", "client_credentials"])
    );
}

both_backends!(cors_follows_the_app, cors_impl);
async fn cors_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    create_user(&app, "jo").await;
    let code = sign_in_for_code(
        &app,
        &browser(),
        &client_id,
        "jo",
        "openid offline_access",
        &[],
    )
    .await;
    let token = |origin: &'static str, code: String| {
        let app = &app;
        let client_id = client_id.clone();
        async move {
            app.client
                .post(app.url("/oidc/token"))
                .header("origin", origin)
                .form(&[
                    ("grant_type", "authorization_code"),
                    ("code", code.as_str()),
                    ("redirect_uri", REDIRECT),
                    ("code_verifier", VERIFIER),
                    ("client_id", client_id.as_str()),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    // A foreign origin cannot read the answer (the error is still an error).
    let res = token("https://evil.example", "nope".into()).await;
    assert_eq!(res.status(), 400);
    assert!(res.headers().get("access-control-allow-origin").is_none());
    // The origin of a redirect URI can.
    let res = token("https://app.example.com", code).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let (_, tokens) = read(res).await;
    let access = tokens["access_token"].as_str().unwrap();
    // Userinfo: listed CORS origins count too.
    let me = |origin: &'static str| {
        let app = &app;
        async move {
            app.client
                .get(app.url("/oidc/me"))
                .header("origin", origin)
                .bearer_auth(access)
                .send()
                .await
                .unwrap()
        }
    };
    let res = me("https://portal.example").await;
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("access-control-allow-origin").is_none());
    let (status, _) = app
        .api_json(
            Method::PATCH,
            &format!("/applications/{client_id}"),
            &json!({ "customClientMetadata": { "corsAllowedOrigins": ["https://portal.example"] } }),
        )
        .await;
    assert_eq!(status, 200);
    let res = me("https://portal.example").await;
    assert_eq!(
        res.headers()["access-control-allow-origin"],
        "https://portal.example"
    );
    // Preflights are answered; the actual response decides.
    let res = app
        .client
        .request(Method::OPTIONS, app.url("/oidc/token"))
        .header("origin", "https://portal.example")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert!(
        res.headers()["access-control-allow-methods"]
            .to_str()
            .unwrap()
            .contains("POST")
    );
}
