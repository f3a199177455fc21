//! A user's MFA factors through the management API: TOTP and backup codes added, listed and
//! deleted.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::people::create_user;

both_backends!(lists_and_deletes_mfa_factors, mfa_impl);
async fn mfa_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let user_id = create_user(&app, "frank").await;
    let path = format!("/users/{user_id}/mfa-verifications");
    let (status, list) = app.api_get(&path).await;
    assert_eq!((status, list), (200, json!([])));
    // Backup codes need another factor first.
    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "type": "BackupCode" }))
        .await;
    assert_eq!(status, 422, "{body}");
    let (status, body) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "type": "Totp", "secret": "not base32!!!!!!!" }),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("user.totp_secret_invalid")),
        "{body}"
    );
    let (status, _) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "type": "Totp", "secret": "JBSWY3DPEHPK3PXPJBSWY3DP" }),
        )
        .await;
    assert_eq!(status, 200);
    let (status, codes) = app
        .api_json(Method::POST, &path, &json!({ "type": "BackupCode" }))
        .await;
    assert_eq!(status, 200, "{codes}");
    assert_eq!(codes["codes"].as_array().unwrap().len(), 10);
    let (_, list) = app.api_get(&path).await;
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["type"], "Totp");
    assert_eq!(list[1]["remainingCodes"], 10);
    let totp_id = list[0]["id"].as_str().unwrap();
    let res = app
        .api(Method::DELETE, &format!("{path}/{totp_id}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let res = app
        .api(Method::DELETE, &format!("{path}/{totp_id}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let (status, _) = app.api_get("/users/nobody/mfa-verifications").await;
    assert_eq!(status, 404);
}
