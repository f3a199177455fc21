//! Just-in-time provisioning settings (Logto's `packages/core/src/routes/organization/jit/`) and
//! `/api/sso-connectors`.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, field, read, spawn_app};

both_backends!(jit_settings, jit_settings_impl);
async fn jit_settings_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Acme").await;
    let org_id = org["id"].as_str().unwrap();
    let base = format!("/organizations/{org_id}/jit");

    // Email domains: lower-cased, unique, replaceable.
    let added = app
        .create(
            &format!("{base}/email-domains"),
            json!({ "emailDomain": "Acme.COM" }),
        )
        .await;
    assert_eq!(
        added,
        json!({ "tenantId": "default", "organizationId": org_id, "emailDomain": "acme.com" })
    );
    let code = app
        .error_code(
            Method::POST,
            &format!("{base}/email-domains"),
            json!({ "emailDomain": "acme.com" }),
            422,
        )
        .await;
    assert_eq!(code, "entity.unique_integrity_violation");
    let code = app
        .error_code(
            Method::POST,
            "/organizations/nope/jit/email-domains",
            json!({ "emailDomain": "x.com" }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");
    let code = app
        .error_code(
            Method::POST,
            &format!("{base}/email-domains"),
            json!({ "emailDomain": "" }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");
    let status = app
        .status_of(
            Method::PUT,
            &format!("{base}/email-domains"),
            json!({ "emailDomains": ["acme.com", "Example.org"] }),
        )
        .await;
    assert_eq!(status, 204);
    let domains = app.get_ok(&format!("{base}/email-domains")).await;
    let mut names = field(&domains, "emailDomain");
    names.sort();
    assert_eq!(names, ["acme.com", "example.org"]);
    assert_eq!(
        app.delete(&format!("{base}/email-domains/EXAMPLE.org"))
            .await
            .0,
        204
    );
    assert_eq!(
        app.delete(&format!("{base}/email-domains/example.org"))
            .await
            .0,
        404
    );

    // Default roles: User roles only.
    let member = app
        .create("/organization-roles", json!({ "name": "member" }))
        .await;
    let member_id = member["id"].as_str().unwrap();
    let machine = app
        .create(
            "/organization-roles",
            json!({ "name": "machine", "type": "MachineToMachine" }),
        )
        .await;
    let status = app
        .status_of(
            Method::POST,
            &format!("{base}/roles"),
            json!({ "organizationRoleIds": [member_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let code = app
        .error_code(
            Method::POST,
            &format!("{base}/roles"),
            json!({ "organizationRoleIds": [machine["id"]] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.db_constraint_violated");
    let roles = app.get_ok(&format!("{base}/roles")).await;
    assert_eq!(field(&roles, "name"), ["member"]);
    assert_eq!(roles[0]["type"], "User");
    let (status, _) = app.api_get("/organizations/nope/jit/roles").await;
    assert_eq!(status, 404);

    // SSO connectors: secrets never echoed, config merged on PATCH.
    let connector = app
        .create(
            "/sso-connectors",
            json!({
                "providerName": "OIDC",
                "connectorName": "Okta",
                "config": { "clientId": "abc", "clientSecret": "s3cret", "issuer": "https://idp" },
                "domains": ["acme.com"],
            }),
        )
        .await;
    assert_eq!(
        connector["config"],
        json!({ "clientId": "abc", "issuer": "https://idp" })
    );
    assert!(!connector.to_string().contains("s3cret"));
    assert_eq!(connector["domains"], json!(["acme.com"]));
    let connector_id = connector["id"].as_str().unwrap();
    let code = app
        .error_code(
            Method::POST,
            "/sso-connectors",
            json!({ "providerName": "OIDC", "connectorName": "Okta" }),
            422,
        )
        .await;
    assert_eq!(code, "single_sign_on.duplicate_connector_name");
    let code = app
        .error_code(
            Method::POST,
            "/sso-connectors",
            json!({ "providerName": "LDAP", "connectorName": "x" }),
            400,
        )
        .await;
    assert_eq!(code, "guard.invalid_input");
    let (status, patched) = app
        .api_json(
            Method::PATCH,
            &format!("/sso-connectors/{connector_id}"),
            &json!({ "config": { "clientId": "xyz" }, "connectorName": "Okta SSO" }),
        )
        .await;
    assert_eq!(status, 200, "{patched}");
    assert_eq!(
        patched["config"],
        json!({ "clientId": "xyz", "issuer": "https://idp" })
    );
    let stored = app
        .store
        .sso_connector_find_by_id("default", connector_id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.config.contains("s3cret"),
        "the secret survives a PATCH"
    );
    let list = app.get_ok("/sso-connectors").await;
    assert_eq!(field(&list, "connectorName"), ["Okta SSO"]);

    let path = format!("{base}/sso-connectors");
    let status = app
        .status_of(
            Method::POST,
            &path,
            json!({ "ssoConnectorIds": [connector_id] }),
        )
        .await;
    assert_eq!(status, 201);
    let linked = app.get_ok(&path).await;
    assert_eq!(field(&linked, "id"), [connector_id]);
    assert!(!linked.to_string().contains("s3cret"));
    let code = app
        .error_code(
            Method::POST,
            &path,
            json!({ "ssoConnectorIds": ["nope"] }),
            422,
        )
        .await;
    assert_eq!(code, "entity.relation_foreign_key_not_found");

    // Deleting a connector unlinks it; deleting the organization clears its settings.
    assert_eq!(
        app.delete(&format!("/sso-connectors/{connector_id}"))
            .await
            .0,
        204
    );
    assert_eq!(app.get_ok(&path).await, json!([]));
    let (status, body) = app
        .api_get(&format!("/sso-connectors/{connector_id}"))
        .await;
    assert_eq!(
        (status, body["code"].clone()),
        (404, json!("entity.not_exists_with_id"))
    );
    assert_eq!(app.delete(&format!("/organizations/{org_id}")).await.0, 204);
    let res = app
        .api(Method::GET, &format!("{base}/email-domains"))
        .await
        .send()
        .await
        .unwrap();
    let (status, body) = read(res).await;
    assert_eq!((status, body), (200, Value::Array(vec![])));
}
