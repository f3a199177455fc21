//! `GET /api/users/:id/organizations` and `GET /api/applications/:id/organizations` are served
//! from a per-replica copy while nothing they show has changed. These scenarios read through one
//! replica and change through another, so only the database can tell the first one what
//! changed: every kind of change must show on the next read.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, field, spawn_app};

async fn id_of(app: &TestApp, path: &str, body: Value) -> String {
    app.create(path, body).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `(organization name, [role names])` of a member's list.
async fn shown(app: &TestApp, path: &str) -> Vec<(String, Vec<String>)> {
    let list = app.get_ok(path).await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|org| {
            let roles = field(&org["organizationRoles"], "name");
            (
                org["name"].as_str().unwrap().to_string(),
                roles.into_iter().map(str::to_string).collect(),
            )
        })
        .collect()
}

fn expect(items: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    items
        .iter()
        .map(|(org, roles)| {
            (
                org.to_string(),
                roles.iter().map(|r| r.to_string()).collect(),
            )
        })
        .collect()
}

both_backends!(user_list_follows_changes, user_list_follows_changes_impl);
async fn user_list_follows_changes_impl(backend: Backend) {
    let Some(reader) = spawn_app(backend).await else {
        return;
    };
    let writer = reader.replica().await;
    let alice = id_of(&writer, "/users", json!({ "username": "alice" })).await;
    let acme = id_of(&writer, "/organizations", json!({ "name": "Acme" })).await;
    let beta = id_of(&writer, "/organizations", json!({ "name": "Beta" })).await;
    let admin = id_of(
        &writer,
        "/organization-roles",
        json!({ "name": "admin", "type": "User" }),
    )
    .await;
    let viewer = id_of(
        &writer,
        "/organization-roles",
        json!({ "name": "viewer", "type": "User" }),
    )
    .await;
    let list = format!("/users/{alice}/organizations");
    let roles = format!("/organizations/{acme}/users/{alice}/roles");
    assert_eq!(shown(&reader, &list).await, expect(&[]));

    // Each step reads first, so that the reader holds the list the change must replace.
    writer
        .create(
            &format!("/organizations/{acme}/users"),
            json!({ "userIds": [alice] }),
        )
        .await;
    assert_eq!(shown(&reader, &list).await, expect(&[("Acme", &[])]));

    let status = writer
        .status_of(
            Method::POST,
            &roles,
            json!({ "organizationRoleIds": [admin] }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(shown(&reader, &list).await, expect(&[("Acme", &["admin"])]));

    // One role out and another in: the member still holds one role row.
    let status = writer
        .status_of(
            Method::PUT,
            &roles,
            json!({ "organizationRoleIds": [viewer] }),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(
        shown(&reader, &list).await,
        expect(&[("Acme", &["viewer"])])
    );

    let (status, _) = writer
        .api_json(
            Method::PATCH,
            &format!("/organizations/{acme}"),
            &json!({ "name": "Acme Corp" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        shown(&reader, &list).await,
        expect(&[("Acme Corp", &["viewer"])])
    );
    let (status, _) = writer
        .api_json(
            Method::PATCH,
            &format!("/organization-roles/{viewer}"),
            &json!({ "name": "reader" }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        shown(&reader, &list).await,
        expect(&[("Acme Corp", &["reader"])])
    );

    // Out of one organization and into another: the member still has one membership.
    let (status, _) = writer
        .delete(&format!("/organizations/{acme}/users/{alice}"))
        .await;
    assert_eq!(status, 204);
    writer
        .create(
            &format!("/organizations/{beta}/users"),
            json!({ "userIds": [alice] }),
        )
        .await;
    assert_eq!(shown(&reader, &list).await, expect(&[("Beta", &[])]));

    // Cascades: a deleted role, then a deleted organization.
    let status = writer
        .status_of(
            Method::PUT,
            &format!("/organizations/{beta}/users/{alice}/roles"),
            json!({ "organizationRoleIds": [admin] }),
        )
        .await;
    assert_eq!(status, 204);
    assert_eq!(shown(&reader, &list).await, expect(&[("Beta", &["admin"])]));
    let (status, _) = writer.delete(&format!("/organization-roles/{admin}")).await;
    assert_eq!(status, 204);
    assert_eq!(shown(&reader, &list).await, expect(&[("Beta", &[])]));
    let (status, _) = writer.delete(&format!("/organizations/{beta}")).await;
    assert_eq!(status, 204);
    assert_eq!(shown(&reader, &list).await, expect(&[]));

    // A deleted user has no list.
    let (status, _) = writer.delete(&format!("/users/{alice}")).await;
    assert_eq!(status, 204);
    let (status, body) = reader.api_get(&list).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (404, Some("entity.not_exists_with_id"))
    );
}

both_backends!(
    application_list_follows_changes,
    application_list_follows_changes_impl
);
async fn application_list_follows_changes_impl(backend: Backend) {
    let Some(reader) = spawn_app(backend).await else {
        return;
    };
    let writer = reader.replica().await;
    let robot = id_of(
        &writer,
        "/applications",
        json!({ "name": "robot", "type": "MachineToMachine" }),
    )
    .await;
    let acme = id_of(&writer, "/organizations", json!({ "name": "Acme" })).await;
    let machine = id_of(
        &writer,
        "/organization-roles",
        json!({ "name": "machine", "type": "MachineToMachine" }),
    )
    .await;
    let list = format!("/applications/{robot}/organizations");
    assert_eq!(shown(&reader, &list).await, expect(&[]));
    writer
        .create(
            &format!("/organizations/{acme}/applications"),
            json!({ "applicationIds": [robot] }),
        )
        .await;
    assert_eq!(shown(&reader, &list).await, expect(&[("Acme", &[])]));
    let status = writer
        .status_of(
            Method::POST,
            &format!("/organizations/{acme}/applications/{robot}/roles"),
            json!({ "organizationRoleIds": [machine] }),
        )
        .await;
    assert_eq!(status, 201);
    assert_eq!(
        shown(&reader, &list).await,
        expect(&[("Acme", &["machine"])])
    );
    // The paginated form reads the database directly and agrees.
    let page = reader.get_ok(&format!("{list}?page=1&page_size=5")).await;
    assert_eq!(page, reader.get_ok(&list).await);
}
