//! The hosted pages' email journeys against a real server: registration with an emailed code
//! and email-domain JIT (next-features §3), sign-in with an emailed code, a forgotten password,
//! and the sign-up/sign-in settings of `/api/sign-in-exp` that drive them. Codes are read from
//! the outbox file.

use std::path::{Path, PathBuf};
use std::time::Duration;

use reqwest::{Client, Method};
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_with};
use crate::people::*;
use crate::verification_codes::newest_mail;

async fn spawn(backend: Backend) -> Option<(TestApp, tempfile::TempDir)> {
    let outbox = tempfile::tempdir().unwrap();
    let dir = outbox.path().to_string_lossy().into_owned();
    let app = spawn_app_with(backend, |s| s.email.outbox_dir = dir).await?;
    Some((app, outbox))
}

fn mails_to(dir: &Path, to: &str) -> usize {
    std::fs::read_to_string(dir.join("outbox.jsonl"))
        .map(|t| {
            t.lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .filter(|m| m["to"] == to)
                .count()
        })
        .unwrap_or(0)
}

/// The code of the newest mail to `to` of `template`.
async fn code_in_mail(dir: &Path, to: &str, template: &str) -> String {
    let mail = newest_mail(dir, to).await;
    assert_eq!(mail["templateType"], template, "{mail}");
    mail["payload"]["code"].as_str().unwrap().to_string()
}

async fn settings(app: &TestApp, body: Value) {
    let (status, res) = app.api_json(Method::PATCH, "/sign-in-exp", &body).await;
    assert_eq!(status, 200, "{res}");
}

/// Sign-up by verified email (password too), sign-in by password or code.
fn email_sign_up() -> Value {
    json!({
        "signUp": { "identifiers": ["email"], "password": true, "verify": true },
        "signIn": { "methods": [
            { "identifier": "email", "password": true, "verificationCode": true, "isPasswordPrimary": true },
            { "identifier": "username", "password": true, "verificationCode": false, "isPasswordPrimary": true }
        ]}
    })
}

