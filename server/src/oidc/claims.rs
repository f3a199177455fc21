//! Claims about the user, by granted scope (Logto's `packages/core/src/oidc/scope.ts`).
//! Userinfo gets every claim of the granted scopes; the ID token gets the standard ones and only
//! those extended claims the tenant's `idToken` config enables (default: roles, organizations,
//! organization_roles — not organization_data).

use serde_json::{Map, Value, json};

use crate::storage::{DEFAULT_TENANT, StorageError, Store, UserRow};

pub const ORGANIZATIONS_SCOPE: &str = "urn:logto:scope:organizations";
pub const ORGANIZATION_ROLES_SCOPE: &str = "urn:logto:scope:organization_roles";

pub const SUPPORTED_SCOPES: [&str; 10] = [
    "openid",
    "offline_access",
    "profile",
    "email",
    "phone",
    "custom_data",
    "identities",
    "roles",
    ORGANIZATIONS_SCOPE,
    ORGANIZATION_ROLES_SCOPE,
];

pub const SUPPORTED_CLAIMS: [&str; 21] = [
    "sub",
    "iss",
    "aud",
    "exp",
    "iat",
    "auth_time",
    "nonce",
    "at_hash",
    "name",
    "picture",
    "username",
    "created_at",
    "updated_at",
    "email",
    "email_verified",
    "phone_number",
    "phone_number_verified",
    "custom_data",
    "roles",
    "organizations",
    "organization_roles",
];

/// Claims that only reach the ID token when the tenant's `idToken` config lists them.
const EXTENDED: [&str; 6] = [
    "custom_data",
    "identities",
    "roles",
    "organizations",
    "organization_roles",
    "organization_data",
];

/// Which token the claims are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience<'a> {
    /// With the extended claims the tenant's `idToken` config enables.
    IdToken(&'a [String]),
    Userinfo,
}

/// The claims of `scopes` about `user`, read live.
pub async fn for_user(
    store: &Store,
    user: &UserRow,
    scopes: &[&str],
    audience: Audience<'_>,
) -> Result<Map<String, Value>, StorageError> {
    let has = |s: &str| scopes.contains(&s);
    let enabled: Vec<String> = match audience {
        Audience::Userinfo => EXTENDED.iter().map(|s| s.to_string()).collect(),
        Audience::IdToken(enabled) => enabled.to_vec(),
    };
    let wants = |claim: &str| enabled.iter().any(|c| c == claim);
    let mut out = Map::new();
    out.insert("sub".into(), json!(user.id));
    if has("profile") {
        out.insert("name".into(), json!(user.name));
        out.insert("picture".into(), json!(user.avatar));
        out.insert("username".into(), json!(user.username));
        out.insert("created_at".into(), json!(user.created_at));
        out.insert("updated_at".into(), json!(user.updated_at));
    }
    if has("email") {
        out.insert("email".into(), json!(user.primary_email));
        out.insert("email_verified".into(), json!(user.primary_email.is_some()));
    }
    if has("phone") {
        out.insert("phone_number".into(), json!(user.primary_phone));
        out.insert(
            "phone_number_verified".into(),
            json!(user.primary_phone.is_some()),
        );
    }
    if has("custom_data") && wants("custom_data") {
        let data: Value = serde_json::from_str(&user.custom_data).unwrap_or_else(|_| json!({}));
        out.insert("custom_data".into(), data);
    }
    if has("identities") && wants("identities") {
        let data: Value = serde_json::from_str(&user.identities).unwrap_or_else(|_| json!({}));
        out.insert("identities".into(), data);
    }
    if has("roles") && wants("roles") {
        let roles = store.user_role_names(DEFAULT_TENANT, &user.id).await?;
        out.insert("roles".into(), json!(roles));
    }
    let organizations =
        has(ORGANIZATIONS_SCOPE) && (wants("organizations") || wants("organization_data"));
    let organization_roles = has(ORGANIZATION_ROLES_SCOPE) && wants("organization_roles");
    if organizations || organization_roles {
        let rows = store
            .user_organization_claims(DEFAULT_TENANT, &user.id)
            .await?;
        let mut ids: Vec<&str> = Vec::new();
        let mut data: Vec<Value> = Vec::new();
        let mut roles: Vec<String> = Vec::new();
        for row in &rows {
            if ids.last() != Some(&row.organization_id.as_str()) {
                ids.push(&row.organization_id);
                data.push(json!({
                    "id": row.organization_id,
                    "name": row.name,
                    "description": row.description,
                }));
            }
            if let Some(role) = &row.role_name {
                roles.push(format!("{}:{role}", row.organization_id));
            }
        }
        if organizations && wants("organizations") {
            out.insert("organizations".into(), json!(ids));
        }
        if organizations && wants("organization_data") {
            out.insert("organization_data".into(), json!(data));
        }
        if organization_roles {
            out.insert("organization_roles".into(), json!(roles));
        }
    }
    Ok(out)
}
