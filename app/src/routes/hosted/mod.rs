//! The hosted sign-in pages end users see (`/sign-in`, `/register`, `/consent`, the email
//! code pages `/register/verify`, `/sign-in/verify`, `/forgot-password[/verify]`,
//! `/reset-password`, the magic link's `/one-time-token`, the invitation page
//! `/invitation/{id}`, the MFA pages
//! `/mfa-verification`, `/mfa-binding`, `/mfa-onboarding`). Plain HTML
//! forms posting to `/oidc/interaction/*`, so everything works with JavaScript off; with it on,
//! the pages hydrate and only add comfort (a busy state on submit).

mod branding;
mod code_entry;
mod consent;
mod forgot_password;
mod invitation;
mod mfa_binding;
mod mfa_parts;
mod mfa_passkey;
mod mfa_verification;
mod one_time_token;
mod register;
mod sign_in;

use leptos::prelude::*;

pub use code_entry::{ForgotPasswordVerifyPage, RegisterVerifyPage, SignInVerifyPage};
pub use consent::ConsentPage;
pub use forgot_password::{ForgotPasswordPage, ResetPasswordPage};
pub use invitation::InvitationPage;
pub use mfa_binding::{MfaBindingPage, MfaOnboardingPage};
pub use mfa_verification::MfaVerificationPage;
pub use one_time_token::OneTimeTokenPage;
pub use register::RegisterPage;
pub use sign_in::SignInPage;

use crate::api::hosted::get_hosted_view;
use crate::model::HostedView;
use branding::Branded;

/// Loads the pending sign-in and renders `body` inside the branded card, or explains that
/// the request has expired.
#[component]
fn HostedFrame<F, V>(title: &'static str, body: F) -> impl IntoView
where
    F: Fn(HostedView) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let view_data = Resource::new(|| (), |_| get_hosted_view());
    let body = std::sync::Arc::new(body);
    view! {
        <leptos_meta::Title text=title/>
        <main class="hosted">
            <Suspense fallback=|| view! { <section class="hosted-card" aria-busy="true"></section> }>
                {move || {
                    let body = body.clone();
                    Suspend::new(async move {
                    match view_data.await {
                        Ok(v) if v.pending => {
                            let branding = v.branding.clone();
                            view! { <Branded branding><div>{body(v)}</div></Branded> }.into_any()
                        }
                        Ok(_) => view! { <Expired/> }.into_any(),
                        Err(e) => view! {
                            <section class="hosted-card" role="alert">
                                <h1>"Something went wrong"</h1>
                                <p>{e.to_string()}</p>
                            </section>
                        }
                        .into_any(),
                    }
                    })
                }}
            </Suspense>
        </main>
    }
}

#[component]
fn Expired() -> impl IntoView {
    view! {
        <section class="hosted-card" role="alert">
            <h1>"This sign-in link has expired"</h1>
            <p class="muted">"Go back to the application and start signing in again."</p>
        </section>
    }
}

/// The error of the last attempt, announced to screen readers.
#[component]
fn AttemptError(error: Option<String>) -> impl IntoView {
    error.map(|e| view! { <p class="form-error" role="alert" id="form-error">{e}</p> })
}

/// Whether the enclosing [`HostedForm`] is being submitted.
#[derive(Clone, Copy)]
struct Submitting(RwSignal<bool>);

/// A form posting to `action`. Its submit button turns busy on the form's `submit` event,
/// which the browser fires only once its own validation passed: a submit the browser blocked
/// (an empty required field) leaves the button as it was.
#[component]
fn HostedForm(action: &'static str, children: Children) -> impl IntoView {
    let submitting = Submitting(RwSignal::new(false));
    provide_context(submitting);
    view! {
        <form method="post" action=action class="form" on:submit=move |_| submitting.0.set(true)>
            {children()}
        </form>
    }
}

/// The submit button of a [`HostedForm`]: a busy label while the form is being submitted
/// (with JavaScript on).
#[component]
fn SubmitButton(label: &'static str, busy: &'static str) -> impl IntoView {
    let pressed = use_context::<Submitting>().map_or_else(|| RwSignal::new(false), |s| s.0);
    view! {
        <button type="submit" class="btn primary wide" aria-busy=move || pressed.get().to_string()>
            {move || if pressed.get() { busy } else { label }}
        </button>
    }
}