async fn page(app: &TestApp, b: &Client, path: &str) -> String {
    b.get(app.url(path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// An organization provisioning `domain` with one default role; (organization, role) ids.
async fn jit_organization(app: &TestApp, name: &str, domain: &str) -> (String, String) {
    let (_, org) = app
        .api_json(Method::POST, "/organizations", &json!({ "name": name }))
        .await;
    let org = org["id"].as_str().unwrap().to_string();
    let (_, role) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({ "name": format!("{name} member") }),
        )
        .await;
    let role = role["id"].as_str().unwrap().to_string();
    let (s, b) = app
        .api_json(
            Method::POST,
            &format!("/organizations/{org}/jit/email-domains"),
            &json!({ "emailDomain": domain }),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    let (s, b) = app
        .api_json(
            Method::POST,
            &format!("/organizations/{org}/jit/roles"),
            &json!({ "organizationRoleIds": [role] }),
        )
        .await;
    assert_eq!(s, 201, "{b}");
    (org, role)
}

async fn member_roles(app: &TestApp, org: &str, user: &str) -> Option<Vec<String>> {
    let (status, roles) = app
        .api_get(&format!("/organizations/{org}/users/{user}/roles"))
        .await;
    (status == 200).then(|| {
        roles
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    })
}

async fn members(app: &TestApp, org: &str) -> Vec<String> {
    let (_, users) = app.api_get(&format!("/organizations/{org}/users")).await;
    users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect()
}

async fn user_id_by_email(app: &TestApp, email: &str) -> Option<String> {
    let (_, users) = app.api_get(&format!("/users?q={email}")).await;
    users
        .as_array()
        .unwrap()
        .first()
        .map(|u| u["id"].as_str().unwrap().to_string())
}

both_backends!(sign_up_and_sign_in_settings, settings_impl);
async fn settings_impl(backend: Backend) {
    let Some((app, _outbox)) = spawn(backend).await else {
        return;
    };
    let (status, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(status, 200);
    assert_eq!(
        exp["signUp"],
        json!({ "identifiers": ["username"], "password": true, "verify": false })
    );
    assert_eq!(exp["signIn"]["methods"][0]["identifier"], "username");
    assert_eq!(
        exp["forgotPasswordMethods"],
        json!(["EmailVerificationCode"])
    );

    // Logto's checks and codes; nothing refused is written.
    for (body, code) in [
        (
            json!({ "signUp": { "identifiers": ["email"], "password": true, "verify": false } }),
            "sign_in_experiences.passwordless_requires_verify",
        ),
        (
            json!({ "signUp": { "identifiers": ["email", "email"], "password": true, "verify": true } }),
            "sign_in_experiences.duplicated_sign_up_identifiers",
        ),
        (
            json!({ "signUp": { "identifiers": [], "password": true, "verify": false,
                "secondaryIdentifiers": [{ "identifier": "username" }] } }),
            "sign_in_experiences.missing_sign_up_identifiers",
        ),
        (
            json!({ "signUp": { "identifiers": ["phone"], "password": true, "verify": true } }),
            "sign_in_experiences.enabled_connector_not_found",
        ),
        (
            json!({ "signIn": { "methods": [{ "identifier": "email", "password": false,
                "verificationCode": false, "isPasswordPrimary": true }] } }),
            "sign_in_experiences.at_least_one_authentication_factor",
        ),
        (
            json!({ "signUp": { "identifiers": ["email"], "password": false, "verify": true },
                "signIn": { "methods": [{ "identifier": "email", "password": true,
                "verificationCode": false, "isPasswordPrimary": true }] } }),
            "sign_in_experiences.code_sign_in_must_be_enabled",
        ),
        (
            json!({ "forgotPasswordMethods": ["PhoneVerificationCode"] }),
            "sign_in_experiences.forgot_password_method_requires_connector",
        ),
        (
            json!({ "signUp": { "identifiers": ["email"], "password": "yes", "verify": true } }),
            "guard.invalid_input",
        ),
        (
            json!({ "signIn": { "methods": [{ "identifier": "fax", "password": true,
                "verificationCode": false, "isPasswordPrimary": true }] } }),
            "guard.invalid_input",
        ),
        (
            json!({ "signInMode": "SignIn", "forgotPasswordMethods": ["Carrier pigeon"] }),
            "guard.invalid_input",
        ),
    ] {
        let (status, res) = app.api_json(Method::PATCH, "/sign-in-exp", &body).await;
        assert_eq!(status, 400, "{body}: {res}");
        assert_eq!(res["code"], code, "{body}: {res}");
    }
    let (_, now) = app.api_get("/sign-in-exp").await;
    assert_eq!(now, exp, "nothing refused was written");

    // Accepted settings come back as sent; `null` is Logto's legacy forgot-password value.
    let mut body = email_sign_up();
    body["forgotPasswordMethods"] = Value::Null;
    let (status, res) = app.api_json(Method::PATCH, "/sign-in-exp", &body).await;
    assert_eq!(status, 200, "{res}");
    assert_eq!(res["signUp"], body["signUp"]);
    assert_eq!(res["signIn"], body["signIn"]);
    assert_eq!(res["forgotPasswordMethods"], Value::Null);
    assert_eq!(res["mfa"], exp["mfa"], "other settings kept");
    let (_, res) = app
        .api_json(
            Method::PATCH,
            "/sign-in-exp",
            &json!({ "forgotPasswordMethods": [] }),
        )
        .await;
    assert_eq!(res["forgotPasswordMethods"], json!([]));
    assert_eq!(
        res["signUp"], body["signUp"],
        "absent keys keep their values"
    );
}

both_backends!(email_settings_need_a_transport, transport_impl);
async fn transport_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.email.transport = "disabled".into()).await else {
        return;
    };
    let (status, res) = app
        .api_json(Method::PATCH, "/sign-in-exp", &email_sign_up())
        .await;
    assert_eq!(status, 400, "{res}");
    assert_eq!(
        res["code"],
        "sign_in_experiences.enabled_connector_not_found"
    );
    let (status, res) = app
        .api_json(
            Method::PATCH,
            "/sign-in-exp",
            &json!({ "forgotPasswordMethods": ["EmailVerificationCode"] }),
        )
        .await;
    assert_eq!(status, 400, "{res}");
    // With no way to send mail, the sign-in page offers no reset.
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    let html = page(&app, &b, "/sign-in").await;
    assert!(!html.contains("/forgot-password"), "{html}");
}

both_backends!(
    registers_with_an_emailed_code_and_joins_by_domain,
    register_impl
);
async fn register_impl(backend: Backend) {
    let Some((app, outbox)) = spawn(backend).await else {
        return;
    };
    let dir = outbox.path().to_path_buf();
    settings(&app, email_sign_up()).await;
    let (org, role) = jit_organization(&app, "Acme", "Acme.example").await;
    let (other, _) = jit_organization(&app, "Other", "other.example").await;
    // Accounts the Management API creates are never provisioned (Logto's rule).
    let (status, api_user) = app
        .api_json(
            Method::POST,
            "/users",
            &json!({ "primaryEmail": "api@acme.example", "username": "api_user" }),
        )
        .await;
    assert_eq!(status, 200, "{api_user}");
    assert!(members(&app, &org).await.is_empty());

    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[("first_screen", "register")],
    )
    .await;
    let html = page(&app, &b, "/register").await;
    assert!(html.contains("name=\"email\""), "{html}");
    assert!(
        !html.contains("name=\"username\""),
        "no username asked: {html}"
    );

    // The form is checked before any mail goes out.
    let form = |email: &'static str, confirm: &'static str| {
        [
            ("email", email),
            ("password", PASSWORD),
            ("password_confirm", confirm),
        ]
    };
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register",
        &form("Pat@ACME.example", "nope"),
    )
    .await;
    assert_eq!(location(&res), "/register");
    assert!(
        page(&app, &b, "/register")
            .await
            .contains("The passwords do not match.")
    );
    assert_eq!(mails_to(&dir, "pat@acme.example"), 0);

    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register",
        &form("Pat@ACME.example", PASSWORD),
    )
    .await;
    assert_eq!(location(&res), "/register/verify");
    let html = page(&app, &b, "/register/verify").await;
    assert!(html.contains("Pat@ACME.example"), "{html}");
    assert!(
        !html.contains("argon2"),
        "the pending password stays on the server"
    );
    let code = code_in_mail(&dir, "pat@acme.example", "Register").await;
    assert_eq!(
        user_id_by_email(&app, "pat@acme.example").await,
        None,
        "no account before the code"
    );

    // A wrong code is refused on the page; a resend replaces the code.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register/verify",
        &[("code", wrong)],
    )
    .await;
    assert_eq!(location(&res), "/register/verify");
    assert!(
        page(&app, &b, "/register/verify")
            .await
            .contains("The code is incorrect.")
    );
    let res = post_form(&app, &b, "/oidc/interaction/code/resend", &[]).await;
    assert_eq!(location(&res), "/register/verify");
    let fresh = wait_new_code(&dir, "pat@acme.example", "Register", &code).await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(
        location(&res),
        "/register/verify",
        "the replaced code no longer works"
    );
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register/verify",
        &[("code", &fresh)],
    )
    .await;
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");

    // The account: its email as typed, the password set, a member of the domain's
    // organization (domain compared in any case) with the default role, not of the other.
    let user = user_id_by_email(&app, "pat@acme.example")
        .await
        .expect("account created");
    let (_, u) = app.api_get(&format!("/users/{user}")).await;
    assert_eq!(u["primaryEmail"], "Pat@ACME.example");
    assert_eq!(u["hasPassword"], true, "{u}");
    assert_eq!(
        member_roles(&app, &org, &user).await,
        Some(vec![role.clone()])
    );
    assert!(!members(&app, &other).await.contains(&user));
    let api_id = api_user["id"].as_str().unwrap();
    assert!(!members(&app, &org).await.contains(&api_id.to_string()));

    // The new account signs in with its password; an existing user is not provisioned again
    // (its membership removed stays removed).
    let (s, _) = app
        .api_json(
            Method::DELETE,
            &format!("/organizations/{org}/users/{user}"),
            &json!({}),
        )
        .await;
    assert!(s == 204 || s == 200, "{s}");
    let b = browser();
    let code = sign_in_for_code(&app, &b, &client_id, "pat@acme.example", "openid", &[]).await;
    assert!(!code.is_empty());
    assert!(!members(&app, &org).await.contains(&user));

    // Registering a taken address fails after the code, without a second account.
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[("first_screen", "register")],
    )
    .await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register",
        &form("pat@acme.example", PASSWORD),
    )
    .await;
    assert_eq!(location(&res), "/register/verify");
    let code = wait_new_code(&dir, "pat@acme.example", "Register", &fresh).await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(location(&res), "/register");
    assert!(page(&app, &b, "/register").await.contains("already exists"));
}

