//! A user's Details tab (the profile form, saved with the save bar; password reset and
//! suspension as confirmed actions) and its Custom data tab (a JSON editor, saved the same way).

use leptos::prelude::*;

use crate::api::user_account::{
    PASSWORD_MIN, replace_user_custom_data, set_user_password, set_user_suspended,
    update_user_profile,
};
use crate::components::{Dialog, FieldError, FormError, SaveBar, use_toasts, when_done};
use crate::error::AppError;
use crate::model::{User, UserProfileForm};

/// The profile form; `on_saved` hands the saved user to the page header.
#[component]
pub fn UserProfileTab(user: User, on_saved: Callback<User>) -> impl IntoView {
    let initial = RwSignal::new(UserProfileForm::of(&user));
    let form = RwSignal::new(initial.get_untracked());
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let id = user.id.clone();
    let save = Action::new(move |f: &UserProfileForm| update_user_profile(id.clone(), f.clone()));
    when_done(
        save,
        move |saved: User| {
            let f = UserProfileForm::of(&saved);
            initial.set(f.clone());
            form.set(f);
            error.set(None);
            toasts.show("User saved.");
            on_saved.run(saved);
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get();
        if [&f.username, &f.primary_email, &f.primary_phone]
            .iter()
            .all(|v| v.trim().is_empty())
        {
            error.set(Some(AppError::field(
                "username",
                "Keep a username, an email or a phone number: the user signs in with one.",
            )));
            return;
        }
        save.dispatch(f);
    };
    let dirty = Signal::derive(move || form.get() != initial.get());
    let input = move |field: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      help: &'static str,
                      get: fn(&UserProfileForm) -> String,
                      set: fn(&mut UserProfileForm, String)| {
        let id = format!("user-{field}");
        view! {
            <label for=id.clone()>{label}</label>
            <input id=id name=field type=kind autocomplete="off"
                prop:value=move || form.with(get)
                on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))/>
            {(!help.is_empty()).then(|| view! { <p class="help">{help}</p> })}
            <FieldError error=error field=field/>
        }
    };
    view! {
        <form class="form card settings" on:submit=submit novalidate>
            <h2>"Profile"</h2>
            {input("username", "Username", "text", "Letters, digits and _; not starting with a digit.",
                |f| f.username.clone(), |f, v| f.username = v)}
            {input("primary_email", "Email", "email", "",
                |f| f.primary_email.clone(), |f, v| f.primary_email = v)}
            {input("primary_phone", "Phone", "tel", "Digits only, with the country code (e.g. 15551234567).",
                |f| f.primary_phone.clone(), |f, v| f.primary_phone = v)}
            {input("name", "Name", "text", "",
                |f| f.name.clone(), |f, v| f.name = v)}
            {input("avatar", "Avatar URL", "url", "",
                |f| f.avatar.clone(), |f, v| f.avatar = v)}
            <FormError error=error fields=&["username", "primary_email", "primary_phone", "name", "avatar"]/>
            <SaveBar dirty=dirty pending=save.pending()
                on_discard=Callback::new(move |_| { form.set(initial.get()); error.set(None); })/>
        </form>
    }
}

