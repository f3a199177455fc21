//! The organization template: organization roles and permissions every organization shares.

mod permissions;
mod role_detail;
mod roles;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

pub use role_detail::OrganizationRoleDetailPage;

/// How the console names a role type.
pub fn type_label(role_type: &str) -> &'static str {
    if role_type == "MachineToMachine" {
        "Machine-to-machine"
    } else {
        "User"
    }
}

#[component]
pub fn OrganizationTemplatePage() -> impl IntoView {
    let params = use_params_map();
    let tab = move || params.read().get("tab").unwrap_or_else(|| "roles".into());
    let current = move |t: &'static str| (tab() == t).then_some("page");
    view! {
        <Title text="Organization template"/>
        <div class="page-header">
            <div>
                <h1>"Organization template"</h1>
                <p class="muted">
                    "The roles and permissions every organization shares. Members hold roles per organization."
                </p>
            </div>
        </div>
        <nav class="tabs" aria-label="Organization template sections">
            <a href="/console/organization-template/roles" aria-current=move || current("roles")>"Organization roles"</a>
            <a href="/console/organization-template/permissions" aria-current=move || current("permissions")>"Organization permissions"</a>
        </nav>
        {move || if tab() == "permissions" {
            view! { <permissions::PermissionsTab/> }.into_any()
        } else {
            view! { <roles::RolesTab/> }.into_any()
        }}
    }
}
