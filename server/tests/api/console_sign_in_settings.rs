//! The console's Sign-up and sign-in server functions: the page reads the settings with where
//! mail goes, saves what `/api/sign-in-exp` then shows, and refuses on the field concerned.

use serde_json::json;

use crate::both_backends;
use crate::console_client::{call_json as call, sign_in};
use crate::helpers::{Backend, spawn_app_with};

fn form<'a>(identifier: &'a str, password: &'a str, code: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("form[sign_in_mode]", "SignInAndRegister"),
        ("form[sign_up_identifier]", identifier),
        ("form[sign_up_password]", password),
        ("form[username_password]", "false"),
        ("form[email_password]", "true"),
        ("form[email_code]", code),
        ("form[forgot_password_email]", "true"),
        ("form[mail]", "ignored"),
        ("form[mail_enabled]", "false"),
    ]
}

both_backends!(console_manages_sign_up_and_sign_in, console_settings_impl);
async fn console_settings_impl(backend: Backend) {
    let outbox = tempfile::tempdir().unwrap();
    let dir = outbox.path().to_string_lossy().into_owned();
    let shown = dir.clone();
    let Some(app) = spawn_app_with(backend, |s| s.email.outbox_dir = dir).await else {
        return;
    };
    sign_in(&app).await;
    let (status, body) = call(&app, "sign_in_settings", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["sign_up_identifier"], "username");
    assert_eq!(body["username_password"], true);
    assert_eq!(body["email_password"], true);
    assert_eq!(body["forgot_password_email"], true);
    assert_eq!(body["mail_enabled"], true);
    assert_eq!(body["mail"], format!("outbox folder {shown}"));

    // A sign-up without a password needs sign-in by code: refused on that field.
    let (status, body) = call(
        &app,
        "save_sign_in_settings",
        &form("email", "false", "false"),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("turn it on"), "{body}");
    let (_, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(
        exp["signUp"]["identifiers"],
        json!(["username"]),
        "nothing written"
    );

    let (status, body) = call(
        &app,
        "save_sign_in_settings",
        &form("username_email", "true", "true"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["sign_up_identifier"], "username_email");
    assert_eq!(
        body["mail_enabled"], true,
        "read-only fields come from the server"
    );
    let (_, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(
        exp["signUp"],
        json!({ "identifiers": ["username"], "password": true, "verify": true,
                "secondaryIdentifiers": [{ "identifier": "email", "verify": true }] })
    );
    assert_eq!(
        exp["signIn"],
        json!({ "methods": [{ "identifier": "email", "password": true,
                "verificationCode": true, "isPasswordPrimary": true }] })
    );
    assert_eq!(
        exp["forgotPasswordMethods"],
        json!(["EmailVerificationCode"])
    );
}

both_backends!(console_sign_in_settings_without_mail, no_mail_impl);
async fn no_mail_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.email.transport = "disabled".into()).await else {
        return;
    };
    sign_in(&app).await;
    let (_, body) = call(&app, "sign_in_settings", &[]).await;
    assert_eq!(body["mail_enabled"], false);
    assert_eq!(
        body["forgot_password_email"], true,
        "the stored choice is shown"
    );
    let (status, body) = call(
        &app,
        "save_sign_in_settings",
        &form("email", "true", "false"),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("Mail is turned off"), "{body}");
}
