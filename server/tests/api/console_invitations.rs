//! The console's Invitations tab server functions: inviting several addresses with roles (each
//! mailed Tessera's link, the admin as inviter), refusals on the emails field, the list,
//! resend and revoke.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::console_client::{call_json as call, sign_in};
use crate::helpers::{Backend, spawn_app_with};
use crate::verification_codes::newest_mail;

both_backends!(console_invites, console_invites_impl);
async fn console_invites_impl(backend: Backend) {
    let outbox = tempfile::tempdir().unwrap();
    let dir = outbox.path().to_string_lossy().into_owned();
    let Some(app) = spawn_app_with(backend, |s| s.email.outbox_dir = dir).await else {
        return;
    };
    sign_in(&app).await;
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

    let (s, body) = call(
        &app,
        "invite_to_organization",
        &[
            ("id", &org),
            ("form[emails]", "pat@example.com nope"),
            ("form[days]", "7"),
        ],
    )
    .await;
    assert_eq!(s, 400, "{body}");
    assert!(
        body.to_string().contains("nope is not an email address"),
        "{body}"
    );
    let (s, body) = call(
        &app,
        "invite_to_organization",
        &[
            ("id", &org),
            ("form[emails]", "pat@example.com,\nsam@example.com"),
            ("form[role_ids][0]", &role),
            ("form[days]", "14"),
        ],
    )
    .await;
    assert_eq!((s, &body), (200, &json!(2)), "{body}");
    let mail = newest_mail(outbox.path(), "sam@example.com").await;
    assert!(
        mail["payload"]["link"]
            .as_str()
            .unwrap()
            .contains("/invitation/")
    );
    assert_eq!(
        mail["payload"]["inviter"]["name"], "root",
        "the signed-in administrator: {mail}"
    );
    // Again: a pending invitation exists, said on the field.
    let (s, body) = call(
        &app,
        "invite_to_organization",
        &[
            ("id", &org),
            ("form[emails]", "pat@example.com"),
            ("form[days]", "7"),
        ],
    )
    .await;
    assert_eq!(s, 400, "{body}");
    assert!(
        body.to_string()
            .contains("already has a pending invitation"),
        "{body}"
    );

    let (s, list) = call(&app, "organization_invitations", &[("id", &org)]).await;
    assert_eq!(s, 200, "{list}");
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["roles"], json!(["editor"]));
    assert_eq!(list[0]["status"], "Pending");
    assert_eq!(list[0]["inviter"], serde_json::Value::Null);
    let id = list[0]["id"].as_str().unwrap().to_string();
    let (s, body) = call(&app, "resend_invitation", &[("invitation_id", &id)]).await;
    assert_eq!(s, 200, "{body}");
    let (s, body) = call(&app, "revoke_invitation", &[("invitation_id", &id)]).await;
    assert_eq!(s, 200, "{body}");
    let (_, inv) = app
        .api_get(&format!("/organization-invitations/{id}"))
        .await;
    assert_eq!(inv["status"], "Revoked");
}
