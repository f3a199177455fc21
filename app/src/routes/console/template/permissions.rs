//! Organization permissions tab: searchable table, create / edit dialog, delete with confirmation.

use leptos::prelude::*;

use crate::api::organization_template::{
    delete_organization_scope, list_organization_scopes, save_organization_scope,
};
use crate::components::{
    ConfirmDialog, Dialog, FieldError, FormError, PagedTable, SearchInput, open_for,
    search_and_page, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::OrganizationScope;

const PAGE_SIZE: u32 = 20;

#[component]
pub fn PermissionsTab() -> impl IntoView {
    let (q, page) = search_and_page();
    let scopes = Resource::new(
        move || (q.get(), page.get()),
        |(q, page)| list_organization_scopes(q, page, PAGE_SIZE),
    );
    // `Some(None)`: creating; `Some(Some(scope))`: editing that permission.
    let editing = RwSignal::new(None::<Option<OrganizationScope>>);
    let deleting = RwSignal::new(None::<OrganizationScope>);
    let reload = Callback::new(move |_| scopes.refetch());
    view! {
        <div class="card">
            <div class="section-head">
                <SearchInput label="Search permissions" placeholder="Search by permission name" value=q/>
                <button type="button" class="btn primary" on:click=move |_| editing.set(Some(None))>
                    "Create permission"
                </button>
            </div>
            <PagedTable list=scopes columns=&["Permission", "Description"] actions=true
                row=move |scope: OrganizationScope| {
                    let (edit, remove) = (scope.clone(), scope.clone());
                    view! {
                        <tr>
                            <td><code>{scope.name.clone()}</code></td>
                            <td class="muted">{scope.description.clone()}</td>
                            <td class="actions">
                                <button type="button" class="btn small"
                                    aria-label=format!("Edit {}", scope.name)
                                    on:click=move |_| editing.set(Some(Some(edit.clone())))>"Edit"</button>
                                " "
                                <button type="button" class="btn small danger"
                                    aria-label=format!("Delete {}", scope.name)
                                    on:click=move |_| deleting.set(Some(remove.clone()))>"Delete"</button>
                            </td>
                        </tr>
                    }
                }
                empty_title="No organization permissions"
                empty_text=move || if q.get().is_empty() {
                    "Permissions such as read:projects say what a role may do inside an organization."
                } else {
                    "No permission matches this search."
                }
                on_page=Callback::new(move |p| page.set(p))/>
        </div>
        {move || editing.get().map(|scope| view! { <PermissionDialog scope=scope editing=editing on_saved=reload/> })}
        {move || deleting.get().map(|scope| view! { <DeletePermission scope=scope deleting=deleting on_deleted=reload/> })}
    }
}

#[component]
fn PermissionDialog(
    scope: Option<OrganizationScope>,
    editing: RwSignal<Option<Option<OrganizationScope>>>,
    on_saved: Callback<()>,
) -> impl IntoView {
    let open = open_for(editing);
    let id = StoredValue::new(scope.as_ref().map(|s| s.id.clone()));
    let title = if id.with_value(Option::is_some) {
        "Edit organization permission"
    } else {
        "Create organization permission"
    };
    let name = RwSignal::new(scope.as_ref().map(|s| s.name.clone()).unwrap_or_default());
    let description = RwSignal::new(
        scope
            .as_ref()
            .and_then(|s| s.description.clone())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<AppError>);
    let save = Action::new(move |(id, n, d): &(Option<String>, String, String)| {
        save_organization_scope(id.clone(), n.clone(), d.clone())
    });
    let toasts = use_toasts();
    when_done(
        save,
        move |_| {
            toasts.show("Permission saved.");
            open.set(false);
            on_saved.run(());
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
        save.dispatch((id.get_value(), name.get(), description.get()));
    };
    view! {
        <Dialog title=title open=open>
            <form class="form" on:submit=submit novalidate>
                <label for="permission-name">"Permission name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="permission-name" name="name" required autofocus placeholder="read:projects"
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                <FieldError error=error field="name"/>
                <label for="permission-description">"Description"</label>
                <input id="permission-description" name="description"
                    prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))/>
                <FormError error=error fields=&["name"]/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || save.pending().get()>
                        "Save permission"
                    </button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn DeletePermission(
    scope: OrganizationScope,
    deleting: RwSignal<Option<OrganizationScope>>,
    on_deleted: Callback<()>,
) -> impl IntoView {
    let open = open_for(deleting);
    let error = RwSignal::new(None::<String>);
    let delete = Action::new(move |id: &String| delete_organization_scope(id.clone()));
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("Permission deleted.");
            open.set(false);
            on_deleted.run(());
        },
        move |e| error.set(Some(e.to_string())),
    );
    let id = scope.id.clone();
    view! {
        <ConfirmDialog title="Delete permission" open=open confirm_label="Delete permission"
            pending=delete.pending() error=error
            on_confirm=Callback::new(move |_| { delete.dispatch(id.clone()); })>
            <p>
                "Delete permission " <code>{scope.name.clone()}</code>
                "? Every role that holds it loses it, and tokens stop carrying it. This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}