/// Password reset and suspension: each asks first, then reports with a toast.
#[component]
pub fn UserAccountActions(user: User, on_saved: Callback<User>) -> impl IntoView {
    let toasts = use_toasts();
    let id = StoredValue::new(user.id.clone());
    let suspended = RwSignal::new(user.is_suspended);
    let has_password = RwSignal::new(user.has_password);

    let password_open = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let password_error = RwSignal::new(None::<AppError>);
    let set_password = Action::new(move |p: &String| set_user_password(id.get_value(), p.clone()));
    when_done(
        set_password,
        move |saved: User| {
            has_password.set(saved.has_password);
            password_open.set(false);
            password.set(String::new());
            toasts.show("Password changed.");
            on_saved.run(saved);
        },
        move |e| password_error.set(Some(e)),
    );
    let submit_password = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let p = password.get();
        if p.chars().count() < PASSWORD_MIN {
            password_error.set(Some(AppError::field(
                "password",
                format!("Use at least {PASSWORD_MIN} characters for the password."),
            )));
            return;
        }
        password_error.set(None);
        set_password.dispatch(p);
    };

    let suspend_open = RwSignal::new(false);
    let suspend_error = RwSignal::new(None::<AppError>);
    let suspend = Action::new(move |on: &bool| set_user_suspended(id.get_value(), *on));
    when_done(
        suspend,
        move |saved: User| {
            suspended.set(saved.is_suspended);
            suspend_open.set(false);
            toasts.show(if saved.is_suspended {
                "User suspended."
            } else {
                "User reactivated."
            });
            on_saved.run(saved);
        },
        move |e| suspend_error.set(Some(e)),
    );
    view! {
        <div class="card settings">
            <h2>"Account"</h2>
            <div class="action-row">
                <div>
                    <strong>"Password"</strong>
                    <p class="muted">{move || if has_password.get() {
                        "Set. A new one replaces it; the user signs in with the new one from now on."
                    } else {
                        "Not set. The user signs in another way until you set one."
                    }}</p>
                </div>
                <button type="button" class="btn" on:click=move |_| { password_error.set(None); password_open.set(true); }>
                    {move || if has_password.get() { "Reset password" } else { "Set password" }}
                </button>
            </div>
            <div class="action-row">
                <div>
                    <strong>"Suspension"</strong>
                    <p class="muted">{move || if suspended.get() {
                        "Suspended: the user cannot sign in and gets no tokens."
                    } else {
                        "Active. Suspending signs the user out everywhere and stops their refresh tokens."
                    }}</p>
                </div>
                <button type="button" class=move || if suspended.get() { "btn" } else { "btn danger" }
                    on:click=move |_| { suspend_error.set(None); suspend_open.set(true); }>
                    {move || if suspended.get() { "Reactivate" } else { "Suspend" }}
                </button>
            </div>
        </div>
        <Dialog title="Set a new password" open=password_open>
            <form class="form" on:submit=submit_password novalidate>
                <label for="new-password">"New password"</label>
                <input id="new-password" name="password" type="password" autocomplete="new-password"
                    prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev))/>
                <p class="help">{format!("At least {PASSWORD_MIN} characters. Tell the user through a channel you trust.")}</p>
                <FieldError error=password_error field="password"/>
                <FormError error=password_error fields=&["password"]/>
                <div class="dialog-actions">
                    <button type="button" class="btn" on:click=move |_| password_open.set(false)>"Cancel"</button>
                    <button type="submit" class="btn primary" disabled=move || set_password.pending().get()>"Set password"</button>
                </div>
            </form>
        </Dialog>
        <Dialog title="Suspend user" open=suspend_open>
            <p>{move || if suspended.get() {
                "Reactivate this user? They can sign in again."
            } else {
                "Suspend this user? They are signed out everywhere, their refresh tokens stop working, and they cannot sign in until reactivated."
            }}</p>
            <FormError error=suspend_error/>
            <div class="dialog-actions">
                <button type="button" class="btn" on:click=move |_| suspend_open.set(false)>"Cancel"</button>
                <button type="button" class=move || if suspended.get() { "btn primary" } else { "btn danger" }
                    disabled=move || suspend.pending().get()
                    on:click=move |_| { suspend.dispatch(!suspended.get()); }>
                    {move || if suspended.get() { "Reactivate" } else { "Suspend" }}
                </button>
            </div>
        </Dialog>
    }
}

/// The custom data as editable JSON, replaced as a whole when saved.
#[component]
pub fn CustomDataEditor(
    #[prop(into)] initial: String,
    #[prop(into)] help: String,
    save: Callback<String>,
    #[prop(into)] pending: Signal<bool>,
    error: RwSignal<Option<AppError>>,
    saved: RwSignal<Option<String>>,
) -> impl IntoView {
    let stored = RwSignal::new(initial.clone());
    let text = RwSignal::new(initial);
    Effect::new(move |_| {
        if let Some(now) = saved.get() {
            stored.set(now.clone());
            text.set(now);
        }
    });
    let dirty = Signal::derive(move || text.get() != stored.get());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.run(text.get());
    };
    view! {
        <form class="form card settings" on:submit=submit novalidate>
            <h2>"Custom data"</h2>
            <label for="custom-data">"JSON object"</label>
            <textarea id="custom-data" name="custom_data" class="code" rows="14" spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <p class="help">{help}</p>
            <FieldError error=error field="custom_data"/>
            <FormError error=error fields=&["custom_data"]/>
            <SaveBar dirty=dirty pending=pending
                on_discard=Callback::new(move |_| { text.set(stored.get()); error.set(None); })/>
        </form>
    }
}

/// Pretty JSON for the editor.
pub fn pretty(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into())
}

/// The user's Custom data tab.
#[component]
pub fn UserCustomDataTab(user: User, on_saved: Callback<User>) -> impl IntoView {
    let toasts = use_toasts();
    let error = RwSignal::new(None::<AppError>);
    let saved = RwSignal::new(None::<String>);
    let id = user.id.clone();
    let save = Action::new(move |json: &String| replace_user_custom_data(id.clone(), json.clone()));
    when_done(
        save,
        move |user: User| {
            error.set(None);
            saved.set(Some(pretty(&user.custom_data)));
            toasts.show("Custom data saved.");
            on_saved.run(user);
        },
        move |e| error.set(Some(e)),
    );
    view! {
        <CustomDataEditor initial=pretty(&user.custom_data)
            help="Anything your applications need to know about this user, read through the Management API (GET /api/users/{id}/custom-data). Saving replaces the whole object."
            save=Callback::new(move |json| { save.dispatch(json); })
            pending=save.pending() error=error saved=saved/>
    }
}