/// Waits for a code other than `old` in the newest mail to `to`.
async fn wait_new_code(dir: &Path, to: &str, template: &str, old: &str) -> String {
    for _ in 0..100 {
        let code = code_in_mail(dir, to, template).await;
        if code != old {
            return code;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Two codes in a row can be equal (one in a million): the newest is then as good.
    code_in_mail(dir, to, template).await
}

both_backends!(signs_in_with_an_emailed_code, code_sign_in_impl);
async fn code_sign_in_impl(backend: Backend) {
    let Some((app, outbox)) = spawn(backend).await else {
        return;
    };
    let dir: PathBuf = outbox.path().to_path_buf();
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let (_, user) = app
        .api_json(
            Method::POST,
            "/users",
            &json!({ "primaryEmail": "sam@example.com", "username": "sam" }),
        )
        .await;
    let user = user["id"].as_str().unwrap().to_string();

    // Not offered by the default settings.
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    assert!(
        !page(&app, &b, "/sign-in")
            .await
            .contains("/oidc/interaction/sign-in/code")
    );
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/code",
        &[("identifier", "sam@example.com")],
    )
    .await;
    assert_eq!(location(&res), "/sign-in");
    assert_eq!(mails_to(&dir, "sam@example.com"), 0);

    settings(&app, email_sign_up()).await;
    let html = page(&app, &b, "/sign-in").await;
    assert!(
        html.contains("formaction=\"/oidc/interaction/sign-in/code\""),
        "{html}"
    );
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/code",
        &[("identifier", "Sam@Example.com")],
    )
    .await;
    assert_eq!(location(&res), "/sign-in/verify");
    let code = code_in_mail(&dir, "sam@example.com", "SignIn").await;
    let mail = newest_mail(&dir, "sam@example.com").await;
    assert_eq!(mail["payload"]["application"]["id"], client_id.as_str());
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/verify",
        &[("code", &code)],
    )
    .await;
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");
    let (status, tokens) = exchange(&app, &client_id, &param(&to, "code").unwrap(), &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let id = verify_id_token(&app, tokens["id_token"].as_str().unwrap(), &client_id).await;
    assert_eq!(id["sub"], user.as_str());
    // A used code does not sign in twice.
    let b2 = browser();
    authorize(&app, &b2, &client_id, "openid", &[]).await;
    post_form(
        &app,
        &b2,
        "/oidc/interaction/sign-in/code",
        &[("identifier", "sam@example.com")],
    )
    .await;
    let newer = wait_new_code(&dir, "sam@example.com", "SignIn", &code).await;
    let res = post_form(
        &app,
        &b2,
        "/oidc/interaction/sign-in/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(location(&res), "/sign-in/verify");
    assert!(!newer.is_empty());

    // Anti-enumeration: with registration closed, an unknown address gets no mail but the
    // same pages; no code then signs in.
    settings(&app, json!({ "signInMode": "SignIn" })).await;
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/code",
        &[("identifier", "ghost@example.com")],
    )
    .await;
    assert_eq!(location(&res), "/sign-in/verify");
    assert!(
        page(&app, &b, "/sign-in/verify")
            .await
            .contains("ghost@example.com")
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(mails_to(&dir, "ghost@example.com"), 0);
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/verify",
        &[("code", "123456")],
    )
    .await;
    assert_eq!(location(&res), "/sign-in/verify");
    assert!(
        page(&app, &b, "/sign-in/verify")
            .await
            .contains("The code is incorrect.")
    );

    // Open registration by email alone: an unknown address's code creates the account,
    // provisioned by its domain.
    settings(
        &app,
        json!({
            "signInMode": "SignInAndRegister",
            "signUp": { "identifiers": ["email"], "password": false, "verify": true },
            "signIn": { "methods": [{ "identifier": "email", "password": false,
                "verificationCode": true, "isPasswordPrimary": false }] }
        }),
    )
    .await;
    let (org, role) = jit_organization(&app, "Newco", "newco.example").await;
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    let html = page(&app, &b, "/sign-in").await;
    assert!(!html.contains("type=\"password\""), "code only: {html}");
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/code",
        &[("identifier", "new@NEWCO.example")],
    )
    .await;
    assert_eq!(location(&res), "/sign-in/verify");
    let code = code_in_mail(&dir, "new@newco.example", "SignIn").await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in/verify",
        &[("code", &code)],
    )
    .await;
    assert!(location(&res).starts_with(REDIRECT), "{}", location(&res));
    let created = user_id_by_email(&app, "new@newco.example")
        .await
        .expect("account");
    assert_eq!(member_roles(&app, &org, &created).await, Some(vec![role]));

    // Password sign-in for an identifier the settings do not allow is refused.
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[("identifier", "sam"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&res), "/sign-in");
    assert!(page(&app, &b, "/sign-in").await.contains("not enabled"));
}

