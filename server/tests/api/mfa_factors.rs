//! A user's MFA factors through the management API: TOTP and backup codes added, listed and
//! deleted.

use reqwest::Method;
use serde_json::{Value, json};

use crate::mfa_journey::factor;

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
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("session.mfa.backup_code_can_not_be_alone")),
        "{body}"
    );
    let (status, body) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "type": "Totp", "secret": "not base32!!!!!!!" }),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("user.totp_secret_invalid")),
        "{body}"
    );
    let (status, totp) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "type": "Totp", "secret": "jbswy3dpehpk3pxpjbswy3dp" }),
        )
        .await;
    assert_eq!(status, 200, "{totp}");
    assert_eq!(totp["secret"], "JBSWY3DPEHPK3PXPJBSWY3DP");
    // The key's QR code, as Logto's `secretQrCode` (an SVG image here).
    let qr = totp["secretQrCode"].as_str().unwrap();
    assert!(qr.starts_with("data:image/svg+xml;base64,"), "{qr}");
    // Codes given must be ten of ten hex characters.
    let (status, body) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "type": "BackupCode", "codes": ["abc"] }),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("user.wrong_backup_code_format")),
        "{body}"
    );
    let (status, codes) = app
        .api_json(Method::POST, &path, &json!({ "type": "BackupCode" }))
        .await;
    assert_eq!(status, 200, "{codes}");
    assert_eq!(codes["codes"].as_array().unwrap().len(), 10);
    let (_, list) = app.api_get(&path).await;
    let list = list.as_array().unwrap().clone();
    assert_eq!(list.len(), 2);
    assert_eq!(
        factor(&Value::Array(list.clone()), "type", "BackupCode")["remainCodes"],
        10
    );
    // While a code is unused the set cannot be replaced; once all are used, a new set
    // replaces it (regeneration).
    let (status, body) = app
        .api_json(Method::POST, &path, &json!({ "type": "BackupCode" }))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (422, Some("user.backup_code_already_in_use")),
        "{body}"
    );
    let user_id_for_codes = user_id.clone();
    for code in codes["codes"].as_array().unwrap() {
        let used = server::domain::mfa_sign_in::verify_backup_code(
            &app.store,
            "default",
            &user_id_for_codes,
            code.as_str().unwrap(),
            1,
        )
        .await
        .unwrap();
        assert_eq!(used, server::domain::mfa_sign_in::CodeCheck::Accepted);
    }
    let (_, list) = app.api_get(&path).await;
    assert_eq!(factor(&list, "type", "BackupCode")["remainCodes"], 0);
    let given: Vec<String> = (0..10).map(|i| format!("{i}{i}{i}{i}{i}abcde")).collect();
    let (status, body) = app
        .api_json(
            Method::POST,
            &path,
            &json!({ "type": "BackupCode", "codes": given }),
        )
        .await;
    assert_eq!((status, &body["codes"]), (200, &json!(given)), "{body}");
    let (_, list) = app.api_get(&path).await;
    assert_eq!(
        list.as_array().unwrap().len(),
        2,
        "the new set replaced the old"
    );
    assert_eq!(factor(&list, "type", "BackupCode")["remainCodes"], 10);
    let totp_id = factor(&list, "type", "Totp")["id"].as_str().unwrap();
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
