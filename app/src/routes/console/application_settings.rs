//! An application's Settings tab: name and description, and for apps that sign people in the
//! redirect URI lists, CORS origins and token lifetimes, saved together with a sticky save bar.

use leptos::prelude::*;

use crate::api::applications::update_application;
use crate::components::{CopyButton, SaveBar, use_toasts, when_done};
use crate::error::AppError;
use crate::model::{Application, ApplicationSettings, signs_people_in};

#[component]
pub fn ApplicationSettingsTab(app: Application, issuer: String) -> impl IntoView {
    let initial = RwSignal::new(ApplicationSettings::of(&app));
    let form = RwSignal::new(initial.get_untracked());
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let dirty = move || form.get() != initial.get();
    let id = app.id.clone();
    let save =
        Action::new(move |s: &ApplicationSettings| update_application(id.clone(), s.clone()));
    when_done(
        save,
        move |saved| {
            let s = ApplicationSettings::of(&saved);
            initial.set(s.clone());
            form.set(s);
            error.set(None);
            toasts.show("Settings saved.");
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.get().name.trim().is_empty() {
            error.set(Some(AppError::field("name", "Name is required.")));
            return;
        }
        save.dispatch(form.get());
    };
    let people = signs_people_in(&app.app_type);
    let discovery = format!("{issuer}/.well-known/openid-configuration");
    view! {
        <form class="form card" on:submit=submit novalidate>
            <h2>"General"</h2>
            <label for="app-name">"Name"</label>
            <input id="app-name" name="name" required
                prop:value=move || form.get().name
                on:input=move |ev| form.update(|f| f.name = event_target_value(&ev))/>
            <label for="app-description">"Description"</label>
            <input id="app-description" name="description"
                prop:value=move || form.get().description
                on:input=move |ev| form.update(|f| f.description = event_target_value(&ev))/>
            {people.then(|| view! {
                <h2>"Endpoints"</h2>
                <dl class="credentials">
                    <dt>"Issuer"</dt>
                    <dd><CopyButton value=issuer.clone() label="issuer"/></dd>
                    <dt>"Discovery"</dt>
                    <dd><CopyButton value=discovery.clone() label="discovery URL"/></dd>
                </dl>
                <h2>"Redirect URIs"</h2>
                <UriList form=form label="Redirect URI" placeholder="https://app.example.com/callback"
                    get=|s| &s.redirect_uris set=|s| &mut s.redirect_uris/>
                <h2>"Post sign-out redirect URIs"</h2>
                <UriList form=form label="Post sign-out redirect URI" placeholder="https://app.example.com"
                    get=|s| &s.post_logout_redirect_uris set=|s| &mut s.post_logout_redirect_uris/>
                <h2>"CORS allowed origins"</h2>
                <UriList form=form label="CORS allowed origin" placeholder="https://app.example.com"
                    get=|s| &s.cors_allowed_origins set=|s| &mut s.cors_allowed_origins/>
                <h2>"Tokens"</h2>
                <label for="id-token-ttl">"ID token lifetime (seconds)"</label>
                <input id="id-token-ttl" type="number" min="1"
                    prop:value=move || form.get().id_token_ttl.to_string()
                    on:input=move |ev| form.update(|f| f.id_token_ttl = event_target_value(&ev).parse().unwrap_or(0))/>
                <label for="refresh-ttl">"Refresh token lifetime (days)"</label>
                <input id="refresh-ttl" type="number" min="1" max="730"
                    prop:value=move || form.get().refresh_token_ttl_in_days.to_string()
                    on:input=move |ev| form.update(|f| f.refresh_token_ttl_in_days = event_target_value(&ev).parse().unwrap_or(0))/>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || form.get().rotate_refresh_token
                        on:change=move |ev| form.update(|f| f.rotate_refresh_token = event_target_checked(&ev))/>
                    "Rotate refresh tokens (public apps always rotate)"
                </label>
                <label class="checkbox">
                    <input type="checkbox" prop:checked=move || form.get().always_issue_refresh_token
                        on:change=move |ev| form.update(|f| f.always_issue_refresh_token = event_target_checked(&ev))/>
                    "Issue a refresh token even without " <code>"offline_access"</code>
                </label>
            })}
            <Show when=move || error.get().is_some()>
                <p class="form-error" role="alert">{move || error.get().map(|e| e.to_string())}</p>
            </Show>
            <SaveBar dirty=Signal::derive(dirty) pending=save.pending()
                on_discard=Callback::new(move |()| { form.set(initial.get()); error.set(None); })/>
        </form>
    }
}

/// One list of URIs in the form: a row per entry with its own remove button, and "Add".
#[component]
fn UriList(
    form: RwSignal<ApplicationSettings>,
    label: &'static str,
    placeholder: &'static str,
    get: fn(&ApplicationSettings) -> &Vec<String>,
    set: fn(&mut ApplicationSettings) -> &mut Vec<String>,
) -> impl IntoView {
    let count = move || form.with(|f| get(f).len());
    view! {
        <div class="uri-list">
            <For each=move || 0..count() key=|i| *i let:i>
                <div class="uri-row">
                    <input type="url" aria-label=format!("{label} {}", i + 1) placeholder=placeholder
                        prop:value=move || form.with(|f| get(f).get(i).cloned().unwrap_or_default())
                        on:input=move |ev| form.update(|f| {
                            if let Some(slot) = set(f).get_mut(i) {
                                *slot = event_target_value(&ev);
                            }
                        })/>
                    <button type="button" class="btn small" aria-label=format!("Remove {label} {}", i + 1)
                        on:click=move |_| form.update(|f| {
                            let list = set(f);
                            if i < list.len() {
                                list.remove(i);
                            }
                        })>
                        "Remove"
                    </button>
                </div>
            </For>
            <button type="button" class="btn small" on:click=move |_| form.update(|f| set(f).push(String::new()))>
                // "Add redirect URI", "Add CORS allowed origin": acronyms keep their case.
                {if label.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase()) {
                    format!("Add {label}")
                } else {
                    format!("Add {}{}", label[..1].to_lowercase(), &label[1..])
                }}
            </button>
        </div>
    }
}
