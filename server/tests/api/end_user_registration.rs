//! The hosted registration form: its checks, the account it creates, and sign-up turned off in
//! the sign-in experience.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::people::*;

both_backends!(registers_new_accounts, registers_new_accounts_impl);
async fn registers_new_accounts_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    create_user(&app, "taken").await;
    let b = browser();
    let res = authorize(
        &app,
        &b,
        &client_id,
        "openid profile",
        &[("first_screen", "register")],
    )
    .await;
    assert_eq!(location(&res), "/register");
    let html = b
        .get(app.url("/register"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("action=\"/oidc/interaction/register\""));

    for (form, message) in [
        (
            [
                ("username", "taken"),
                ("email", ""),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
            ],
            "This username is already taken.",
        ),
        (
            [
                ("username", "newbie"),
                ("email", ""),
                ("password", "short"),
                ("password_confirm", "short"),
            ],
            "at least 8 characters",
        ),
        (
            [
                ("username", "newbie"),
                ("email", ""),
                ("password", PASSWORD),
                ("password_confirm", "other password"),
            ],
            "The passwords do not match.",
        ),
    ] {
        let res = post_form(&app, &b, "/oidc/interaction/register", &form).await;
        assert_eq!(location(&res), "/register");
        let html = b
            .get(app.url("/register"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(message), "{message}: {html}");
    }
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register",
        &[
            ("username", "newbie"),
            ("email", "newbie@example.com"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await;
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");
    let (status, tokens) = exchange(&app, &client_id, &param(&to, "code").unwrap(), &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let id = verify_id_token(&app, tokens["id_token"].as_str().unwrap(), &client_id).await;
    assert_eq!(id["username"], "newbie");
    assert!(
        tokens.get("refresh_token").is_none(),
        "no offline_access, no refresh token"
    );

    // With sign-up turned off (sign-in experience), the form refuses and the page says so.
    let (status, exp) = app
        .api_json(
            Method::PATCH,
            "/sign-in-exp",
            &json!({ "signInMode": "SignIn" }),
        )
        .await;
    assert_eq!(
        (status, exp["signInMode"].as_str()),
        (200, Some("SignIn")),
        "{exp}"
    );
    let (status, body) = app
        .api_json(
            Method::PATCH,
            "/sign-in-exp",
            &json!({ "signInMode": "Nobody" }),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[("first_screen", "register")],
    )
    .await;
    let html = b
        .get(app.url("/register"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Creating accounts is turned off"), "{html}");
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register",
        &[
            ("username", "late"),
            ("email", ""),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await;
    assert_eq!(location(&res), "/register");
    let (_, users) = app.api_get("/users?q=late").await;
    assert_eq!(users, json!([]), "no account was created");
}
