//! One organization role: header with delete, a Permissions tab (assign organization and API
//! permissions, remove them) and a General tab (rename, describe).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::type_label;
use crate::api::organization_template::{
    all_organization_scopes, all_resources_with_scopes, assign_organization_role_permissions,
    delete_organization_role, organization_role_permissions, remove_organization_role_permission,
    update_organization_role,
};
use crate::components::{
    CheckList, Choice, ConfirmDialog, ConfirmRemoval, CopyButton, Dialog, EmptyState, FieldError,
    FormError, LoadError, SaveBar, TableSkeleton, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{OrganizationRole, RolePermissions};

const LIST: &str = "/console/organization-template/roles";

type ResourcesResource = Resource<Result<Vec<crate::model::ResourceWithScopes>, AppError>>;
type ScopesResource = Resource<Result<Vec<crate::model::OrganizationScope>, AppError>>;

#[component]
pub fn OrganizationRoleDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tab = move || params.read().get("tab").unwrap_or_default();
    let data = Resource::new(id, organization_role_permissions);
    // Created here, not inside the Suspend below: resources created in a resolved Suspend are
    // created twice while server-rendering and then miss their values when hydrating.
    let resources = Resource::new(|| (), |_| all_resources_with_scopes());
    let org_scopes = Resource::new(|| (), |_| all_organization_scopes());
    view! {
        <p class="breadcrumb"><a href=LIST>"← Organization roles"</a></p>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! {
                        <Title text="Organization role"/>
                        <LoadError error=e what="Organization role" back_href="/console/organization-template/roles"
                            back_label="Back to the organization template" on_retry=Callback::new(move |_| data.refetch())/>
                    }.into_any(),
                    Ok(found) => {
                        let role = RwSignal::new(found.role.clone());
                        let reload = Callback::new(move |_| {
                            data.refetch();
                            org_scopes.refetch();
                        });
                        view! {
                            <RoleHeader role=role/>
                            {move || if tab() == "general" {
                                view! { <GeneralTab role=role/> }.into_any()
                            } else {
                                view! { <PermissionsTab data=found.clone() reload=reload resources=resources org_scopes=org_scopes/> }.into_any()
                            }}
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn RoleHeader(role: RwSignal<OrganizationRole>) -> impl IntoView {
    let r = role.get_untracked();
    let base = format!("{LIST}/{}", r.id);
    let params = use_params_map();
    let current =
        move |t: &'static str| (params.read().get("tab").as_deref() == Some(t)).then_some("page");
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = Action::new(move |id: &String| delete_organization_role(id.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("Role deleted.");
            navigate(LIST, Default::default())
        },
        move |e| error.set(Some(e.to_string())),
    );
    let id = r.id.clone();
    view! {
        <Title text=move || role.get().name/>
        <div class="card header-card">
            <div>
                <h1 data-testid="role-title">{move || role.get().name}</h1>
                <p class="muted">
                    <span class="badge">{type_label(&r.role_type)}</span>
                    " · ID " <CopyButton value=r.id.clone() label="role ID"/>
                </p>
            </div>
            <button type="button" class="btn danger" on:click=move |_| confirm.set(true)>"Delete"</button>
        </div>
        <nav class="tabs" aria-label="Role sections">
            <a href=format!("{base}/permissions") aria-current=move || current("permissions")>"Permissions"</a>
            <a href=format!("{base}/general") aria-current=move || current("general")>"General"</a>
        </nav>
        <ConfirmDialog title="Delete role" open=confirm confirm_label="Delete role"
            pending=delete.pending() error=error
            on_confirm=Callback::new(move |_| { delete.dispatch(id.clone()); })>
            <p>
                "Delete role " <strong>{move || role.get().name}</strong>
                "? Every member holding it in any organization loses it. This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}

/// One row of the permissions table.
#[derive(Clone)]
struct Held {
    id: String,
    name: String,
    description: Option<String>,
    /// `None` for an organization permission, else the API resource's name.
    resource: Option<String>,
}

#[component]
fn PermissionsTab(
    data: RolePermissions,
    reload: Callback<()>,
    resources: ResourcesResource,
    org_scopes: ScopesResource,
) -> impl IntoView {
    let role_id = data.role.id.clone();
    let assign_open = RwSignal::new(false);
    let removing = RwSignal::new(None::<Held>);
    let held_org: Vec<String> = data.scopes.iter().map(|s| s.id.clone()).collect();
    let held_api: Vec<String> = data.resource_scopes.iter().map(|s| s.id.clone()).collect();
    let data = StoredValue::new(data);
    view! {
        <div class="card">
            <div class="section-head">
                <h2>"Permissions"</h2>
                <button type="button" class="btn primary" on:click=move |_| assign_open.set(true)>"Assign permissions"</button>
            </div>
            <Transition fallback=|| view! { <TableSkeleton/> }>
                {move || Suspend::new(async move {
                    let names = resources.await.unwrap_or_default();
                    let d = data.get_value();
                    let rows: Vec<Held> = d.scopes.into_iter().map(|s| Held {
                        id: s.id, name: s.name, description: s.description, resource: None,
                    }).chain(d.resource_scopes.into_iter().map(|s| {
                        let resource = names.iter().find(|r| r.resource.id == s.resource_id)
                            .map(|r| r.resource.name.clone()).unwrap_or_else(|| s.resource_id.clone());
                        Held { id: s.id, name: s.name, description: s.description, resource: Some(resource) }
                    })).collect();
                    if rows.is_empty() {
                        return view! {
                            <EmptyState title="No permissions yet"
                                text="Assign organization permissions and API permissions; members with this role receive them in their organization tokens."/>
                        }.into_any();
                    }
                    view! {
                        <div class="table-scroll">
                        <table class="table">
                            <thead><tr><th>"Permission"</th><th>"Type"</th><th>"Description"</th><th class="actions">"Actions"</th></tr></thead>
                            <tbody>
                                {rows.into_iter().map(|h| {
                                    let kind = h.resource.clone().map_or("Organization permission".to_string(), |r| format!("API: {r}"));
                                    let label = format!("Remove {}", h.name);
                                    let held = h.clone();
                                    view! {
                                        <tr>
                                            <td><code>{h.name}</code></td>
                                            <td>{kind}</td>
                                            <td class="muted">{h.description}</td>
                                            <td class="actions">
                                                <button type="button" class="btn small danger" aria-label=label
                                                    on:click=move |_| removing.set(Some(held.clone()))>"Remove"</button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    }.into_any()
                })}
            </Transition>
        </div>
        <AssignDialog open=assign_open role_id=role_id.clone() held_org=held_org held_api=held_api
            resources=resources org_scopes=org_scopes reload=reload/>
        {move || removing.get().map(|held| view! {
            <RemovePermission role_id=role_id.clone() held=held removing=removing reload=reload/>
        })}
    }
}

#[component]
fn AssignDialog(
    open: RwSignal<bool>,
    role_id: String,
    held_org: Vec<String>,
    held_api: Vec<String>,
    resources: ResourcesResource,
    org_scopes: ScopesResource,
    reload: Callback<()>,
) -> impl IntoView {
    let picked_org = RwSignal::new(Vec::<String>::new());
    let picked_api = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(None::<AppError>);
    let assign = Action::new(move |(id, org, api): &(String, Vec<String>, Vec<String>)| {
        assign_organization_role_permissions(id.clone(), org.clone(), api.clone())
    });
    let toasts = use_toasts();
    when_done(
        assign,
        move |()| {
            toasts.show("Permissions assigned.");
            open.set(false);
            reload.run(());
        },
        move |e| error.set(Some(e)),
    );
    let held_org = StoredValue::new(held_org);
    let held_api = StoredValue::new(held_api);
    let role_id = StoredValue::new(role_id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if picked_org.get().is_empty() && picked_api.get().is_empty() {
            error.set(Some(AppError::invalid("Pick at least one permission.")));
            return;
        }
        error.set(None);
        assign.dispatch((role_id.get_value(), picked_org.get(), picked_api.get()));
    };
    view! {
        <Dialog title="Assign permissions" open=open>
            <form class="form" on:submit=submit novalidate>
                <Transition fallback=|| view! { <TableSkeleton/> }>
                    {move || Suspend::new(async move {
                        let org: Vec<Choice> = org_scopes.await.unwrap_or_default().into_iter()
                            .filter(|s| !held_org.with_value(|h| h.contains(&s.id)))
                            .map(|s| Choice { id: s.id, label: s.name, hint: s.description })
                            .collect();
                        let api: Vec<Choice> = resources.await.unwrap_or_default().into_iter()
                            .flat_map(|r| {
                                let resource = r.resource.name.clone();
                                r.scopes.into_iter().map(move |s| Choice {
                                    id: s.id, label: s.name, hint: Some(resource.clone()),
                                })
                            })
                            .filter(|c| !held_api.with_value(|h| h.contains(&c.id)))
                            .collect();
                        view! {
                            <h3 class="picker-title">"Organization permissions"</h3>
                            <CheckList label="Organization permissions" choices=org selected=picked_org
                                empty="Every organization permission is already assigned, or none exists yet."/>
                            <h3 class="picker-title">"API permissions"</h3>
                            <CheckList label="API permissions" choices=api selected=picked_api
                                empty="No API permission left to assign. Add permissions to an API resource first."/>
                        }
                    })}
                </Transition>
                <FormError error=error/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || assign.pending().get()>"Assign"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn RemovePermission(
    role_id: String,
    held: Held,
    removing: RwSignal<Option<Held>>,
    reload: Callback<()>,
) -> impl IntoView {
    let (scope, api) = (held.id.clone(), held.resource.is_some());
    view! {
        <ConfirmRemoval item=removing title="Remove permission" confirm_label="Remove permission"
            done="Permission removed." reload=reload
            remove=move || remove_organization_role_permission(role_id.clone(), scope.clone(), api)>
            <p>
                "Remove " <code>{held.name.clone()}</code>
                " from this role? Members holding the role lose it on their next token."
            </p>
        </ConfirmRemoval>
    }
}

#[component]
fn GeneralTab(role: RwSignal<OrganizationRole>) -> impl IntoView {
    let current = role.get_untracked();
    let name = RwSignal::new(current.name.clone());
    let description = RwSignal::new(current.description.clone().unwrap_or_default());
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let id = current.id.clone();
    let save = Action::new(move |(n, d): &(String, String)| {
        update_organization_role(id.clone(), n.clone(), d.clone())
    });
    when_done(
        save,
        move |updated| {
            role.set(updated);
            error.set(None);
            toasts.show("Saved.");
        },
        move |e| {
            error.set(Some(e));
        },
    );
    let dirty = move || {
        let r = role.get();
        name.get() != r.name || description.get() != r.description.unwrap_or_default()
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get().trim().is_empty() {
            error.set(Some(AppError::field("name", "Name is required.")));
            return;
        }
        save.dispatch((name.get(), description.get()));
    };
    view! {
        <form class="card form settings" on:submit=submit novalidate>
            <label for="role-name">"Role name" <span class="required" aria-hidden="true">"*"</span></label>
            <input id="role-name" name="name" required
                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            <FieldError error=error field="name"/>
            <label for="role-description">"Description"</label>
            <textarea id="role-description" name="description" rows="2"
                prop:value=move || description.get()
                on:input=move |ev| description.set(event_target_value(&ev))></textarea>
            <FormError error=error fields=&["name"]/>
            <SaveBar dirty=Signal::derive(dirty) pending=save.pending()
                on_discard=Callback::new(move |()| {
                    let r = role.get();
                    name.set(r.name);
                    description.set(r.description.unwrap_or_default());
                    error.set(None);
                })/>
        </form>
    }
}
