//! Helpers shared by the security tests: calling console server functions as a signed-in
//! admin, and a call for every console port.

use crate::helpers::TestApp;

/// The built-in Management API resource and its single scope, which the console must not touch.
pub const MAPI_RESOURCE: &str = "management-api";
pub const MAPI_SCOPE: &str = "management-api-all";

pub use crate::console_client::{call, id_of, sign_in};

/// [`call`] with owned pairs, as [`port_calls`] builds them.
pub async fn call_owned(app: &TestApp, endpoint: &str, form: &[(String, String)]) -> (u16, String) {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    call(app, endpoint, &pairs).await
}

/// Every console server function except those that sign in and out, with arguments that
/// decode, built around `id` (and `other` for a second id).
pub fn port_calls(id: &str, other: &str) -> Vec<(&'static str, Vec<(String, String)>)> {
    let f = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let list = |id: &str| f(&[("id", id), ("q", ""), ("page", "1"), ("page_size", "20")]);
    vec![
        (
            "list_organizations",
            f(&[("q", ""), ("page", "1"), ("page_size", "20")]),
        ),
        (
            "create_organization",
            f(&[("name", id), ("description", "")]),
        ),
        ("get_organization", f(&[("id", id)])),
        (
            "update_organization",
            f(&[
                ("id", id),
                ("settings[name]", id),
                ("settings[description]", ""),
                ("settings[custom_data]", "{}"),
                ("settings[is_mfa_required]", "false"),
                ("settings[logo_url]", ""),
                ("settings[dark_logo_url]", ""),
                ("settings[primary_color]", "#4f46e5"),
                ("settings[dark_primary_color]", ""),
                ("settings[custom_css]", ""),
            ]),
        ),
        ("delete_organization", f(&[("id", id)])),
        (
            "list_applications",
            f(&[("page", "1"), ("page_size", "20")]),
        ),
        (
            "create_application",
            f(&[
                ("name", id),
                ("description", ""),
                ("app_type", "MachineToMachine"),
                ("management_api_access", "true"),
            ]),
        ),
        (
            "update_application",
            f(&[
                ("id", id),
                ("settings[name]", id),
                ("settings[description]", ""),
                ("settings[redirect_uris][0]", "https://a.example/cb"),
                ("settings[id_token_ttl]", "3600"),
                ("settings[refresh_token_ttl_in_days]", "14"),
                ("settings[rotate_refresh_token]", "true"),
                ("settings[always_issue_refresh_token]", "false"),
            ]),
        ),
        ("delete_application", f(&[("id", id)])),
        ("get_application", f(&[("id", id)])),
        (
            "application_organizations",
            f(&[("id", id), ("page", "1"), ("page_size", "20")]),
        ),
        ("list_resources", f(&[("page", "1"), ("page_size", "20")])),
        (
            "create_resource",
            f(&[("name", "n"), ("indicator", "https://api.example.com")]),
        ),
        ("get_resource", f(&[("id", id)])),
        ("delete_resource", f(&[("id", id)])),
        ("resource_scopes", f(&[("id", id)])),
        (
            "create_resource_scope",
            f(&[("id", id), ("name", "read"), ("description", id)]),
        ),
        (
            "delete_resource_scope",
            f(&[("id", id), ("scope_id", other)]),
        ),
        (
            "list_users",
            f(&[("q", id), ("page", "1"), ("page_size", "20")]),
        ),
        (
            "create_user",
            f(&[
                ("form[username]", "eve"),
                ("form[primary_email]", ""),
                ("form[name]", id),
                ("form[password]", ""),
            ]),
        ),
        ("get_user", f(&[("id", id)])),
        ("delete_user", f(&[("id", id)])),
        ("user_organizations", f(&[("id", id)])),
        (
            "list_organization_roles",
            f(&[
                ("q", id),
                ("role_type", ""),
                ("page", "1"),
                ("page_size", "20"),
            ]),
        ),
        (
            "create_organization_role",
            f(&[("name", id), ("description", id), ("role_type", "User")]),
        ),
        ("get_organization_role", f(&[("id", id)])),
        (
            "update_organization_role",
            f(&[("id", id), ("name", id), ("description", "")]),
        ),
        ("delete_organization_role", f(&[("id", id)])),
        ("organization_role_permissions", f(&[("id", id)])),
        (
            "assign_organization_role_permissions",
            f(&[
                ("id", id),
                ("scope_ids[0]", other),
                ("resource_scope_ids[0]", other),
            ]),
        ),
        (
            "remove_organization_role_permission",
            f(&[("id", id), ("scope_id", other), ("api", "true")]),
        ),
        (
            "list_organization_scopes",
            f(&[("q", id), ("page", "1"), ("page_size", "20")]),
        ),
        ("all_organization_scopes", f(&[])),
        ("all_resources_with_scopes", f(&[])),
        ("organization_roles_of_type", f(&[("role_type", "User")])),
        (
            "save_organization_scope",
            f(&[("id", id), ("name", id), ("description", "")]),
        ),
        (
            "save_organization_scope",
            f(&[("name", id), ("description", id)]),
        ),
        ("delete_organization_scope", f(&[("id", id)])),
        ("list_organization_users", list(id)),
        ("list_organization_applications", list(id)),
        ("users_outside_organization", f(&[("id", id), ("q", id)])),
        (
            "applications_outside_organization",
            f(&[("id", id), ("q", id)]),
        ),
        (
            "add_organization_members",
            f(&[
                ("id", id),
                ("member_kind", "users"),
                ("member_ids[0]", other),
                ("role_ids[0]", other),
            ]),
        ),
        (
            "add_organization_members",
            f(&[
                ("id", id),
                ("member_kind", "applications"),
                ("member_ids[0]", other),
            ]),
        ),
        (
            "set_organization_member_roles",
            f(&[
                ("id", id),
                ("member_kind", "users"),
                ("member_id", other),
                ("role_ids[0]", other),
            ]),
        ),
        (
            "remove_organization_member",
            f(&[
                ("id", id),
                ("member_kind", "applications"),
                ("member_id", other),
            ]),
        ),
        ("organization_jit", f(&[("id", id)])),
        ("add_jit_email_domain", f(&[("id", id), ("domain", other)])),
        (
            "remove_jit_email_domain",
            f(&[("id", id), ("domain", other)]),
        ),
        (
            "set_jit_relation",
            f(&[("id", id), ("relation", "roles"), ("ids[0]", other)]),
        ),
        (
            "set_jit_relation",
            f(&[
                ("id", id),
                ("relation", "sso-connectors"),
                ("ids[0]", other),
            ]),
        ),
        ("all_sso_connectors", f(&[])),
        (
            "update_user_profile",
            f(&[
                ("id", id),
                ("form[username]", "eve"),
                ("form[primary_email]", ""),
                ("form[primary_phone]", ""),
                ("form[name]", id),
                ("form[avatar]", ""),
            ]),
        ),
        (
            "set_user_password",
            f(&[("id", id), ("password", "long-enough-password")]),
        ),
        (
            "set_user_suspended",
            f(&[("id", id), ("suspended", "true")]),
        ),
        ("replace_user_custom_data", f(&[("id", id), ("json", "{}")])),
        ("user_roles", f(&[("id", id)])),
        ("assignable_user_roles", f(&[("id", id), ("q", other)])),
        (
            "assign_user_roles",
            f(&[("id", id), ("role_ids[0]", other)]),
        ),
        ("remove_user_role", f(&[("id", id), ("role_id", other)])),
        ("application_secrets", f(&[("id", id)])),
        (
            "add_application_secret",
            f(&[("id", id), ("name", other), ("expires_in_days", "30")]),
        ),
        (
            "delete_application_secret",
            f(&[("id", id), ("name", other)]),
        ),
        (
            "replace_application_custom_data",
            f(&[("id", id), ("json", "{}")]),
        ),
        ("organization_invitations", f(&[("id", id)])),
        (
            "invite_to_organization",
            f(&[("id", id), ("form[emails]", other), ("form[days]", "7")]),
        ),
        ("resend_invitation", f(&[("invitation_id", id)])),
        ("revoke_invitation", f(&[("invitation_id", id)])),
        ("sign_in_settings", f(&[])),
        (
            "save_sign_in_settings",
            f(&[
                ("form[sign_in_mode]", other),
                ("form[sign_up_identifier]", id),
                ("form[sign_up_password]", "true"),
                ("form[username_password]", "true"),
                ("form[email_password]", "false"),
                ("form[email_code]", "false"),
                ("form[forgot_password_email]", "false"),
                ("form[mail]", ""),
                ("form[mail_enabled]", "true"),
            ]),
        ),
        ("mfa_settings", f(&[])),
        (
            "save_mfa_settings",
            f(&[
                ("form[factors][0]", id),
                ("form[policy]", other),
                ("form[organization_mandatory]", "false"),
            ]),
        ),
        ("user_mfa_factors", f(&[("id", id)])),
        (
            "remove_user_mfa_factor",
            f(&[("id", id), ("factor_id", other)]),
        ),
    ]
}

/// The console's server functions, read from their declarations in `app/src/api/`.
pub fn declared_endpoints() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/src/api");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in source.split("endpoint = \"").skip(1) {
            found.push(part.split('"').next().unwrap().to_string());
        }
    }
    found.sort();
    found
}

/// Calls every port with each pair of ids; the calls answered with a 5xx.
pub async fn sweep(app: &TestApp, pairs: &[(&str, &str)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (id, other) in pairs {
        for (endpoint, form) in port_calls(id, other) {
            let (status, body) = call_owned(app, endpoint, &form).await;
            if status >= 500 {
                let args: Vec<String> = form
                    .iter()
                    .map(|(k, v)| format!("{k}={}", if v.len() > 40 { "<long>" } else { v }))
                    .collect();
                failures.push(format!("{endpoint}({}): {status} {body}", args.join("&")));
            }
        }
    }
    failures
}
