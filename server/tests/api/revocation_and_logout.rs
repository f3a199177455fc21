//! A confidential client's tokens to the end: refresh without rotation, introspection,
//! revocation and logout.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, basic, read, spawn_app};
use crate::people::*;

both_backends!(logs_out_revokes_and_introspects, logout_impl);
async fn logout_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, secret) = create_app(&app, "Traditional", json!({})).await;
    let secret = secret.expect("confidential clients get a secret");
    create_user(&app, "erin").await;
    let b = browser();
    let code = sign_in_for_code(
        &app,
        &b,
        &client_id,
        "erin",
        "openid offline_access profile",
        &[],
    )
    .await;
    // A confidential client authenticates; without its secret it is refused.
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", REDIRECT),
        ("code_verifier", VERIFIER),
        ("client_id", client_id.as_str()),
    ];
    let (status, body) = read(app.post_token(None, &form).await).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("invalid_client")),
        "{body}"
    );
    let (status, tokens) = read(app.post_token(Some((&client_id, &secret)), &form).await).await;
    assert_eq!(status, 200, "{tokens}");
    let access = tokens["access_token"].as_str().unwrap().to_string();
    let rt = tokens["refresh_token"].as_str().unwrap().to_string();

    // Confidential clients keep their refresh token until 70% of its life.
    let (status, body) = read(
        app.post_token(
            Some((&client_id, &secret)),
            &[("grant_type", "refresh_token"), ("refresh_token", &rt)],
        )
        .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["refresh_token"], rt.as_str());

    // Introspection.
    let introspect = |token: String| {
        let app = &app;
        let (client_id, secret) = (client_id.clone(), secret.clone());
        async move {
            read(
                app.client
                    .post(app.url("/oidc/token/introspection"))
                    .header("authorization", basic(&client_id, &secret))
                    .form(&[("token", token.as_str())])
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let (status, info) = introspect(access.clone()).await;
    assert_eq!(status, 200);
    assert_eq!(info["active"], true, "{info}");
    assert_eq!(info["client_id"], client_id.as_str());
    let (_, info) = introspect(rt.clone()).await;
    assert_eq!(info["active"], true, "{info}");
    let (_, info) = introspect("garbage".into()).await;
    assert_eq!(info, json!({ "active": false }));

    // Revoking the refresh token takes the grant (and its access token) with it.
    let res = app
        .client
        .post(app.url("/oidc/token/revocation"))
        .header("authorization", basic(&client_id, &secret))
        .form(&[("token", rt.as_str()), ("token_type_hint", "refresh_token")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (_, info) = introspect(access.clone()).await;
    assert_eq!(info["active"], false);

    // Logout: the session ends; the post-logout URI must be registered exactly.
    let code = sign_in_for_code(&app, &b, &client_id, "erin", "openid offline_access", &[]).await;
    let (_, tokens) = read(
        app.post_token(
            Some((&client_id, &secret)),
            &[
                ("grant_type", "authorization_code"),
                ("code", &code),
                ("redirect_uri", REDIRECT),
                ("code_verifier", VERIFIER),
            ],
        )
        .await,
    )
    .await;
    let id_token = tokens["id_token"].as_str().unwrap();
    let res = b
        .get(app.url("/oidc/session/end"))
        .query(&[
            ("id_token_hint", id_token),
            (
                "post_logout_redirect_uri",
                "https://app.example.com/elsewhere",
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let res = b
        .get(app.url("/oidc/session/end"))
        .query(&[
            ("id_token_hint", id_token),
            ("post_logout_redirect_uri", LOGOUT_REDIRECT),
            ("state", "bye"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("{LOGOUT_REDIRECT}?state=bye"));
    // Signed out: the next authorization asks to sign in again, the refresh token is gone.
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in");
    let (status, _) = read(
        app.post_token(
            Some((&client_id, &secret)),
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", tokens["refresh_token"].as_str().unwrap()),
            ],
        )
        .await,
    )
    .await;
    assert_eq!(status, 400);
}
