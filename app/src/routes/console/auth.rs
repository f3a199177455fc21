//! First-run admin creation and console sign-in: plain forms that work before (and without) wasm.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::session::{CreateFirstAdmin, SignIn};
use crate::components::browser;
use crate::error::AppError;

fn error_text(value: Option<Result<(), AppError>>) -> Option<String> {
    value.and_then(Result::err).map(|e| e.to_string())
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let action = ServerAction::<CreateFirstAdmin>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            browser::go_to("/console/organizations");
        }
    });
    view! {
        <Title text="Welcome"/>
        <main class="centered">
            <div class="card narrow">
                <div class="brand-mark">"Tessera"</div>
                <h1>"Create the first administrator"</h1>
                <p class="muted">
                    "No administrator exists yet. The account you create here manages this Tessera instance."
                </p>
                <ActionForm action=action attr:class="form">
                    <label for="username">"Username"</label>
                    <input id="username" name="username" autocomplete="username" required/>
                    <p class="help">"Letters, digits and underscores; starts with a letter."</p>
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password" autocomplete="new-password" minlength="8" required/>
                    <p class="help">"At least 8 characters."</p>
                    <label for="password_confirm">"Confirm password"</label>
                    <input id="password_confirm" name="password_confirm" type="password" autocomplete="new-password" required/>
                    <Show when=move || error_text(action.value().get()).is_some()>
                        <p class="form-error" role="alert">{move || error_text(action.value().get())}</p>
                    </Show>
                    <button type="submit" class="btn primary wide" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { "Creating…" } else { "Create administrator" }}
                    </button>
                </ActionForm>
            </div>
        </main>
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            browser::go_to("/console/organizations");
        }
    });
    view! {
        <Title text="Sign in"/>
        <main class="centered">
            <div class="card narrow">
                <div class="brand-mark">"Tessera"</div>
                <h1>"Sign in to the console"</h1>
                <ActionForm action=action attr:class="form">
                    <label for="username">"Username"</label>
                    <input id="username" name="username" autocomplete="username" required/>
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                    <Show when=move || error_text(action.value().get()).is_some()>
                        <p class="form-error" role="alert">{move || error_text(action.value().get())}</p>
                    </Show>
                    <button type="submit" class="btn primary wide" disabled=move || action.pending().get()>
                        {move || if action.pending().get() { "Signing in…" } else { "Sign in" }}
                    </button>
                </ActionForm>
            </div>
        </main>
    }
}
