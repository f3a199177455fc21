//! An application's Secrets tab (rotation without downtime: add a secret, move the clients to
//! it, delete the old one; a new secret's value shows once) and its Custom data tab.

use leptos::prelude::*;

use super::user_account::{CustomDataEditor, pretty};
use crate::api::application_secrets::{
    add_application_secret, delete_application_secret, list_application_secrets,
    replace_application_custom_data,
};
use crate::components::browser::format_date;
use crate::components::{
    ConfirmRemoval, CopyButton, Dialog, FieldError, FormError, ListTable, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{Application, ApplicationSecret, CreatedApplicationSecret};

/// The expiry choices of a new secret, in days (0: never).
const EXPIRIES: [(u32, &str); 5] = [
    (0, "Never"),
    (30, "In 30 days"),
    (90, "In 90 days"),
    (180, "In 180 days"),
    (365, "In one year"),
];

#[component]
pub fn ApplicationSecretsTab(id: String) -> impl IntoView {
    let app = StoredValue::new(id);
    let secrets = Resource::new(|| (), move |_| list_application_secrets(app.get_value()));
    let adding = RwSignal::new(false);
    let removing = RwSignal::new(None::<ApplicationSecret>);
    let reload = Callback::new(move |_| secrets.refetch());
    view! {
        <div class="card">
            <div class="section-head">
                <div>
                    <h2>"App secrets"</h2>
                    <p class="muted">"Any unexpired secret authenticates the app. To rotate, add a new secret, move your clients to it, then delete the old one."</p>
                </div>
                <button type="button" class="btn primary" on:click=move |_| adding.set(true)>"Add secret"</button>
            </div>
            <ListTable list=secrets columns=&["Name", "Created", "Expires"] actions=true
                row=move |(s, expired): (ApplicationSecret, bool)| {
                    let label = format!("Delete secret {}", s.name);
                    let expires = match s.expires_at {
                        None => "Never".to_string(),
                        Some(at) if expired => format!("Expired {}", format_date(at)),
                        Some(at) => format_date(at),
                    };
                    let held = s.clone();
                    view! {
                        <tr>
                            <td><strong>{s.name}</strong></td>
                            <td>{format_date(s.created_at)}</td>
                            <td class:expired=expired>{expires}</td>
                            <td class="actions">
                                <button type="button" class="btn small danger" aria-label=label
                                    on:click=move |_| removing.set(Some(held.clone()))>"Delete"</button>
                            </td>
                        </tr>
                    }
                }
                empty_title="No secrets"
                empty_text="Without a secret the app cannot authenticate. Add one."/>
        </div>
        <Show when=move || adding.get()>
            <AddSecret app=app.get_value() open=adding reload=reload/>
        </Show>
        {move || removing.get().map(|secret| view! {
            <DeleteSecret app=app.get_value() secret=secret removing=removing reload=reload/>
        })}
    }
}

#[component]
fn AddSecret(app: String, open: RwSignal<bool>, reload: Callback<()>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let days = RwSignal::new(0u32);
    let error = RwSignal::new(None::<AppError>);
    let created = RwSignal::new(None::<CreatedApplicationSecret>);
    let toasts = use_toasts();
    let add = Action::new(move |(n, d): &(String, u32)| {
        add_application_secret(app.clone(), n.clone(), *d)
    });
    when_done(
        add,
        move |secret| {
            toasts.show("Secret added.");
            created.set(Some(secret));
            reload.run(());
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if name.get().trim().is_empty() {
            error.set(Some(AppError::field(
                "name",
                "Enter a name for the secret.",
            )));
            return;
        }
        error.set(None);
        add.dispatch((name.get(), days.get()));
    };
    view! {
        <Dialog title="Add secret" open=open>
            {move || match created.get() {
                Some(secret) => view! {
                    <p>"Copy the value of " <strong>{secret.secret.name.clone()}</strong> " now: it is not shown again."</p>
                    <p class="secret-value"><CopyButton value=secret.value.clone() label="secret value"/></p>
                    <div class="dialog-actions">
                        <button type="button" class="btn primary" on:click=move |_| open.set(false)>"Done"</button>
                    </div>
                }.into_any(),
                None => view! {
                    <form class="form" on:submit=submit novalidate>
                        <label for="secret-name">"Name"</label>
                        <input id="secret-name" name="name" autocomplete="off" placeholder="e.g. production 2026"
                            prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev))/>
                        <FieldError error=error field="name"/>
                        <label for="secret-expiry">"Expires"</label>
                        <select id="secret-expiry" name="expires_in_days"
                            on:change=move |ev| days.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {EXPIRIES.iter().map(|(d, label)| view! {
                                <option value=d.to_string() selected=move || days.get() == *d>{*label}</option>
                            }).collect_view()}
                        </select>
                        <FormError error=error fields=&["name"]/>
                        <div class="dialog-actions">
                            <button type="button" class="btn" on:click=move |_| open.set(false)>"Cancel"</button>
                            <button type="submit" class="btn primary" disabled=move || add.pending().get()>"Add secret"</button>
                        </div>
                    </form>
                }.into_any(),
            }}
        </Dialog>
    }
}

#[component]
fn DeleteSecret(
    app: String,
    secret: ApplicationSecret,
    removing: RwSignal<Option<ApplicationSecret>>,
    reload: Callback<()>,
) -> impl IntoView {
    let name = secret.name.clone();
    view! {
        <ConfirmRemoval item=removing title="Delete secret" confirm_label="Delete secret"
            done="Secret deleted." reload=reload
            remove=move || delete_application_secret(app.clone(), name.clone())>
            <p>
                "Delete the secret " <strong>{secret.name.clone()}</strong>
                "? Clients still using it can no longer authenticate (within a second on every server)."
            </p>
        </ConfirmRemoval>
    }
}

/// The application's Custom data tab.
#[component]
pub fn ApplicationCustomDataTab(app: Application) -> impl IntoView {
    let toasts = use_toasts();
    let error = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(None::<String>);
    let id = app.id.clone();
    let save =
        Action::new(move |json: &String| replace_application_custom_data(id.clone(), json.clone()));
    when_done(
        save,
        move |app: Application| {
            error.set(None);
            saved.set(Some(pretty(&app.custom_data)));
            toasts.show("Custom data saved.");
        },
        move |e| error.set(Some(e)),
    );
    view! {
        <CustomDataEditor initial=pretty(&app.custom_data)
            help="Anything your backend needs to know about this application, read through the Management API (GET /api/applications/{id}). Saving replaces the whole object."
            save=Callback::new(move |json| { save.dispatch(json); })
            pending=save.pending() error=error saved=saved/>
    }
}
