//! `mfa` of `/api/sign-in-exp` (Logto's checks and codes; what Tessera cannot carry out is
//! refused and not stored) and a user's `/logto-configs`.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::people::create_user;

both_backends!(mfa_settings_are_checked_and_kept, settings_impl);
async fn settings_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(status, 200);
    assert_eq!(
        exp["mfa"],
        json!({ "factors": [], "policy": "UserControlled" })
    );

    let good = json!({ "factors": ["Totp", "BackupCode"], "policy": "NoPrompt",
        "organizationRequiredMfaPolicy": "Mandatory" });
    let (status, exp) = app
        .api_json(Method::PATCH, "/sign-in-exp", &json!({ "mfa": good }))
        .await;
    assert_eq!((status, &exp["mfa"]), (200, &good), "{exp}");
    assert_eq!(exp["signInMode"], "SignInAndRegister");

    let refused = [
        (
            json!({ "mfa": { "factors": ["Totp", "Totp"], "policy": "NoPrompt" } }),
            400,
            "sign_in_experiences.duplicated_mfa_factors",
        ),
        (
            json!({ "mfa": { "factors": ["BackupCode"], "policy": "NoPrompt" } }),
            400,
            "sign_in_experiences.backup_code_cannot_be_enabled_alone",
        ),
        (
            json!({ "mfa": { "factors": ["Totp"], "policy": "PromptOnlyAtSignInMandatory" } }),
            422,
            "sign_in_experiences.non_adaptive_mfa_requires_skippable_policy",
        ),
        (
            json!({ "mfa": { "factors": ["Totp", "EmailVerificationCode"], "policy": "NoPrompt" } }),
            422,
            "request.feature_not_supported",
        ),
        (
            json!({ "mfa": { "factors": ["PhoneVerificationCode"], "policy": "Mandatory" } }),
            422,
            "request.feature_not_supported",
        ),
        (
            json!({ "adaptiveMfa": { "enabled": true } }),
            422,
            "request.feature_not_supported",
        ),
        (
            json!({ "mfa": { "factors": ["Sms"], "policy": "NoPrompt" } }),
            400,
            "guard.invalid_input",
        ),
        (
            json!({ "mfa": { "factors": ["Totp"] } }),
            400,
            "guard.invalid_input",
        ),
        (
            json!({ "mfa": { "factors": ["Totp"], "policy": "NoPrompt",
            "organizationRequiredMfaPolicy": "Always" } }),
            400,
            "guard.invalid_input",
        ),
        (json!({ "mfa": "Totp" }), 400, "guard.invalid_input"),
        (
            json!({ "adaptiveMfa": { "enabled": "yes" } }),
            400,
            "guard.invalid_input",
        ),
        // A refused `mfa` keeps the sign-in mode from changing too.
        (
            json!({ "signInMode": "SignIn", "mfa": { "factors": ["BackupCode"], "policy": "NoPrompt" } }),
            400,
            "sign_in_experiences.backup_code_cannot_be_enabled_alone",
        ),
    ];
    for (body, status, code) in refused {
        let got = app
            .error_code(Method::PATCH, "/sign-in-exp", body.clone(), status)
            .await;
        assert_eq!(got, code, "{body}");
    }
    let (_, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(exp["mfa"], good, "nothing refused was stored");
    assert_eq!(exp["signInMode"], "SignInAndRegister");

    // `mfa` replaces the whole object (the organization policy goes when left out);
    // `adaptiveMfa.enabled = false` is accepted.
    let (status, exp) = app
        .api_json(
            Method::PATCH,
            "/sign-in-exp",
            &json!({ "mfa": { "factors": ["Totp"], "policy": "Mandatory" },
                     "adaptiveMfa": { "enabled": false } }),
        )
        .await;
    assert_eq!(status, 200, "{exp}");
    assert_eq!(
        exp["mfa"],
        json!({ "factors": ["Totp"], "policy": "Mandatory" })
    );
    // Other keys leave `mfa` alone.
    let (_, exp) = app
        .api_json(
            Method::PATCH,
            "/sign-in-exp",
            &json!({ "signInMode": "SignIn" }),
        )
        .await;
    assert_eq!(exp["mfa"]["policy"], "Mandatory");
    assert_eq!(exp["signInMode"], "SignIn");
}

both_backends!(user_logto_configs_merge_flags, logto_configs_impl);
async fn logto_configs_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let user = create_user(&app, "gina").await;
    let path = format!("/users/{user}/logto-configs");
    let (status, body) = app.api_get(&path).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({ "mfa": { "skipped": false, "skipMfaOnSignIn": false },
                "passkeySignIn": { "skipped": false } })
    );
    let (status, body) = app
        .api_json(
            Method::PATCH,
            &path,
            &json!({ "mfa": { "skipped": true, "enabled": true } }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, body) = app
        .api_json(
            Method::PATCH,
            &path,
            &json!({ "mfa": { "enabled": false }, "passkeySignIn": { "skipped": true } }),
        )
        .await;
    assert_eq!(
        body,
        json!({ "mfa": { "enabled": false, "skipped": true, "skipMfaOnSignIn": false },
                "passkeySignIn": { "skipped": true } })
    );
    assert_eq!(app.api_get(&path).await.1, body);
    let code = app
        .error_code(
            Method::PATCH,
            &path,
            json!({ "mfa": { "skipped": "yes" } }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");
    let (status, body) = app.api_get("/users/nobody/logto-configs").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
    let code = app
        .error_code(Method::PATCH, "/users/nobody/logto-configs", json!({}), 404)
        .await;
    assert_eq!(code, "entity.not_exists_with_id");
}
