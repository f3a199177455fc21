//! Applications: list, create a machine-to-machine app (optionally with Management API access)
//! and see its secret once, delete.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::applications::{create_application, delete_application, list_applications};
use crate::components::browser::format_date;
use crate::components::{
    CopyButton, Dialog, EmptyState, ErrorState, Pagination, TableSkeleton, when_done,
};
use crate::error::AppError;
use crate::model::{Application, CreatedApplication};

const PAGE_SIZE: u32 = 20;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let page = RwSignal::new(1u32);
    let apps = Resource::new(move || page.get(), |p| list_applications(p, PAGE_SIZE));
    let open = RwSignal::new(false);
    let created = RwSignal::new(None::<CreatedApplication>);
    let to_delete = RwSignal::new(None::<Application>);
    let confirm_delete = RwSignal::new(false);
    view! {
        <Title text="Applications"/>
        <div class="page-header">
            <div>
                <h1>"Applications"</h1>
                <p class="muted">"Machine-to-machine apps call Tessera's APIs with their own credentials."</p>
            </div>
            <button type="button" class="btn primary" on:click=move |_| open.set(true)>"Create application"</button>
        </div>
        <Show when=move || created.get().is_some()>
            <SecretPanel created=created/>
        </Show>
        <div class="card">
            <Transition fallback=|| view! { <TableSkeleton/> }>
                {move || Suspend::new(async move {
                    match apps.await {
                        Err(e) => view! {
                            <ErrorState message=e.to_string() on_retry=Callback::new(move |_| apps.refetch())/>
                        }.into_any(),
                        Ok(list) if list.items.is_empty() => view! {
                            <EmptyState title="No applications" text="Create a machine-to-machine app to call the Management API."/>
                        }.into_any(),
                        Ok(list) => view! {
                            <table class="table">
                                <thead>
                                    <tr><th>"Name"</th><th>"App ID"</th><th>"Type"</th><th>"Management API"</th><th>"Created"</th><th></th></tr>
                                </thead>
                                <tbody>
                                    {list.items.into_iter().map(|(app, access)| {
                                        let row_app = app.clone();
                                        view! {
                                            <tr>
                                                <td><a class="row-link" href=format!("/console/applications/{}/organizations", app.id)>{app.name.clone()}</a></td>
                                                <td><CopyButton value=app.id.clone() label="app ID"/></td>
                                                <td>{app.app_type.clone()}</td>
                                                <td>{if access { "Full access" } else { "—" }}</td>
                                                <td>{format_date(app.created_at)}</td>
                                                <td class="actions">
                                                    <button type="button" class="btn danger small"
                                                        on:click=move |_| {
                                                            to_delete.set(Some(row_app.clone()));
                                                            confirm_delete.set(true);
                                                        }>
                                                        "Delete"
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <Pagination page=list.page page_size=list.page_size total=list.total
                                on_page=Callback::new(move |p| page.set(p))/>
                        }.into_any(),
                    }
                })}
            </Transition>
        </div>
        <CreateApplicationDialog open=open created=created on_done=Callback::new(move |_| apps.refetch())/>
        <DeleteApplicationDialog target=to_delete open=confirm_delete on_done=Callback::new(move |_| apps.refetch())/>
    }
}

#[component]
fn SecretPanel(created: RwSignal<Option<CreatedApplication>>) -> impl IntoView {
    let Some(app) = created.get_untracked() else {
        return ().into_any();
    };
    view! {
        <div class="card notice" role="status" data-testid="secret-panel">
            <h2>{format!("“{}” is ready", app.application.name)}</h2>
            <p class="warning">"Copy the secret now. It is stored only as a hash and will not be shown again."</p>
            <dl class="credentials">
                <dt>"App ID"</dt>
                <dd><CopyButton value=app.application.id.clone() label="app ID"/></dd>
                <dt>"App secret"</dt>
                <dd data-testid="app-secret"><CopyButton value=app.secret.clone().unwrap_or_default() label="app secret"/></dd>
            </dl>
            <button type="button" class="btn" on:click=move |_| created.set(None)>"Done"</button>
        </div>
    }
    .into_any()
}

#[component]
fn CreateApplicationDialog(
    open: RwSignal<bool>,
    created: RwSignal<Option<CreatedApplication>>,
    on_done: Callback<()>,
) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let access = RwSignal::new(true);
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new(move |(n, d, a): &(String, String, bool)| {
        create_application(n.clone(), d.clone(), *a)
    });
    when_done(
        create,
        move |app| {
            created.set(Some(app));
            open.set(false);
            name.set(String::new());
            description.set(String::new());
            on_done.run(());
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
        create.dispatch((name.get(), description.get(), access.get()));
    };
    view! {
        <Dialog title="Create application" open=open>
            <form class="form" on:submit=submit>
                <p class="muted">"Type: machine-to-machine."</p>
                <label for="app-name">"Name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="app-name" name="name" required
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="app-description">"Description"</label>
                <input id="app-description" name="description"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))/>
                <label class="checkbox">
                    <input type="checkbox" id="app-management" prop:checked=move || access.get()
                        on:change=move |ev| access.set(event_target_checked(&ev))/>
                    "Grant Management API access (scope " <code>"all"</code> ")"
                </label>
                <Show when=move || error.get().is_some()>
                    <p class="form-error" role="alert">{move || error.get().map(|e| e.to_string())}</p>
                </Show>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || create.pending().get()>"Create application"</button>
                </div>
            </form>
        </Dialog>
    }
}

#[component]
fn DeleteApplicationDialog(
    target: RwSignal<Option<Application>>,
    open: RwSignal<bool>,
    on_done: Callback<()>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let delete = Action::new(move |id: &String| delete_application(id.clone()));
    when_done(
        delete,
        move |()| {
            open.set(false);
            on_done.run(());
        },
        move |e| error.set(Some(e.to_string())),
    );
    view! {
        <Dialog title="Delete application" open=open>
            <p>
                "Delete application " <strong>{move || target.get().map(|a| a.name)}</strong>
                "? Its credentials stop working immediately."
            </p>
            <Show when=move || error.get().is_some()>
                <p class="form-error" role="alert">{move || error.get()}</p>
            </Show>
            <div class="dialog-actions">
                <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class="btn danger" on:click=move |_| {
                    if let Some(app) = target.get() {
                        delete.dispatch(app.id);
                    }
                }>"Delete application"</button>
            </div>
        </Dialog>
    }
}
