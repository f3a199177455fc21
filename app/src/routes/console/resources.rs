//! API resources: list with "Create API resource", and a resource's Permissions tab.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::api::resources::{
    create_resource, create_resource_scope, delete_resource, delete_resource_scope, get_resource,
    list_resources, resource_scopes,
};
use crate::components::{
    ConfirmDialog, ConfirmRemoval, CopyButton, Dialog, FieldError, FormError, ListTable, LoadError,
    PagedTable, TableSkeleton, search_and_page, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{Resource as ApiResource, Scope};

const PAGE_SIZE: u32 = 20;
const LIST: &str = "/console/api-resources";

#[component]
pub fn ResourcesPage() -> impl IntoView {
    // The page lives in the address (this list has no search).
    let (_, page) = search_and_page();
    let resources = Resource::new(move || page.get(), |p| list_resources(p, PAGE_SIZE));
    let open = RwSignal::new(false);
    view! {
        <Title text="API resources"/>
        <div class="page-header">
            <div>
                <h1>"API resources"</h1>
                <p class="muted">"Your APIs, each named by an identifier that tokens carry as their audience, and the permissions they define."</p>
            </div>
            <button type="button" class="btn primary" on:click=move |_| open.set(true)>"Create API resource"</button>
        </div>
        <div class="card">
            <PagedTable list=resources columns=&["Name", "API identifier", "Token lifetime"]
                row=|r: ApiResource| {
                    let href = format!("{LIST}/{}/permissions", r.id);
                    view! {
                        <tr>
                            <td><a class="row-link" href=href>{r.name}</a></td>
                            <td><code>{r.indicator}</code></td>
                            <td>{format!("{} s", r.access_token_ttl)}</td>
                        </tr>
                    }
                }
                empty_title="No API resources"
                empty_text="Create one for each API your applications call."
                on_page=Callback::new(move |p| page.set(p))/>
        </div>
        <CreateResourceDialog open=open/>
    }
}

#[component]
fn CreateResourceDialog(open: RwSignal<bool>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let indicator = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let create =
        Action::new(move |(n, i): &(String, String)| create_resource(n.clone(), i.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        create,
        move |r| {
            toasts.show("API resource created.");
            navigate(&format!("{LIST}/{}/permissions", r.id), Default::default())
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
        create.dispatch((name.get(), indicator.get()));
    };
    view! {
        <Dialog title="Create API resource" open=open>
            <form class="form" on:submit=submit novalidate>
                <label for="resource-name">"API name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="resource-name" name="name" required autofocus
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <FieldError error=error field="name"/>
                <label for="resource-indicator">"API identifier" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="resource-indicator" name="indicator" required placeholder="https://api.example.com"
                    prop:value=move || indicator.get() on:input=move |ev| indicator.set(event_target_value(&ev))/>
                <p class="help">"An absolute URI; applications request tokens for it with the resource parameter. It cannot change later."</p>
                <FieldError error=error field="indicator"/>
                <FormError error=error fields=&["name", "indicator"]/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || create.pending().get()>"Create API resource"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
pub fn ResourceDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let resource = Resource::new(id, get_resource);
    // The permissions load outside the resource's Suspend (see the organization page for why).
    view! {
        <p class="breadcrumb"><a href=LIST>"← API resources"</a></p>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match resource.await {
                    Ok(r) => view! { <ResourceView resource=r/> }.into_any(),
                    Err(e) => view! {
                        <Title text="API resource"/>
                        <LoadError error=e what="API resource" back_href="/console/api-resources"
                            back_label="Back to API resources" on_retry=Callback::new(move |_| resource.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
        {move || view! { <ScopesCard resource_id=id()/> }}
    }
}

#[component]
fn ResourceView(resource: ApiResource) -> impl IntoView {
    let confirm = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = Action::new(move |id: &String| delete_resource(id.clone()));
    let navigate = use_navigate();
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("API resource deleted.");
            navigate(LIST, Default::default())
        },
        move |e| error.set(Some(e.to_string())),
    );
    let id = resource.id.clone();
    view! {
        <Title text=resource.name.clone()/>
        <div class="card header-card">
            <div>
                <h1 data-testid="resource-title">{resource.name.clone()}</h1>
                <p class="muted">"API identifier " <CopyButton value=resource.indicator.clone() label="API identifier"/></p>
            </div>
            <button type="button" class="btn danger" on:click=move |_| confirm.set(true)>"Delete"</button>
        </div>
        <nav class="tabs" aria-label="API resource sections">
            <a href=format!("{LIST}/{}/permissions", resource.id) aria-current="page">"Permissions"</a>
        </nav>
        <ConfirmDialog title="Delete API resource" open=confirm confirm_label="Delete API resource"
            pending=delete.pending() error=error
            on_confirm=Callback::new(move |_| { delete.dispatch(id.clone()); })>
            <p>
                "Delete " <strong>{resource.name.clone()}</strong>
                "? Its permissions are removed from every role, and no new tokens are issued for it. This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}

#[component]
fn ScopesCard(resource_id: String) -> impl IntoView {
    let rid = StoredValue::new(resource_id);
    let scopes = Resource::new(|| (), move |_| resource_scopes(rid.get_value()));
    let creating = RwSignal::new(false);
    let deleting = RwSignal::new(None::<Scope>);
    let reload = Callback::new(move |_| scopes.refetch());
    view! {
        <div class="card">
            <div class="section-head">
                <h2>"Permissions"</h2>
                <button type="button" class="btn primary" on:click=move |_| creating.set(true)>"Create permission"</button>
            </div>
            <ListTable list=scopes columns=&["Permission", "Description"] actions=true
                row=move |s: Scope| {
                    let target = s.clone();
                    view! {
                        <tr>
                            <td><code>{s.name.clone()}</code></td>
                            <td class="muted">{s.description.clone()}</td>
                            <td class="actions">
                                <button type="button" class="btn small danger" aria-label=format!("Delete {}", s.name)
                                    on:click=move |_| deleting.set(Some(target.clone()))>"Delete"</button>
                            </td>
                        </tr>
                    }
                }
                empty_title="No permissions"
                empty_text="Permissions such as read:orders name what a token may do with this API."/>
        </div>
        {move || creating.get().then(|| view! { <CreateScopeDialog resource_id=rid.get_value() open=creating reload=reload/> })}
        {move || deleting.get().map(|s| view! { <DeleteScope scope=s deleting=deleting reload=reload/> })}
    }
}

#[component]
fn CreateScopeDialog(
    resource_id: String,
    open: RwSignal<bool>,
    reload: Callback<()>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new(move |(n, d): &(String, String)| {
        create_resource_scope(resource_id.clone(), n.clone(), d.clone())
    });
    let toasts = use_toasts();
    when_done(
        create,
        move |_| {
            toasts.show("Permission created.");
            open.set(false);
            reload.run(());
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
        create.dispatch((name.get(), description.get()));
    };
    view! {
        <Dialog title="Create API permission" open=open>
            <form class="form" on:submit=submit novalidate>
                <label for="scope-name">"Permission name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="scope-name" name="name" required autofocus placeholder="read:orders"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <FieldError error=error field="name"/>
                <label for="scope-description">"Description"</label>
                <input id="scope-description" name="description"
                    prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))/>
                <FormError error=error fields=&["name"]/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || create.pending().get()>"Create permission"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn DeleteScope(
    scope: Scope,
    deleting: RwSignal<Option<Scope>>,
    reload: Callback<()>,
) -> impl IntoView {
    let (resource, id) = (scope.resource_id.clone(), scope.id.clone());
    view! {
        <ConfirmRemoval item=deleting title="Delete API permission" confirm_label="Delete permission"
            done="Permission deleted." reload=reload
            remove=move || delete_resource_scope(resource.clone(), id.clone())>
            <p>
                "Delete " <code>{scope.name.clone()}</code>
                "? Every role holding it loses it. This cannot be undone."
            </p>
        </ConfirmRemoval>
    }
}
