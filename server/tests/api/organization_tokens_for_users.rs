//! Organization tokens for users: the refresh token exchanged with `organization_id` (Logto's
//! `packages/core/src/oidc/grants/refresh-token.ts`), for the organization itself or for an API
//! in its context, with membership, scope and MFA checks.

use reqwest::Method;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app, verify_jwt};
use crate::people::*;

/// An organization with a User role holding `read:docs` (organization permission) and
/// `write:api` on an API resource; returns (org id, role id, resource indicator).
async fn organization_with_role(app: &TestApp, name: &str) -> (String, String, String) {
    let org = app.create_org(name).await;
    let org_id = org["id"].as_str().unwrap().to_string();
    let (_, scope) = app
        .api_json(
            Method::POST,
            "/organization-scopes",
            &json!({ "name": format!("read:{name}") }),
        )
        .await;
    let indicator = format!("https://{name}.example/api");
    let (status, resource) = app
        .api_json(
            Method::POST,
            "/resources",
            &json!({ "name": name, "indicator": indicator }),
        )
        .await;
    assert_eq!(status, 201, "{resource}");
    let resource_id = resource["id"].as_str().unwrap();
    let (status, api_scope) = app
        .api_json(
            Method::POST,
            &format!("/resources/{resource_id}/scopes"),
            &json!({ "name": "write:api" }),
        )
        .await;
    assert_eq!(status, 201, "{api_scope}");
    let (status, role) = app
        .api_json(
            Method::POST,
            "/organization-roles",
            &json!({
                "name": format!("member-{name}"),
                "organizationScopeIds": [scope["id"]],
                "resourceScopeIds": [api_scope["id"]],
            }),
        )
        .await;
    assert_eq!(status, 201, "{role}");
    (org_id, role["id"].as_str().unwrap().to_string(), indicator)
}

async fn add_member(app: &TestApp, org_id: &str, user_id: &str, role_id: &str) {
    let (status, body) = app
        .api_json(
            Method::POST,
            &format!("/organizations/{org_id}/users"),
            &json!({ "userIds": [user_id] }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = app
        .api_json(
            Method::POST,
            &format!("/organizations/{org_id}/users/{user_id}/roles"),
            &json!({ "organizationRoleIds": [role_id] }),
        )
        .await;
    assert_eq!(status, 201, "{body}");
}

both_backends!(
    issues_organization_tokens_to_members,
    organization_tokens_impl
);
async fn organization_tokens_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user_id = create_user(&app, "carol").await;
    let (org_a, role_a, indicator_a) = organization_with_role(&app, "alpha").await;
    let (org_b, _, _) = organization_with_role(&app, "beta").await;
    add_member(&app, &org_a, &user_id, &role_a).await;

    let b = browser();
    let code = sign_in_for_code(
        &app,
        &b,
        &client_id,
        "carol",
        &format!("{ORG_SCOPES} read:alpha write:api"),
        &[("resource", "urn:logto:resource:organizations")],
    )
    .await;
    let (status, tokens) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let id = verify_id_token(&app, tokens["id_token"].as_str().unwrap(), &client_id).await;
    assert_eq!(id["organizations"], json!([org_a]));
    assert_eq!(
        id["organization_roles"],
        json!([format!("{org_a}:member-alpha")])
    );
    assert!(
        id.get("organization_data").is_none(),
        "not in ID tokens by default"
    );
    let mut rt = tokens["refresh_token"].as_str().unwrap().to_string();

    // An organization token, as `getOrganizationToken(orgId)` asks for it.
    let (status, org_token) = refresh(&app, &client_id, &rt, &[("organization_id", &org_a)]).await;
    assert_eq!(status, 200, "{org_token}");
    assert_eq!(org_token["expires_in"], 3600);
    assert_eq!(org_token["scope"], "read:alpha");
    let claims = verify_jwt(
        &app,
        org_token["access_token"].as_str().unwrap(),
        &format!("urn:logto:organization:{org_a}"),
    )
    .await;
    assert_eq!(claims["sub"], user_id.as_str());
    assert_eq!(claims["client_id"], client_id.as_str());
    assert_eq!(claims["scope"], "read:alpha");
    // Public clients rotate: the old refresh token is spent.
    let next = org_token["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(next, rt);
    rt = next;

    // A member of A never gets a token for B (nor for an organization that does not exist).
    for other in [org_b.as_str(), "no-such-org"] {
        let (status, body) = refresh(&app, &client_id, &rt, &[("organization_id", other)]).await;
        assert_eq!(status, 403, "{body}");
        assert_eq!(body["error"], "access_denied");
        assert_eq!(
            body["error_description"],
            "user is not a member of the organization"
        );
    }

    // An API token in the organization's context carries organization_id.
    let (status, api_token) = refresh(
        &app,
        &client_id,
        &rt,
        &[("organization_id", &org_a), ("resource", &indicator_a)],
    )
    .await;
    // The API was not requested at authorization: invalid_target.
    assert_eq!(status, 400, "{api_token}");
    assert_eq!(api_token["error"], "invalid_target");

    // Requested scopes narrow the token; scopes beyond the refresh token are refused.
    let (status, body) = refresh(
        &app,
        &client_id,
        &rt,
        &[("organization_id", &org_a), ("scope", "openid")],
    )
    .await;
    assert_eq!((status, body["scope"].as_str()), (200, Some("")), "{body}");
    rt = body["refresh_token"].as_str().unwrap().to_string();
    let (status, body) = refresh(
        &app,
        &client_id,
        &rt,
        &[("organization_id", &org_a), ("scope", "read:beta")],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_scope")),
        "{body}"
    );

    // MFA required by the organization: refused until the user has a factor.
    let (status, _) = app
        .api_json(
            Method::PATCH,
            &format!("/organizations/{org_a}"),
            &json!({ "isMfaRequired": true }),
        )
        .await;
    assert_eq!(status, 200);
    let (status, body) = refresh(&app, &client_id, &rt, &[("organization_id", &org_a)]).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(
        body["error_description"],
        "organization requires MFA but user has no MFA configured"
    );
    let (status, totp) = app
        .api_json(
            Method::POST,
            &format!("/users/{user_id}/mfa-verifications"),
            &json!({ "type": "Totp" }),
        )
        .await;
    assert_eq!(status, 200, "{totp}");
    assert!(totp["secret"].as_str().unwrap().len() >= 16);
    let (status, again) = app
        .api_json(
            Method::POST,
            &format!("/users/{user_id}/mfa-verifications"),
            &json!({ "type": "Totp" }),
        )
        .await;
    assert_eq!(
        (status, again["code"].as_str()),
        (422, Some("user.totp_already_in_use"))
    );
    let (status, body) = refresh(&app, &client_id, &rt, &[("organization_id", &org_a)]).await;
    assert_eq!(status, 200, "{body}");
    rt = body["refresh_token"].as_str().unwrap().to_string();

    // Live: removing the member takes effect on the next exchange.
    let res = app
        .api(
            Method::DELETE,
            &format!("/organizations/{org_a}/users/{user_id}"),
        )
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let (status, body) = refresh(&app, &client_id, &rt, &[("organization_id", &org_a)]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("access_denied")),
        "{body}"
    );

    // A plain refresh still works; presenting a spent refresh token revokes the grant.
    let (status, body) = refresh(&app, &client_id, &rt, &[]).await;
    assert_eq!(status, 200, "{body}");
    let newest = body["refresh_token"].as_str().unwrap().to_string();
    let (status, body) = refresh(&app, &client_id, &rt, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "{body}"
    );
    let (status, body) = refresh(&app, &client_id, &newest, &[]).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid_grant")),
        "reuse revoked the whole grant: {body}"
    );
}

