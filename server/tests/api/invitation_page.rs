//! The hosted invitation page (`/invitation/{id}?token=…`, next-features §5.3) against a real
//! server: the emailed link, accepting as a new account (with the fields sign-up asks for) and
//! as an existing one, the invitation's roles, the link working once, another signed-in
//! account, and the pages of ended invitations.

use reqwest::{Client, Method};
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_pinned_with};
use crate::people::*;
use crate::verification_codes::newest_mail;

const DAY: i64 = 86_400_000;

async fn html(app: &TestApp, b: &Client, path: &str) -> String {
    let res = b.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

/// Invites `email` to `org` with `role`, mailing Tessera's link; returns (id, page path).
async fn invite(
    app: &TestApp,
    dir: &std::path::Path,
    org: &str,
    role: &str,
    email: &str,
) -> (String, String) {
    let now = app.state.clock.now_ms();
    let (s, inv) = app
        .api_json(
            Method::POST,
            "/organization-invitations",
            &json!({ "invitee": email, "organizationId": org, "expiresAt": now + DAY,
                     "organizationRoleIds": [role], "messagePayload": {} }),
        )
        .await;
    assert_eq!(s, 201, "{inv}");
    let id = inv["id"].as_str().unwrap().to_string();
    let mail = newest_mail(dir, email).await;
    let link = mail["payload"]["link"].as_str().unwrap().to_string();
    assert!(mail["text"].as_str().unwrap().contains(&link));
    let path = link
        .strip_prefix(&app.address)
        .expect("a link to this server")
        .to_string();
    assert!(
        path.starts_with(&format!("/invitation/{id}?token=")),
        "{path}"
    );
    (id, path)
}

fn form_post(
    app: &TestApp,
    b: &Client,
    path: &str,
    form: &[(&str, &str)],
) -> reqwest::RequestBuilder {
    b.post(app.url(path))
        .header("origin", &app.address)
        .form(form)
}

both_backends!(hosted_invitation_page, page_impl);
async fn page_impl(backend: Backend) {
    let outbox = tempfile::tempdir().unwrap();
    let dir_text = outbox.path().to_string_lossy().into_owned();
    let Some(app) = spawn_app_pinned_with(backend, |s| s.email.outbox_dir = dir_text).await else {
        return;
    };
    let dir = outbox.path().to_path_buf();
    let (_, org) = app
        .api_json(Method::POST, "/organizations", &json!({ "name": "Acme" }))
        .await;
    let org = org["id"].as_str().unwrap().to_string();
    let (_, role) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({ "name": "editor" }),
        )
        .await;
    let role = role["id"].as_str().unwrap().to_string();

    // A new person: the page asks for a password (sign-up's default) and a username.
    let (id, path) = invite(&app, &dir, &org, &role, "newbie@example.com").await;
    let token = path.split("token=").nth(1).unwrap().to_string();
    let b = browser();
    let page = html(&app, &b, &path).await;
    assert!(page.contains("Join Acme"), "{page}");
    assert!(page.contains("newbie@example.com"));
    assert!(page.contains("name=\"password\""));
    // The link's token is no magic link: it neither shows nor signs anyone in.
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let magic = browser();
    authorize(
        &app,
        &magic,
        &client_id,
        "openid",
        &[
            ("one_time_token", token.as_str()),
            ("login_hint", "newbie@example.com"),
        ],
    )
    .await;
    let page = html(&app, &magic, "/one-time-token").await;
    let main = page.split("<main").nth(1).unwrap_or_default();
    assert!(
        main.contains("not valid") && !main.contains("Continue as"),
        "{page}"
    );
    let res = form_post(&app, &magic, "/oidc/interaction/one-time-token", &[])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/one-time-token");
    let accept = format!("/oidc/interaction/invitation/{id}/accept");
    let res = form_post(
        &app,
        &b,
        &accept,
        &[
            ("token", &token),
            ("username", "newbie"),
            ("password", PASSWORD),
            ("password_confirm", "nope nope nope"),
        ],
    )
    .send()
    .await
    .unwrap();
    let to = location(&res);
    assert!(to.contains("error=form-4"), "{to}");
    assert!(
        html(&app, &b, &to)
            .await
            .contains("The passwords do not match.")
    );
    let (_, inv) = app
        .api_get(&format!("/organization-invitations/{id}"))
        .await;
    assert_eq!(inv["status"], "Pending", "a refused form changes nothing");
    let res = form_post(
        &app,
        &b,
        &accept,
        &[
            ("token", &token),
            ("username", "newbie"),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .send()
    .await
    .unwrap();
    let to = location(&res);
    assert!(to.ends_with("joined=1"), "{to}");
    assert!(html(&app, &b, &to).await.contains("You joined Acme"));
    let (_, inv) = app
        .api_get(&format!("/organization-invitations/{id}"))
        .await;
    assert_eq!(inv["status"], "Accepted");
    let user = inv["acceptedUserId"].as_str().unwrap().to_string();
    let (_, roles) = app
        .api_get(&format!("/organizations/{org}/users/{user}/roles"))
        .await;
    assert_eq!(
        roles[0]["id"],
        role.as_str(),
        "the invitation's role: {roles}"
    );
    // The new account signs in with its password.
    sign_in_for_code(&app, &browser(), &client_id, "newbie", "openid", &[]).await;
    // The link worked once.
    assert!(html(&app, &b, &path).await.contains("already accepted"));

    // An existing account: no password asked; another account signed in must switch first.
    let mia = create_user(&app, "mia").await;
    create_user(&app, "zed").await;
    let (id, path) = invite(&app, &dir, &org, &role, "mia@example.com").await;
    let token = path.split("token=").nth(1).unwrap().to_string();
    let b = browser();
    sign_in_for_code(&app, &b, &client_id, "zed", "openid", &[]).await;
    let page = html(&app, &b, &path).await;
    assert!(page.contains("Switch account to accept"), "{page}");
    assert!(page.contains("z…@example.com"));
    let accept = format!("/oidc/interaction/invitation/{id}/accept");
    let res = form_post(&app, &b, &accept, &[("token", &token)])
        .send()
        .await
        .unwrap();
    assert!(location(&res).contains("error=other-account"));
    let res = form_post(
        &app,
        &b,
        &format!("/oidc/interaction/invitation/{id}/switch-account"),
        &[("token", &token)],
    )
    .send()
    .await
    .unwrap();
    assert_eq!(location(&res), path);
    let page = html(&app, &b, &path).await;
    assert!(
        page.contains("Join Acme") && !page.contains("name=\"password\""),
        "{page}"
    );
    let res = form_post(&app, &b, &accept, &[("token", &token)])
        .send()
        .await
        .unwrap();
    assert!(location(&res).ends_with("joined=1"), "{}", location(&res));
    let (_, roles) = app
        .api_get(&format!("/organizations/{org}/users/{mia}/roles"))
        .await;
    assert_eq!(roles[0]["id"], role.as_str());

    // A resent invitation's new link replaces the earlier one.
    let (id3, first) = invite(&app, &dir, &org, &role, "twice@example.com").await;
    app.api_json(
        Method::POST,
        &format!("/organization-invitations/{id3}/message"),
        &json!({}),
    )
    .await;
    let mut second = first.clone();
    for _ in 0..100 {
        let mail = newest_mail(&dir, "twice@example.com").await;
        let link = mail["payload"]["link"].as_str().unwrap().to_string();
        second = link.strip_prefix(&app.address).unwrap().to_string();
        if second != first {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_ne!(second, first);
    assert!(
        html(&app, &browser(), &first)
            .await
            .contains("link is not valid")
    );
    assert!(html(&app, &browser(), &second).await.contains("Join Acme"));

    // A wrong token, a revoked and an expired invitation each get their page.
    let (id, path) = invite(&app, &dir, &org, &role, "late@example.com").await;
    let wrong = format!("/invitation/{id}?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    let page = html(&app, &browser(), &wrong).await;
    assert!(
        page.contains("link is not valid") && page.contains("l…@example.com"),
        "{page}"
    );
    app.state.clock.advance(DAY + 1000);
    assert!(html(&app, &browser(), &path).await.contains("has expired"));
    let (id2, path2) = invite(&app, &dir, &org, &role, "gone@example.com").await;
    app.api_json(
        Method::PUT,
        &format!("/organization-invitations/{id2}/status"),
        &json!({ "status": "Revoked" }),
    )
    .await;
    assert!(
        html(&app, &browser(), &path2)
            .await
            .contains("was withdrawn")
    );
    let res = form_post(
        &app,
        &browser(),
        &format!("/oidc/interaction/invitation/{id2}/accept"),
        &[("token", path2.split("token=").nth(1).unwrap())],
    )
    .send()
    .await
    .unwrap();
    assert!(
        !location(&res).contains("joined"),
        "a withdrawn invitation is not accepted"
    );
}
