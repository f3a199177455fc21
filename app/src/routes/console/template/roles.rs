//! Organization roles tab: searchable table and the "Create role" dialog.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::type_label;
use crate::api::organization_template::{create_organization_role, list_organization_roles};
use crate::components::{
    Chips, Dialog, FieldError, FormError, PagedTable, SearchInput, search_and_page, use_toasts,
    when_done,
};
use crate::error::AppError;
use crate::model::{ORGANIZATION_ROLE_TYPES, OrganizationRoleWithScopes};

const PAGE_SIZE: u32 = 20;

#[component]
pub fn RolesTab() -> impl IntoView {
    let (q, page) = search_and_page();
    let roles = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| list_organization_roles(q, String::new(), page, PAGE_SIZE),
    );
    let open = RwSignal::new(false);
    view! {
        <div class="card">
            <div class="section-head">
                <SearchInput label="Search roles" placeholder="Search by role name" value=q/>
                <button type="button" class="btn primary" on:click=move |_| open.set(true)>"Create role"</button>
            </div>
            <PagedTable list=roles columns=&["Role", "Type", "Permissions"] row=role_row
                empty_title="No organization roles"
                empty_text=move || if q.get().is_empty() {
                    "Create roles such as Admin or Member, then give them permissions."
                } else {
                    "No role matches this search."
                }
                on_page=Callback::new(move |p| page.set(p))/>
        </div>
        <CreateRoleDialog open=open/>
    }
}

fn role_row(item: OrganizationRoleWithScopes) -> impl IntoView {
    let href = format!(
        "/console/organization-template/roles/{}/permissions",
        item.role.id
    );
    let permissions = item
        .scopes
        .into_iter()
        .map(|s| s.name)
        .chain(item.resource_scopes.into_iter().map(|s| s.name))
        .collect::<Vec<_>>();
    view! {
        <tr>
            <td>
                <a class="row-link" href=href>{item.role.name}</a>
                <div class="muted">{item.role.description}</div>
            </td>
            <td><span class="badge">{type_label(&item.role.role_type)}</span></td>
            <td><Chips items=permissions empty="No permissions"/></td>
        </tr>
    }
}

#[component]
fn CreateRoleDialog(open: RwSignal<bool>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let role_type = RwSignal::new("User".to_string());
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new(move |(n, d, t): &(String, String, String)| {
        create_organization_role(n.clone(), d.clone(), t.clone())
    });
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        create,
        move |role| {
            toasts.show("Role created.");
            navigate(
                &format!(
                    "/console/organization-template/roles/{}/permissions",
                    role.id
                ),
                Default::default(),
            )
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get().trim().is_empty() {
            error.set(Some(AppError::field("name", "Name is required.")));
            return;
        }
        error.set(None);
        create.dispatch((name.get(), description.get(), role_type.get()));
    };
    view! {
        <Dialog title="Create organization role" open=open>
            <form class="form" on:submit=submit novalidate>
                <label for="role-name">"Role name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="role-name" name="name" required autofocus placeholder="admin"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <FieldError error=error field="name"/>
                <label for="role-description">"Description"</label>
                <input id="role-description" name="description"
                    prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))/>
                <fieldset class="radio-group">
                    <legend>"Role type"</legend>
                    {ORGANIZATION_ROLE_TYPES.into_iter().map(|t| view! {
                        <label class="checkbox">
                            <input type="radio" name="type" value=t
                                prop:checked=move || role_type.get() == t
                                on:change=move |_| role_type.set(t.to_string())/>
                            {type_label(t)}
                        </label>
                    }).collect_view()}
                    <p class="help">"User roles are for people; machine-to-machine roles are for apps acting on their own."</p>
                </fieldset>
                <FormError error=error fields=&["name"]/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || create.pending().get()>"Create role"</button>
                </div>
            </form>
        </Dialog>
    }
}
