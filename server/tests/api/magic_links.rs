//! Magic links on `/oidc/auth` (`one_time_token` + `login_hint`, next-features §5.2): the
//! confirmation page, sign-in of the email's owner or a new account (even with registration
//! closed), the token's `jitOrganizationIds`, one use only, and a session of another account
//! that neither swallows the link nor uses it up.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_pinned};
use crate::people::*;

async fn token(app: &TestApp, email: &str, context: Value) -> (String, String) {
    let (s, t) = app
        .api_json(
            Method::POST,
            "/one-time-tokens",
            &json!({ "email": email, "context": context }),
        )
        .await;
    assert_eq!(s, 201, "{t}");
    (
        t["id"].as_str().unwrap().to_string(),
        t["token"].as_str().unwrap().to_string(),
    )
}

async fn page(app: &TestApp, b: &reqwest::Client, path: &str) -> String {
    b.get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

both_backends!(magic_links_sign_in_once, magic_impl);
async fn magic_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user = create_user(&app, "mia").await;
    let (_, org) = app
        .api_json(Method::POST, "/organizations", &json!({ "name": "Linked" }))
        .await;
    let org = org["id"].as_str().unwrap().to_string();
    let (_, role) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({ "name": "linked-member" }),
        )
        .await;
    let role = role["id"].as_str().unwrap().to_string();
    app.api_json(
        Method::POST,
        &format!("/organizations/{org}/jit/roles"),
        &json!({ "organizationRoleIds": [role] }),
    )
    .await;

    // Another account is signed in on this browser: the link still asks, and is not used.
    create_user(&app, "someone_else").await;
    let b = browser();
    sign_in_for_code(&app, &b, &client_id, "someone_else", "openid", &[]).await;
    let (token_id, secret) = token(
        &app,
        "mia@example.com",
        json!({ "jitOrganizationIds": [org] }),
    )
    .await;
    let link = [
        ("one_time_token", secret.as_str()),
        ("login_hint", "mia@example.com"),
    ];
    let res = authorize(&app, &b, &client_id, "openid", &link).await;
    assert_eq!(location(&res), "/one-time-token");
    let html = page(&app, &b, "/one-time-token").await;
    assert!(html.contains("Continue as mia@example.com"), "{html}");
    let (_, t) = app.api_get(&format!("/one-time-tokens/{token_id}")).await;
    assert_eq!(t["status"], "active", "opening the link uses nothing");

    // Continue: signed in as the link's account, joined with the JIT role, the token used.
    let res = post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");
    let (status, tokens) = exchange(&app, &client_id, &param(&to, "code").unwrap(), &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let id = verify_id_token(&app, tokens["id_token"].as_str().unwrap(), &client_id).await;
    assert_eq!(id["sub"], user.as_str());
    let (_, roles) = app
        .api_get(&format!("/organizations/{org}/users/{user}/roles"))
        .await;
    assert_eq!(roles[0]["id"], role.as_str(), "{roles}");
    let (_, t) = app.api_get(&format!("/one-time-tokens/{token_id}")).await;
    assert_eq!(t["status"], "consumed");

    // The same link again: refused on the page.
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &link).await;
    let res = post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    assert_eq!(location(&res), "/one-time-token");
    assert!(
        page(&app, &b, "/one-time-token")
            .await
            .contains("already used")
    );

    // A link for another address than the hint, and an expired one: refused.
    let (_, other) = token(&app, "mia@example.com", json!({})).await;
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[
            ("one_time_token", other.as_str()),
            ("login_hint", "eve@example.com"),
        ],
    )
    .await;
    post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    assert!(
        page(&app, &b, "/one-time-token")
            .await
            .contains("not valid")
    );
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[
            ("one_time_token", other.as_str()),
            ("login_hint", "mia@example.com"),
        ],
    )
    .await;
    app.state.clock.advance(601_000);
    post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    assert!(page(&app, &b, "/one-time-token").await.contains("expired"));

    // An address without an account, registration closed: the link creates it (as Logto),
    // the email counted as verified.
    app.api_json(
        Method::PATCH,
        "/sign-in-exp",
        &json!({ "signInMode": "SignIn" }),
    )
    .await;
    let (_, fresh) = token(
        &app,
        "newcomer@example.com",
        json!({ "jitOrganizationIds": [org, "no-such-org"] }),
    )
    .await;
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[
            ("one_time_token", fresh.as_str()),
            ("login_hint", "newcomer@example.com"),
        ],
    )
    .await;
    let res = post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    assert!(location(&res).starts_with(REDIRECT), "{}", location(&res));
    let (_, found) = app.api_get("/users?q=newcomer@example.com").await;
    let newcomer = found[0]["id"].as_str().unwrap().to_string();
    let (s, _) = app
        .api_get(&format!("/organizations/{org}/users/{newcomer}/roles"))
        .await;
    assert_eq!(s, 200, "a member of the token's organization");

    // A token for registration only does not sign in an existing account.
    let (_, only_register) = token(
        &app,
        "mia@example.com",
        json!({ "interactionEvent": "Register" }),
    )
    .await;
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[
            ("one_time_token", only_register.as_str()),
            ("login_hint", "mia@example.com"),
        ],
    )
    .await;
    let res = post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    assert_eq!(location(&res), "/one-time-token");
}

both_backends!(magic_link_organizations_wait_for_mfa, mfa_impl);
async fn mfa_impl(backend: Backend) {
    let Some(app) = spawn_app_pinned(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user = create_user(&app, "ivy").await;
    let (_, totp) = app
        .api_json(
            Method::POST,
            &format!("/users/{user}/mfa-verifications"),
            &json!({ "type": "Totp" }),
        )
        .await;
    let secret = totp["secret"].as_str().unwrap().to_string();
    crate::mfa_journey::set_mfa(&app, json!({ "factors": ["Totp"], "policy": "NoPrompt" })).await;
    let (_, org) = app
        .api_json(
            Method::POST,
            "/organizations",
            &json!({ "name": "Guarded" }),
        )
        .await;
    let org = org["id"].as_str().unwrap().to_string();
    let (_, secret_token) = token(
        &app,
        "ivy@example.com",
        json!({ "jitOrganizationIds": [org] }),
    )
    .await;
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[
            ("one_time_token", secret_token.as_str()),
            ("login_hint", "ivy@example.com"),
        ],
    )
    .await;
    let res = post_form(&app, &b, "/oidc/interaction/one-time-token", &[]).await;
    assert_eq!(location(&res), "/mfa-verification/Totp");
    assert_eq!(
        member_count(&app, &org).await,
        0,
        "nobody joins before the second factor"
    );
    let to = crate::mfa_journey::post_mfa(
        &app,
        &b,
        "verify-totp",
        &[("code", &crate::mfa_journey::code_now(&app, &secret))],
    )
    .await;
    assert!(to.starts_with(REDIRECT), "{to}");
    assert_eq!(
        member_count(&app, &org).await,
        1,
        "joined once the sign-in completed"
    );
}

async fn member_count(app: &TestApp, org: &str) -> usize {
    let (_, list) = app.api_get(&format!("/organizations/{org}/users")).await;
    list.as_array().unwrap().len()
}
