//! Applications: list, create one of any type (a machine-to-machine app optionally with
//! Management API access) and see its secret once, delete.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::applications::{create_application, delete_application, list_applications};
use crate::components::browser::format_date;
use crate::components::{CopyButton, Dialog, PagedTable, search_and_page, use_toasts, when_done};
use crate::error::AppError;
use crate::model::{Application, CreatedApplication, signs_people_in};

const PAGE_SIZE: u32 = 20;

/// The types an admin can create: value, name, what it is for.
const TYPES: [(&str, &str, &str); 4] = [
    (
        "Traditional",
        "Traditional web",
        "A server-rendered web app; keeps a secret.",
    ),
    (
        "SPA",
        "Single-page app",
        "Runs in the browser; uses PKCE, no secret.",
    ),
    (
        "Native",
        "Native",
        "A mobile or desktop app; uses PKCE, no secret.",
    ),
    (
        "MachineToMachine",
        "Machine-to-machine",
        "A backend calling your APIs with its own credentials.",
    ),
];

/// The human name of an application type.
pub fn type_label(app_type: &str) -> &str {
    TYPES
        .iter()
        .find(|(v, _, _)| *v == app_type)
        .map_or(app_type, |(_, label, _)| label)
}

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    // The page lives in the address (this list has no search).
    let (_, page) = search_and_page();
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
                <p class="muted">"Apps that sign people in (web, single-page, native) and machine-to-machine apps that call your APIs with their own credentials."</p>
            </div>
            <button type="button" class="btn primary" on:click=move |_| open.set(true)>"Create application"</button>
        </div>
        <Show when=move || created.get().is_some()>
            <SecretPanel created=created/>
        </Show>
        <div class="card">
            <PagedTable list=apps columns=&["Name", "App ID", "Type", "Management API", "Created", ""]
                row=move |(app, access): (Application, bool)| {
                    let row_app = app.clone();
                    view! {
                        <tr>
                            <td><a class="row-link" href=format!("/console/applications/{}/settings", app.id)>{app.name.clone()}</a></td>
                            <td><CopyButton value=app.id.clone() label="app ID"/></td>
                            <td>{type_label(&app.app_type).to_string()}</td>
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
                }
                empty_title="No applications"
                empty_text="Create an app that signs people in, or a machine-to-machine app to call the Management API."
                on_page=Callback::new(move |p| page.set(p))/>
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
    let settings = format!("/console/applications/{}/settings", app.application.id);
    let people = signs_people_in(&app.application.app_type);
    view! {
        <div class="card notice" role="status" data-testid="secret-panel">
            <h2>{format!("“{}” is ready", app.application.name)}</h2>
            {app.secret.is_some().then(|| view! {
                <p class="warning">"Copy the secret now. It is stored only as a hash and will not be shown again."</p>
            })}
            <dl class="credentials">
                <dt>"App ID"</dt>
                <dd><CopyButton value=app.application.id.clone() label="app ID"/></dd>
                {app.secret.clone().map(|secret| view! {
                    <dt>"App secret"</dt>
                    <dd data-testid="app-secret"><CopyButton value=secret label="app secret"/></dd>
                })}
            </dl>
            <div class="dialog-actions">
                {people.then(|| view! { <a class="btn primary" href=settings>"Add redirect URIs"</a> })}
                <button type="button" class="btn" on:click=move |_| created.set(None)>"Done"</button>
            </div>
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
    let app_type = RwSignal::new("Traditional".to_string());
    let access = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let create = Action::new(move |(n, d, t, a): &(String, String, String, bool)| {
        create_application(n.clone(), d.clone(), t.clone(), *a)
    });
    let toasts = use_toasts();
    when_done(
        create,
        move |app| {
            toasts.show("Application created.");
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
        let m2m = app_type.get() == "MachineToMachine";
        create.dispatch((
            name.get(),
            description.get(),
            app_type.get(),
            m2m && access.get(),
        ));
    };
    view! {
        <Dialog title="Create application" open=open>
            <form class="form" on:submit=submit novalidate>
                <fieldset class="type-choice">
                    <legend>"Application type"</legend>
                    {TYPES.iter().map(|(value, label, help)| view! {
                        <label class="radio">
                            <input type="radio" name="type" value=*value
                                prop:checked=move || app_type.get() == *value
                                on:change=move |_| app_type.set(value.to_string())/>
                            <span><strong>{*label}</strong><span class="help">{*help}</span></span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label for="app-name">"Name" <span class="required" aria-hidden="true">"*"</span></label>
                <input id="app-name" name="name" required
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))/>
                <label for="app-description">"Description"</label>
                <input id="app-description" name="description"
                    prop:value=move || description.get()
                    on:input=move |ev| description.set(event_target_value(&ev))/>
                <Show when=move || app_type.get() == "MachineToMachine">
                    <label class="checkbox">
                        <input type="checkbox" id="app-management" prop:checked=move || access.get()
                            on:change=move |ev| access.set(event_target_checked(&ev))/>
                        "Grant Management API access (scope " <code>"all"</code> ")"
                    </label>
                </Show>
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
    let toasts = use_toasts();
    when_done(
        delete,
        move |()| {
            toasts.show("Application deleted.");
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
