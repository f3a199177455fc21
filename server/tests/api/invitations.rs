//! `/api/organization-invitations` against a real server, as Logto's
//! `organization-invitation.*.test.ts` use it: creation (with and without the email), every
//! refusal, the filters, expiry on read, acceptance with the invitation's roles, revocation,
//! resending and its per-address limit.

use std::path::Path;
use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_pinned_with, spawn_app_with};
use crate::verification_codes::newest_mail;

const DAY: i64 = 86_400_000;

async fn org(app: &TestApp, name: &str) -> String {
    let (s, o) = app
        .api_json(Method::POST, "/organizations", &json!({ "name": name }))
        .await;
    assert_eq!(s, 201, "{o}");
    o["id"].as_str().unwrap().to_string()
}

async fn role(app: &TestApp, name: &str) -> String {
    let (s, r) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({ "name": name }),
        )
        .await;
    assert_eq!(s, 201, "{r}");
    r["id"].as_str().unwrap().to_string()
}

async fn invite(app: &TestApp, body: Value) -> (u16, Value) {
    app.api_json(Method::POST, "/organization-invitations", &body)
        .await
}

fn code(body: &Value) -> &str {
    body["code"].as_str().unwrap_or_default()
}

fn mails(dir: &Path, to: &str) -> usize {
    std::fs::read_to_string(dir.join("outbox.jsonl"))
        .map(|t| {
            t.lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .filter(|m| m["to"] == to)
                .count()
        })
        .unwrap_or(0)
}

