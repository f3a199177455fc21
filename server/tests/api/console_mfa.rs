//! The console's MFA server functions: the settings page saves what `/api/sign-in-exp` then
//! shows (refusing backup codes alone), and a user's factors are listed and removed.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::console_client::{call_json as call, sign_in};
use crate::helpers::{Backend, spawn_app};
use crate::mfa_journey::factor;
use crate::people::create_user;

both_backends!(console_manages_mfa, console_mfa_impl);
async fn console_mfa_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let (status, body) = call(&app, "mfa_settings", &[]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body,
        json!({ "factors": [], "policy": "UserControlled", "organization_mandatory": false })
    );

    let alone = [
        ("form[factors][0]", "BackupCode"),
        ("form[policy]", "Mandatory"),
        ("form[organization_mandatory]", "true"),
    ];
    let (status, body) = call(&app, "save_mfa_settings", &alone).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("Backup codes need another factor"),
        "{body}"
    );

    let good = [
        ("form[factors][0]", "Totp"),
        ("form[factors][1]", "BackupCode"),
        ("form[policy]", "PromptOnlyAtSignIn"),
        ("form[organization_mandatory]", "true"),
    ];
    let (status, body) = call(&app, "save_mfa_settings", &good).await;
    assert_eq!(status, 200, "{body}");
    let (_, exp) = app.api_get("/sign-in-exp").await;
    assert_eq!(
        exp["mfa"],
        json!({ "factors": ["Totp", "BackupCode"], "policy": "PromptOnlyAtSignIn",
                "organizationRequiredMfaPolicy": "Mandatory" })
    );

    let user = create_user(&app, "kim").await;
    let path = format!("/users/{user}/mfa-verifications");
    app.api_json(Method::POST, &path, &json!({ "type": "Totp" }))
        .await;
    app.api_json(Method::POST, &path, &json!({ "type": "BackupCode" }))
        .await;
    let (status, factors) = call(&app, "user_mfa_factors", &[("id", &user)]).await;
    assert_eq!(status, 200, "{factors}");
    assert_eq!(
        factor(&factors, "kind", "BackupCode")["detail"],
        "10 of 10 codes left"
    );
    let totp = factor(&factors, "kind", "Totp")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let remove = [("id", user.as_str()), ("factor_id", totp.as_str())];
    let (status, body) = call(&app, "remove_user_mfa_factor", &remove).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = call(&app, "remove_user_mfa_factor", &remove).await;
    assert_eq!(status, 404);
    let (_, listed) = app.api_get(&path).await;
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let (status, _) = call(&app, "user_mfa_factors", &[("id", "nobody")]).await;
    assert_eq!(status, 404);
}