both_backends!(resets_a_forgotten_password, reset_impl);
async fn reset_impl(backend: Backend) {
    let Some((app, outbox)) = spawn(backend).await else {
        return;
    };
    let dir = outbox.path().to_path_buf();
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user = create_user(&app, "robin").await;
    let (s, _) = app
        .api_json(
            Method::PATCH,
            &format!("/users/{user}"),
            &json!({ "primaryEmail": "robin@example.com" }),
        )
        .await;
    assert_eq!(s, 200);
    // A browser signed in before the reset (its session ends with the reset).
    let before = browser();
    sign_in_for_code(&app, &before, &client_id, "robin", "openid", &[]).await;
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    assert!(
        page(&app, &b, "/sign-in")
            .await
            .contains("href=\"/forgot-password\"")
    );

    // An unknown address: the same next page, no mail.
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/forgot-password",
        &[("email", "nobody@example.com")],
    )
    .await;
    assert_eq!(location(&res), "/forgot-password/verify");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(mails_to(&dir, "nobody@example.com"), 0);
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/forgot-password/verify",
        &[("code", "123456")],
    )
    .await;
    assert_eq!(location(&res), "/forgot-password/verify");
    // The new-password page is not reachable without a right code.
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/reset-password",
        &[
            ("password", "brand new pass"),
            ("password_confirm", "brand new pass"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/forgot-password");

    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/forgot-password",
        &[("email", "Robin@Example.com")],
    )
    .await;
    assert_eq!(location(&res), "/forgot-password/verify");
    let code = code_in_mail(&dir, "robin@example.com", "ForgotPassword").await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/forgot-password/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(location(&res), "/reset-password");
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/reset-password",
        &[
            ("password", "brand new pass"),
            ("password_confirm", "other pass!"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/reset-password");
    assert!(
        page(&app, &b, "/reset-password")
            .await
            .contains("The passwords do not match.")
    );
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/reset-password",
        &[
            ("password", "brand new pass"),
            ("password_confirm", "brand new pass"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/sign-in?reset=1");
    assert!(
        res.headers()
            .get_all("set-cookie")
            .iter()
            .all(|c| !c.to_str().unwrap().starts_with("tessera.session")),
        "no session is made by a reset"
    );
    let html = page(&app, &b, "/sign-in?reset=1").await;
    assert!(html.contains("Your password has been changed."), "{html}");

    // The session made with the old password has ended.
    let res = authorize(&app, &before, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in", "the earlier session ended");

    // The old password no longer works; the new one signs in on the same request.
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[("identifier", "robin"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(location(&res), "/sign-in");
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/sign-in",
        &[
            ("identifier", "robin@example.com"),
            ("password", "brand new pass"),
        ],
    )
    .await;
    assert!(location(&res).starts_with(REDIRECT), "{}", location(&res));
    // The code was used: a second reset with it is refused.
    let b = browser();
    authorize(&app, &b, &client_id, "openid", &[]).await;
    post_form(
        &app,
        &b,
        "/oidc/interaction/forgot-password",
        &[("email", "robin@example.com")],
    )
    .await;
    let newer = wait_new_code(&dir, "robin@example.com", "ForgotPassword", &code).await;
    assert_ne!(newer, "");
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/forgot-password/verify",
        &[("code", &code)],
    )
    .await;
    assert_eq!(location(&res), "/forgot-password/verify");
}

both_backends!(
    a_jit_organization_requiring_mfa_makes_the_new_member_bind,
    jit_mfa_impl
);
async fn jit_mfa_impl(backend: Backend) {
    let Some((app, outbox)) = spawn(backend).await else {
        return;
    };
    let dir = outbox.path().to_path_buf();
    let mut body = email_sign_up();
    body["mfa"] = json!({ "factors": ["Totp", "BackupCode"], "policy": "NoPrompt",
        "organizationRequiredMfaPolicy": "Mandatory" });
    settings(&app, body).await;
    let (org, role) = jit_organization(&app, "Secure", "secure.example").await;
    let (s, _) = app
        .api_json(
            Method::PATCH,
            &format!("/organizations/{org}"),
            &json!({ "isMfaRequired": true }),
        )
        .await;
    assert_eq!(s, 200);
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let b = browser();
    authorize(
        &app,
        &b,
        &client_id,
        "openid",
        &[("first_screen", "register")],
    )
    .await;
    let form = [
        ("email", "Lee@Secure.Example"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ];
    let res = post_form(&app, &b, "/oidc/interaction/register", &form).await;
    assert_eq!(location(&res), "/register/verify");
    let code = code_in_mail(&dir, "lee@secure.example", "Register").await;
    let res = post_form(
        &app,
        &b,
        "/oidc/interaction/register/verify",
        &[("code", &code)],
    )
    .await;
    // The membership exists before the MFA step: binding, not skippable, naming it.
    assert_eq!(location(&res), "/mfa-binding/Totp");
    let html = page(&app, &b, "/mfa-binding/Totp").await;
    assert!(html.contains("Secure"), "{html}");
    assert!(!html.contains("/oidc/interaction/mfa/skip"));
    let user = user_id_by_email(&app, "lee@secure.example").await.unwrap();
    assert_eq!(member_roles(&app, &org, &user).await, Some(vec![role]));
}

both_backends!(
    an_address_is_blocked_after_100_wrong_codes,
    failure_cap_impl
);
async fn failure_cap_impl(backend: Backend) {
    let outbox = tempfile::tempdir().unwrap();
    let dir = outbox.path().to_string_lossy().into_owned();
    let Some(app) =
        crate::helpers::spawn_app_pinned_with(backend, |s| s.email.outbox_dir = dir).await
    else {
        return;
    };
    let path = outbox.path().to_path_buf();
    let email = "cap@example.com";
    let verify = |code: String| {
        let app = &app;
        async move {
            app.api_json(
                Method::POST,
                "/verification-codes/verify",
                &json!({ "email": email, "verificationCode": code }),
            )
            .await
        }
    };
    // Ten codes (the most one address gets in 600 s), ten wrong guesses each: resending never
    // renews the address's budget.
    let mut last = String::new();
    for _ in 0..10 {
        let (status, body) = app
            .api_json(
                Method::POST,
                "/verification-codes",
                &json!({ "email": email }),
            )
            .await;
        assert_eq!(status, 204, "{body}");
        last = wait_new_code(&path, email, "Generic", &last).await;
        let wrong = if last == "000000" { "111111" } else { "000000" };
        for _ in 0..10 {
            let (status, body) = verify(wrong.to_string()).await;
            assert_eq!(status, 400, "{body}");
        }
    }
    // The send window passes, a new code arrives, and even the right one is refused.
    app.state.clock.advance(601_000);
    app.api_json(
        Method::POST,
        "/verification-codes",
        &json!({ "email": email }),
    )
    .await;
    let code = wait_new_code(&path, email, "Generic", &last).await;
    let (status, body) = verify(code.clone()).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body["code"],
        "session.verification_blocked_too_many_attempts"
    );
    // An hour later the address works again.
    app.state.clock.advance(3_600_000);
    app.api_json(
        Method::POST,
        "/verification-codes",
        &json!({ "email": email }),
    )
    .await;
    let code = wait_new_code(&path, email, "Generic", &code).await;
    let (status, body) = verify(code).await;
    assert_eq!(status, 204, "{body}");
}
