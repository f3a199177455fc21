//! `/api/applications`: create with a one-time secret, get, list, delete.

use reqwest::Method;
use serde_json::json;
use server::domain::secrets;
use server::storage::DEFAULT_TENANT;

use crate::both_backends;
use crate::helpers::{BOOTSTRAP_ID, Backend, read, spawn_app};

both_backends!(application_routes, application_routes_impl);
async fn application_routes_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, created) = app
        .api_json(
            Method::POST,
            "/applications",
            &json!({ "name": "Billing sync", "type": "MachineToMachine", "description": "nightly" }),
        )
        .await;
    assert_eq!(status, 200, "{created}");
    let id = created["id"].as_str().unwrap().to_string();
    let secret = created["secret"].as_str().unwrap().to_string();
    assert_eq!(id.len(), 21);
    assert_eq!(secret.len(), 32);
    assert_eq!(created["type"], "MachineToMachine");
    assert_eq!(created["tenantId"], "default");
    assert_eq!(
        created["oidcClientMetadata"],
        json!({ "redirectUris": [], "postLogoutRedirectUris": [] })
    );

    // Stored as a digest only; never returned again.
    let (_, stored) = app
        .store
        .application_with_secrets(DEFAULT_TENANT, &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].digest, secret);
    assert_eq!(stored[0].digest, secrets::digest_hex(&secret));
    let (status, got) = app.api_get(&format!("/applications/{id}")).await;
    assert_eq!(status, 200);
    assert!(got.get("secret").is_none());
    assert_eq!(got["name"], "Billing sync");

    let (_, spa) = app
        .api_json(
            Method::POST,
            "/applications",
            &json!({ "name": "Web", "type": "SPA" }),
        )
        .await;
    assert_eq!(spa["secret"], serde_json::Value::Null);

    // Without pagination parameters: everything, no headers.
    let res = app
        .api(Method::GET, "/applications")
        .await
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("total-number").is_none());
    let (_, all) = read(res).await;
    let ids: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [BOOTSTRAP_ID, id.as_str(), spa["id"].as_str().unwrap()]
    );
    let (_, m2m) = app.api_get("/applications?types=MachineToMachine").await;
    assert_eq!(m2m.as_array().unwrap().len(), 2);
    let (_, both) = app
        .api_get("/applications?types=SPA&types=MachineToMachine&q=billing")
        .await;
    assert_eq!(both.as_array().unwrap().len(), 1);
    let res = app
        .api(Method::GET, "/applications?page=1&page_size=1")
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["total-number"], "3");
    let (status, err) = app.api_get("/applications?types=Nope").await;
    assert_eq!(status, 400);
    assert_eq!(err["code"], "guard.invalid_input");

    for body in [
        json!({}),
        json!({ "name": "x" }),
        json!({ "name": "x", "type": "Robot" }),
        json!({ "name": "", "type": "SPA" }),
    ] {
        let (status, err) = app.api_json(Method::POST, "/applications", &body).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(err["code"], "guard.invalid_input");
    }

    let res = app
        .api(Method::DELETE, &format!("/applications/{id}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let (status, err) = app.api_get(&format!("/applications/{id}")).await;
    assert_eq!(status, 404);
    assert_eq!(err["code"], "entity.not_exists_with_id");
    let res = app
        .api(Method::DELETE, &format!("/applications/{id}"))
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
