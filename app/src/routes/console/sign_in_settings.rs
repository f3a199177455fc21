//! Sign-in experience → Sign-up and sign-in: who may use the hosted pages, what a new account
//! gives, how people sign in, whether a forgotten password can be reset by email — and where
//! this server's mail goes, since codes depend on it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::sign_in_settings::{get_sign_in_settings, save_sign_in_settings};
use crate::components::{
    FieldError, FormError, LoadError, SaveBar, TableSkeleton, use_toasts, when_done,
};
use crate::error::AppError;
use crate::model::{SIGN_IN_MODES, SIGN_UP_IDENTIFIERS, SignInSettingsForm};

#[component]
pub fn SignInSettingsPage() -> impl IntoView {
    let settings = Resource::new(|| (), |_| get_sign_in_settings());
    view! {
        <Title text="Sign-up and sign-in"/>
        <div class="page-header">
            <div>
                <h1>"Sign-up and sign-in"</h1>
                <p class="muted">"What the hosted sign-in pages ask of the people who use your apps."</p>
            </div>
        </div>
        <Transition fallback=|| view! { <TableSkeleton/> }>
            {move || Suspend::new(async move {
                match settings.await {
                    Ok(s) => view! { <SettingsForm initial=s/> }.into_any(),
                    Err(e) => view! {
                        <LoadError error=e what="Settings" back_href="/console/organizations" back_label="Back"
                            on_retry=Callback::new(move |_| settings.refetch())/>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Where mail goes; codes need it.
#[component]
fn MailStatus(mail: String, enabled: bool) -> impl IntoView {
    let (class, text) = if !enabled {
        (
            "card notice warning",
            "Mail is turned off on this server (TESSERA__EMAIL__TRANSPORT=disabled): emailed codes, email sign-up and password reset are unavailable.".to_string(),
        )
    } else if mail.starts_with("outbox") {
        (
            "card notice",
            format!(
                "Mail is written to the {mail} on the server, not sent: set TESSERA__EMAIL__TRANSPORT=smtp to deliver it."
            ),
        )
    } else {
        ("card notice", format!("Mail is sent through the {mail}."))
    };
    view! {
        <section class=class aria-labelledby="mail-title">
            <h2 id="mail-title">"Email delivery"</h2>
            <p>{text}</p>
        </section>
    }
}

#[component]
fn SettingsForm(initial: SignInSettingsForm) -> impl IntoView {
    let saved = RwSignal::new(initial.clone());
    let form = RwSignal::new(initial.clone());
    let error = RwSignal::new(None::<AppError>);
    let toasts = use_toasts();
    let save = Action::new(|f: &SignInSettingsForm| save_sign_in_settings(f.clone()));
    when_done(
        save,
        move |s: SignInSettingsForm| {
            saved.set(s.clone());
            form.set(s);
            error.set(None);
            toasts.show("Sign-up and sign-in settings saved.");
        },
        move |e| error.set(Some(e)),
    );
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(form.get());
    };
    let mail_off = !initial.mail_enabled;
    let check = move |id: &'static str,
                      label: &'static str,
                      hint: &'static str,
                      get: fn(&SignInSettingsForm) -> bool,
                      set: fn(&mut SignInSettingsForm, bool)| {
        view! {
            <label class="choice" for=id>
                <input type="checkbox" id=id name=id
                    prop:checked=move || form.with(get)
                    on:change=move |ev| form.update(|f| set(f, event_target_checked(&ev)))/>
                <span><strong>{label}</strong><span class="help">{hint}</span></span>
            </label>
        }
    };
    view! {
        <MailStatus mail=initial.mail.clone() enabled=initial.mail_enabled/>
        <form class="card form settings" on:submit=submit novalidate>
            <h2 id="mode-title">"Who may use the pages"</h2>
            <div role="radiogroup" aria-labelledby="mode-title" class="choice-list">
                {SIGN_IN_MODES.iter().map(|(value, label, hint)| {
                    let id = format!("mode-{value}");
                    view! {
                        <label class="choice">
                            <input type="radio" id=id name="sign_in_mode" value=*value
                                prop:checked=move || form.with(|f| f.sign_in_mode == *value)
                                on:change=move |_| form.update(|f| f.sign_in_mode = value.to_string())/>
                            <span><strong>{*label}</strong><span class="help">{*hint}</span></span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <FieldError error=error field="sign_in_mode"/>

            <h2 id="sign-up-title">"Sign-up: new accounts give"</h2>
            <div role="radiogroup" aria-labelledby="sign-up-title" class="choice-list">
                {SIGN_UP_IDENTIFIERS.iter().map(|(value, label, hint)| {
                    let id = format!("sign-up-{value}");
                    view! {
                        <label class="choice">
                            <input type="radio" id=id name="sign_up_identifier" value=*value
                                prop:checked=move || form.with(|f| f.sign_up_identifier == *value)
                                on:change=move |_| form.update(|f| f.sign_up_identifier = value.to_string())/>
                            <span><strong>{*label}</strong><span class="help">{*hint}</span></span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <FieldError error=error field="sign_up_identifier"/>
            <div class="choice-list">
                {check("sign_up_password", "Set a password at sign-up",
                    "Off: accounts have no password and sign in with emailed codes.",
                    |f| f.sign_up_password, |f, on| f.sign_up_password = on)}
            </div>

            <h2 id="sign-in-title">"Sign-in: people sign in with"</h2>
            <div role="group" aria-labelledby="sign-in-title" class="choice-list">
                {check("username_password", "Username and password", "",
                    |f| f.username_password, |f, on| f.username_password = on)}
                {check("email_password", "Email address and password", "",
                    |f| f.email_password, |f, on| f.email_password = on)}
                {check("email_code", "Email address and an emailed code",
                    "Passwordless: a 6-digit code valid for 10 minutes. An address without an account may register with it when sign-up asks for email.",
                    |f| f.email_code, |f, on| f.email_code = on)}
            </div>
            <FieldError error=error field="sign_in_methods"/>

            <h2>"Forgotten passwords"</h2>
            <div class="choice-list">
                {check("forgot_password_email", "Reset by emailed code",
                    "The sign-in page links to “Forgot your password?”; nobody is told whether an address has an account.",
                    |f| f.forgot_password_email, |f, on| f.forgot_password_email = on)}
            </div>
            <FieldError error=error field="forgot_password_email"/>
            {mail_off.then(|| view! {
                <p class="help warning" role="note">"Choices that send mail are refused while mail is turned off."</p>
            })}
            <FormError error=error fields=&["sign_in_mode", "sign_up_identifier", "sign_in_methods", "forgot_password_email"]/>
            <SaveBar dirty=Signal::derive(move || form.get() != saved.get()) pending=save.pending()
                on_discard=Callback::new(move |()| { form.set(saved.get()); error.set(None); })/>
        </form>
    }
}