both_backends!(refresh_without_organizations_scope, insufficient_scope_impl);
async fn insufficient_scope_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user_id = create_user(&app, "dave").await;
    let (org, role, indicator) = organization_with_role(&app, "gamma").await;
    add_member(&app, &org, &user_id, &role).await;
    let code = sign_in_for_code(
        &app,
        &browser(),
        &client_id,
        "dave",
        "openid offline_access write:api",
        &[("resource", &indicator)],
    )
    .await;
    let (status, tokens) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let rt = tokens["refresh_token"].as_str().unwrap();
    let (status, body) = refresh(&app, &client_id, rt, &[("organization_id", &org)]).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["error"], "insufficient_scope");
    assert_eq!(
        body["error_description"],
        "refresh token missing required scope"
    );
    assert_eq!(body["scope"], "urn:logto:scope:organizations");

    // A resource token: the API permissions from the user's roles (none globally) …
    let (status, body) = refresh(&app, &client_id, rt, &[("resource", &indicator)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "");
    let claims = verify_jwt(&app, body["access_token"].as_str().unwrap(), &indicator).await;
    assert!(claims.get("organization_id").is_none());
}

both_backends!(api_tokens_in_an_organization, organization_api_token_impl);
async fn organization_api_token_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let user_id = create_user(&app, "kim").await;
    let (org, role, indicator) = organization_with_role(&app, "zeta").await;
    let (other_org, _, _) = organization_with_role(&app, "eta").await;
    add_member(&app, &org, &user_id, &role).await;
    let code = sign_in_for_code(
        &app,
        &browser(),
        &client_id,
        "kim",
        &format!("{ORG_SCOPES} write:api"),
        &[("resource", &indicator)],
    )
    .await;
    // The code exchanged straight for the API: no global role holds write:api.
    let (status, tokens) = exchange(&app, &client_id, &code, &[("resource", &indicator)]).await;
    assert_eq!(status, 200, "{tokens}");
    assert_eq!(tokens["scope"], "");
    let rt = tokens["refresh_token"].as_str().unwrap().to_string();
    // In the organization, the member's role grants it; the token says which organization.
    let (status, body) = refresh(
        &app,
        &client_id,
        &rt,
        &[("organization_id", &org), ("resource", &indicator)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["scope"], "write:api");
    let claims = verify_jwt(&app, body["access_token"].as_str().unwrap(), &indicator).await;
    assert_eq!(claims["organization_id"], org.as_str());
    assert_eq!(claims["scope"], "write:api");
    let rt = body["refresh_token"].as_str().unwrap().to_string();
    // Not for an organization the user is not in.
    let (status, body) = refresh(
        &app,
        &client_id,
        &rt,
        &[("organization_id", &other_org), ("resource", &indicator)],
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (403, Some("access_denied")),
        "{body}"
    );
    // An opaque userinfo token past its expiry is refused.
    let now = app.state.clock.now_ms();
    let found = app
        .store
        .refresh_token_find(&server::domain::secrets::digest_hex(&rt))
        .await
        .unwrap()
        .unwrap();
    let stale = server::domain::secrets::generate();
    app.store
        .access_token_insert(
            "default",
            &found.grant.id,
            &server::domain::secrets::digest_hex(&stale),
            "openid profile",
            now - 1,
        )
        .await
        .unwrap();
    let res = app
        .client
        .get(app.url("/oidc/me"))
        .bearer_auth(&stale)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
}
