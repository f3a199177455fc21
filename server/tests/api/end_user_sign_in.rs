//! The hosted sign-in form and the authorization code grant with PKCE, from the authorization
//! request to userinfo and the session's next authorization, and the per-account limit on
//! sign-in attempts.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, read, spawn_app, spawn_app_with};
use crate::people::*;

both_backends!(
    signs_in_with_code_and_pkce,
    signs_in_with_code_and_pkce_impl
);
async fn signs_in_with_code_and_pkce_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, secret) = create_app(&app, "SPA", json!({})).await;
    assert!(secret.is_none(), "public clients have no secret");
    let user_id = create_user(&app, "alice").await;
    let browser = browser();

    // The request waits for the hosted page; the interaction cookie is HttpOnly and Lax.
    let res = authorize(&app, &browser, &client_id, ORG_SCOPES, &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/sign-in");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("tessera.interaction="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));

    // The page renders on the server (usable without JavaScript).
    let page = browser.get(app.url("/sign-in")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("action=\"/oidc/interaction/sign-in\""),
        "{html}"
    );
    assert!(html.contains("SPA app"));

    // A wrong password goes back to the page with the error and the identifier kept.
    let res = post_form(
        &app,
        &browser,
        "/oidc/interaction/sign-in",
        &[("identifier", "alice"), ("password", "wrong password")],
    )
    .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/sign-in");
    let html = browser
        .get(app.url("/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("The username, email or password is incorrect."));
    assert!(html.contains("value=\"alice\""));

    // A form posted from another site is refused.
    let res = browser
        .post(app.url("/oidc/interaction/sign-in"))
        .header("origin", "https://evil.example")
        .form(&[("identifier", "alice"), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    // Signing in with the email in another case works and sends the code back.
    let res = post_form(
        &app,
        &browser,
        "/oidc/interaction/sign-in",
        &[("identifier", "ALICE@example.com"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), 303);
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");
    assert_eq!(param(&to, "state").as_deref(), Some("st4te"));
    let code = param(&to, "code").unwrap();
    let cookies: Vec<String> = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("tessera.session=") && c.contains("HttpOnly"))
    );

    // PKCE: a wrong verifier fails (and does not use the code up).
    let (status, body) = exchange(
        &app,
        &client_id,
        &code,
        &[("code_verifier", &"x".repeat(43))],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let (status, body) = exchange(&app, &client_id, &code, &[("code_verifier", "")]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    // Another redirect URI, another client: refused.
    let (status, body) = exchange(
        &app,
        &client_id,
        &code,
        &[("redirect_uri", "https://app.example.com/callback/")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );

    let (status, tokens) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    assert_eq!(tokens["token_type"], "Bearer");
    assert!(
        tokens["refresh_token"].is_string(),
        "offline_access gives a refresh token"
    );
    let access = tokens["access_token"].as_str().unwrap();
    let id = verify_id_token(&app, tokens["id_token"].as_str().unwrap(), &client_id).await;
    assert_eq!(id["sub"], user_id.as_str());
    assert_eq!(id["nonce"], "n0nce");
    assert_eq!(id["username"], "alice");
    assert_eq!(id["email"], "alice@example.com");
    assert_eq!(id["organizations"], json!([]));
    assert_eq!(
        id["at_hash"],
        URL_SAFE_NO_PAD_HALF(access).as_str(),
        "at_hash is the left half of SHA-256(access_token)"
    );
    assert!(id["auth_time"].as_i64().unwrap() > 0);

    // Userinfo with the opaque access token.
    let (status, me) = read(
        app.client
            .get(app.url("/oidc/me"))
            .bearer_auth(access)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 200, "{me}");
    assert_eq!(me["sub"], user_id.as_str());
    assert_eq!(me["organization_data"], json!([]));
    let res = app
        .client
        .get(app.url("/oidc/me"))
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    assert!(
        res.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .contains("invalid_token")
    );

    // The code works once; reusing it revokes what it issued.
    let (status, body) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let (status, body) = refresh(
        &app,
        &client_id,
        tokens["refresh_token"].as_str().unwrap(),
        &[],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let res = app
        .client
        .get(app.url("/oidc/me"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "the access token went with the grant");

    // With the session, the next authorization returns a code at once; prompt=login asks again.
    let res = authorize(&app, &browser, &client_id, "openid", &[]).await;
    assert!(location(&res).starts_with(REDIRECT), "{}", location(&res));
    let res = authorize(&app, &browser, &client_id, "openid", &[("prompt", "login")]).await;
    assert_eq!(location(&res), "/sign-in");
    // prompt=none without a session: login_required at the client.
    let res = authorize(
        &app,
        &browser_fresh(),
        &client_id,
        "openid",
        &[("prompt", "none")],
    )
    .await;
    let to = location(&res);
    assert_eq!(
        param(&to, "error").as_deref(),
        Some("login_required"),
        "{to}"
    );
    assert_eq!(param(&to, "state").as_deref(), Some("st4te"));
}

fn browser_fresh() -> reqwest::Client {
    browser()
}

#[allow(non_snake_case)]
fn URL_SAFE_NO_PAD_HALF(token: &str) -> String {
    use aws_lc_rs::digest::{SHA256, digest};
    use base64::Engine;
    let d = digest(&SHA256, token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&d.as_ref()[..16])
}

both_backends!(limits_sign_in_attempts, limits_sign_in_attempts_impl);
async fn limits_sign_in_attempts_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.oidc.sign_in_per_account_per_minute = 3).await
    else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    create_user(&app, "bob").await;
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    for _ in 0..3 {
        post_form(
            &app,
            &b,
            "/oidc/interaction/sign-in",
            &[("identifier", "bob"), ("password", "nope nope")],
        )
        .await;
    }
    // Even the right password waits now.
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[("identifier", "BOB"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&res), "/sign-in");
    let html = b
        .get(app.url("/sign-in"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Too many attempts"), "{html}");
}