both_backends!(invitations_follow_logto, invitations_impl);
async fn invitations_impl(backend: Backend) {
    let outbox = tempfile::tempdir().unwrap();
    let dir = outbox.path().to_string_lossy().into_owned();
    let Some(app) = spawn_app_pinned_with(backend, |s| s.email.outbox_dir = dir).await else {
        return;
    };
    let path = outbox.path().to_path_buf();
    let now = app.state.clock.now_ms();
    let acme = org(&app, "Acme").await;
    let other = org(&app, "Other").await;
    let viewer = role(&app, "viewer").await;
    let admin = role(&app, "admin").await;
    let (_, inviter) = app
        .api_json(
            Method::POST,
            "/users",
            &json!({ "username": "boss", "name": "Bo Boss", "primaryEmail": "boss@acme.test" }),
        )
        .await;
    let inviter = inviter["id"].as_str().unwrap().to_string();

    // Created without an email: Pending, roles by name, no mail.
    let (s, inv) = invite(
        &app,
        json!({ "invitee": "Pat@Example.com", "organizationId": acme, "inviterId": inviter,
                "expiresAt": now + DAY, "organizationRoleIds": [viewer, admin] }),
    )
    .await;
    assert_eq!(s, 201, "{inv}");
    assert_eq!(inv["status"], "Pending");
    assert_eq!(inv["invitee"], "Pat@Example.com");
    assert_eq!(inv["inviterId"], inviter.as_str());
    assert_eq!(inv["acceptedUserId"], Value::Null);
    let names: Vec<&str> = inv["organizationRoles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["admin", "viewer"]);
    let id = inv["id"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 21);
    assert_eq!(
        mails(&path, "pat@example.com") + mails(&path, "Pat@Example.com"),
        0
    );
    let (s, got) = app
        .api_get(&format!("/organization-invitations/{id}"))
        .await;
    assert_eq!((s, &got), (200, &inv));

    // Refusals, in Logto's codes.
    for (body, status, expected) in [
        (
            json!({ "invitee": "Pat@Example.com", "organizationId": acme, "expiresAt": now + DAY }),
            422,
            "entity.unique_integrity_violation",
        ),
        (
            json!({ "invitee": "new@example.com", "organizationId": acme, "expiresAt": now - 1 }),
            400,
            "request.invalid_input",
        ),
        (
            json!({ "invitee": "invalid", "organizationId": acme, "expiresAt": now + DAY }),
            400,
            "guard.invalid_input",
        ),
        (
            json!({ "invitee": "new@example.com", "organizationId": "invalid", "expiresAt": now + DAY }),
            422,
            "entity.relation_foreign_key_not_found",
        ),
        (
            json!({ "invitee": "new@example.com", "organizationId": acme, "expiresAt": now + DAY,
                    "organizationRoleIds": ["nope"] }),
            422,
            "entity.relation_foreign_key_not_found",
        ),
        (
            json!({ "invitee": "new@example.com", "organizationId": acme, "expiresAt": now + DAY,
                    "messagePayload": "yes" }),
            400,
            "guard.invalid_input",
        ),
    ] {
        let (s, res) = invite(&app, body.clone()).await;
        assert_eq!((s, code(&res)), (status, expected), "{body}: {res}");
    }
    // Invitees are users: a machine-to-machine role is refused.
    let (_, robot) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({ "name": "robot", "type": "MachineToMachine" }),
        )
        .await;
    let (s, res) = invite(
        &app,
        json!({ "invitee": "new@example.com", "organizationId": acme, "expiresAt": now + DAY,
                "organizationRoleIds": [robot["id"]] }),
    )
    .await;
    assert_eq!((s, code(&res)), (422, "request.invalid_input"), "{res}");
    // Nothing half-written by the refused role.
    let (_, listed) = app
        .api_get("/organization-invitations?invitee=new@example.com")
        .await;
    assert_eq!(listed, json!([]));
    // The same address may be invited to another organization.
    let (s, _) = invite(
        &app,
        json!({ "invitee": "pat@example.com", "organizationId": other, "expiresAt": now + DAY }),
    )
    .await;
    assert_eq!(s, 201);
    // A member already: refused.
    let (_, member) = app
        .api_json(
            Method::POST,
            "/users",
            &json!({ "username": "mem", "primaryEmail": "mem@example.com" }),
        )
        .await;
    let member = member["id"].as_str().unwrap().to_string();
    app.api_json(
        Method::POST,
        &format!("/organizations/{acme}/users"),
        &json!({ "userIds": [member] }),
    )
    .await;
    let (s, res) = invite(
        &app,
        json!({ "invitee": "mem@example.com", "organizationId": acme, "expiresAt": now + DAY }),
    )
    .await;
    assert_eq!((s, code(&res)), (422, "request.invalid_input"), "{res}");

    app.state.clock.advance(10);
    // With an email: the OrganizationInvitation template with the organization, the inviter
    // and the caller's link.
    let (s, sent) = invite(
        &app,
        json!({ "invitee": "sam@example.com", "organizationId": acme, "inviterId": inviter,
                "expiresAt": now + DAY, "messagePayload": { "link": "https://app.test/join?x=1" } }),
    )
    .await;
    assert_eq!(s, 201, "{sent}");
    let mail = newest_mail(&path, "sam@example.com").await;
    assert_eq!(mail["templateType"], "OrganizationInvitation");
    assert_eq!(mail["payload"]["link"], "https://app.test/join?x=1");
    assert_eq!(mail["payload"]["organization"]["name"], "Acme");
    assert_eq!(mail["payload"]["inviter"]["name"], "Bo Boss");
    assert!(
        mail["text"]
            .as_str()
            .unwrap()
            .contains("Bo Boss invites you to join Acme")
    );
    assert!(
        mail["html"]
            .as_str()
            .unwrap()
            .contains("https://app.test/join?x=1")
    );
    let sam = sent["id"].as_str().unwrap().to_string();
    // Resend with another link; nine more sends fill the address's ten, the next is 429.
    let resend = |link: &'static str| {
        let app = &app;
        let sam = sam.clone();
        async move {
            app.api_json(
                Method::POST,
                &format!("/organization-invitations/{sam}/message"),
                &json!({ "link": link }),
            )
            .await
        }
    };
    let (s, body) = resend("https://app.test/again").await;
    assert_eq!(s, 204, "{body}");
    for _ in 0..50 {
        if newest_mail(&path, "sam@example.com").await["payload"]["link"]
            == "https://app.test/again"
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        newest_mail(&path, "sam@example.com").await["payload"]["link"],
        "https://app.test/again"
    );
    for _ in 0..8 {
        assert_eq!(resend("https://app.test/more").await.0, 204);
    }
    let (s, body) = resend("https://app.test/too-many").await;
    assert_eq!(
        (s, code(&body)),
        (429, "request.message_rate_limited"),
        "{body}"
    );
    let (s, body) = app
        .api_json(
            Method::POST,
            "/organization-invitations/nope/message",
            &json!({}),
        )
        .await;
    assert_eq!((s, code(&body)), (404, "entity.not_found"));

    // Filters: organization, inviter, invitee in any case; newest first, no pagination.
    let (_, by_org) = app
        .api_get(&format!("/organization-invitations?organizationId={acme}"))
        .await;
    let ids: Vec<&str> = by_org
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [sam.as_str(), id.as_str()]);
    let (_, by_invitee) = app
        .api_get("/organization-invitations?invitee=PAT@EXAMPLE.COM")
        .await;
    assert_eq!(by_invitee.as_array().unwrap().len(), 2);
    let (_, by_inviter) = app
        .api_get(&format!("/organization-invitations?inviterId={inviter}"))
        .await;
    assert_eq!(by_inviter.as_array().unwrap().len(), 2);

    // Accepting: the acceptedUserId first, then the invitation's state and the user.
    let status = |id: String, body: Value| {
        let app = &app;
        async move {
            app.api_json(
                Method::PUT,
                &format!("/organization-invitations/{id}/status"),
                &body,
            )
            .await
        }
    };
    let (s, body) = status(id.clone(), json!({ "status": "Accepted" })).await;
    assert_eq!((s, code(&body)), (422, "request.invalid_input"), "{body}");
    let (s, body) = status("nope".into(), json!({ "status": "Revoked" })).await;
    assert_eq!((s, code(&body)), (404, "entity.not_found"), "{body}");
    let (s, body) = status(id.clone(), json!({ "status": "Pending" })).await;
    assert_eq!((s, code(&body)), (400, "guard.invalid_input"), "{body}");
    let (s, body) = status(
        id.clone(),
        json!({ "status": "Accepted", "acceptedUserId": "nope" }),
    )
    .await;
    assert_eq!((s, code(&body)), (404, "entity.not_found"), "{body}");
    let (s, body) = status(
        id.clone(),
        json!({ "status": "Accepted", "acceptedUserId": member }),
    )
    .await;
    assert_eq!(
        (s, code(&body)),
        (422, "request.invalid_input"),
        "another email: {body}"
    );
    let (_, pat) = app
        .api_json(
            Method::POST,
            "/users",
            &json!({ "username": "pat", "primaryEmail": "pat@example.com" }),
        )
        .await;
    let pat = pat["id"].as_str().unwrap().to_string();
    let (s, accepted) = status(
        id.clone(),
        json!({ "status": "Accepted", "acceptedUserId": pat }),
    )
    .await;
    assert_eq!(s, 200, "{accepted}");
    assert_eq!(accepted["status"], "Accepted");
    assert_eq!(accepted["acceptedUserId"], pat.as_str());
    let (_, roles) = app
        .api_get(&format!("/organizations/{acme}/users/{pat}/roles"))
        .await;
    let mut role_ids: Vec<&str> = roles
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    role_ids.sort_unstable();
    let mut expected = vec![viewer.as_str(), admin.as_str()];
    expected.sort_unstable();
    assert_eq!(role_ids, expected);
    // Ended: no change any more.
    let (s, body) = status(id.clone(), json!({ "status": "Revoked" })).await;
    assert_eq!((s, code(&body)), (422, "request.invalid_input"), "{body}");

    // Revoked, then nothing; expiry is read as Expired and ends the invitation too.
    let (s, revoked) = status(sam.clone(), json!({ "status": "Revoked" })).await;
    assert_eq!((s, revoked["status"].as_str()), (200, Some("Revoked")));
    let (_, soon) = invite(
        &app,
        json!({ "invitee": "late@example.com", "organizationId": acme, "expiresAt": now + 1000 }),
    )
    .await;
    let soon = soon["id"].as_str().unwrap().to_string();
    app.state.clock.advance(2000);
    let (_, late) = app
        .api_get(&format!("/organization-invitations/{soon}"))
        .await;
    assert_eq!(late["status"], "Expired");
    let (s, body) = status(soon.clone(), json!({ "status": "Revoked" })).await;
    assert_eq!((s, code(&body)), (422, "request.invalid_input"), "{body}");
    // A new invitation to the same address is allowed once the old one expired.
    let (s, again) = invite(
        &app,
        json!({ "invitee": "late@example.com", "organizationId": acme,
                "expiresAt": app.state.clock.now_ms() + DAY }),
    )
    .await;
    assert_eq!(s, 201, "{again}");

    // Delete.
    let (s, _) = app
        .api_json(
            Method::DELETE,
            &format!("/organization-invitations/{soon}"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 204);
    let (s, body) = app
        .api_get(&format!("/organization-invitations/{soon}"))
        .await;
    assert_eq!((s, code(&body)), (404, "entity.not_found"));
    let (s, _) = app
        .api_json(
            Method::DELETE,
            &format!("/organization-invitations/{soon}"),
            &json!({}),
        )
        .await;
    assert_eq!(s, 404);
}

both_backends!(invitation_email_needs_a_transport, no_transport_impl);
async fn no_transport_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.email.transport = "disabled".into()).await else {
        return;
    };
    let acme = org(&app, "Acme").await;
    let now = app.state.clock.now_ms();
    let (s, res) = invite(
        &app,
        json!({ "invitee": "x@example.com", "organizationId": acme, "expiresAt": now + DAY,
                "messagePayload": { "link": "https://app.test" } }),
    )
    .await;
    assert_eq!((s, code(&res)), (501, "connector.not_found"), "{res}");
    let (_, listed) = app.api_get("/organization-invitations").await;
    assert_eq!(listed, json!([]), "nothing written");
    let (s, _) = invite(
        &app,
        json!({ "invitee": "x@example.com", "organizationId": acme, "expiresAt": now + DAY,
                "messagePayload": false }),
    )
    .await;
    assert_eq!(s, 201);
}
