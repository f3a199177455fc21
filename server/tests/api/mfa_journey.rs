//! Helpers for MFA at sign-in: the tenant's MFA settings, a browser signing in up to the step
//! the server asks for, reading a page as a browser without JavaScript does (the TOTP key,
//! the backup codes), and codes computed from a secret at the server's (pinned) time.

use reqwest::{Client, Method};
use serde_json::{Value, json};

use crate::helpers::TestApp;
use crate::people::*;

pub async fn set_mfa(app: &TestApp, mfa: Value) {
    let (status, body) = app
        .api_json(Method::PATCH, "/sign-in-exp", &json!({ "mfa": mfa }))
        .await;
    assert_eq!(status, 200, "{body}");
}

/// Authorizes and posts the password; returns where the server sends the browser.
pub async fn password_step(app: &TestApp, browser: &Client, client_id: &str, user: &str) -> String {
    let res = authorize(app, browser, client_id, ORG_SCOPES, &[]).await;
    assert_eq!(location(&res), "/sign-in");
    let res = post_form(
        app,
        browser,
        "/oidc/interaction/sign-in",
        &[("identifier", user), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), 303);
    location(&res)
}

/// Registers a new account on the hosted page; returns where the server sends the browser.
pub async fn register_step(app: &TestApp, browser: &Client, client_id: &str, user: &str) -> String {
    let res = authorize(app, browser, client_id, ORG_SCOPES, &[]).await;
    assert_eq!(res.status(), 303);
    let email = format!("{user}@example.com");
    let res = post_form(
        app,
        browser,
        "/oidc/interaction/register",
        &[
            ("username", user),
            ("email", &email),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    location(&res)
}

pub async fn page(app: &TestApp, browser: &Client, path: &str) -> String {
    let res = browser.get(app.url(path)).send().await.unwrap();
    assert_eq!(res.status(), 200, "{path}");
    res.text().await.unwrap()
}

/// Posts an MFA form; returns the redirect's target.
pub async fn post_mfa(
    app: &TestApp,
    browser: &Client,
    action: &str,
    form: &[(&str, &str)],
) -> String {
    let res = post_form(
        app,
        browser,
        &format!("/oidc/interaction/mfa/{action}"),
        form,
    )
    .await;
    assert_eq!(res.status(), 303, "{action}");
    location(&res)
}

/// The text of the element marked `data-testid="{id}"`.
pub fn marked(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("data-testid=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} in {html}"));
    let start = at + html[at..].find('>').unwrap() + 1;
    let end = start + html[start..].find('<').unwrap();
    html[start..end].to_string()
}

/// The backup codes listed on the page.
pub fn backup_codes(html: &str) -> Vec<String> {
    let list = &html[html.find("class=\"backup-codes\"").expect("codes listed")..];
    let list = &list[..list.find("</ul>").unwrap()];
    list.split("<code>")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].to_string())
        .collect()
}

/// The TOTP code of the server's present time.
pub fn code_now(app: &TestApp, secret: &str) -> String {
    let secs = (app.state.clock.now_ms() / 1000) as u64;
    server::domain::totp::code_at(secret, secs).unwrap()
}

/// Binds TOTP and saves the backup codes on the pages, from the binding page on; returns the
/// secret, the codes and the final redirect.
pub async fn bind_totp_and_codes(app: &TestApp, browser: &Client) -> (String, Vec<String>, String) {
    let html = page(app, browser, "/mfa-binding/Totp").await;
    let secret = marked(&html, "totp-secret");
    let to = post_mfa(
        app,
        browser,
        "bind-totp",
        &[("code", &code_now(app, &secret))],
    )
    .await;
    assert_eq!(to, "/mfa-binding/BackupCode");
    let html = page(app, browser, &to).await;
    let codes = backup_codes(&html);
    let to = post_mfa(app, browser, "bind-backup-codes", &[("saved", "on")]).await;
    (secret, codes, to)
}

/// The listed factor of `kind` (`type` in the Management API, `kind` in the console); factors
/// added in the same millisecond have no order between them.
pub fn factor<'a>(list: &'a Value, key: &str, kind: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|f| f[key] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {list}"))
}
