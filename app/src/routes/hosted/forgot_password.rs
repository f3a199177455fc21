//! `/forgot-password` (the address to send a reset code to) and `/reset-password` (the new
//! password, once the code was right).

use leptos::prelude::*;

use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    view! {
        <HostedFrame title="Reset your password" body=|v| {
            if !v.forgot_password {
                return view! {
                    <h1>"Reset your password"</h1>
                    <p class="muted">"Resetting a password by email is not available. Ask your administrator."</p>
                    <p class="hosted-switch"><a href="/sign-in">"Back to sign in"</a></p>
                }
                .into_any();
            }
            let typed = v
                .identifier
                .clone()
                .filter(|i| i.contains('@'))
                .unwrap_or_default();
            let error = v.error.clone();
            let described = error.is_some().then_some("form-error");
            let invalid = error.is_some().to_string();
            view! {
                <h1>"Reset your password"</h1>
                <p class="muted">"Enter the email address of your account. We will email you a code to reset your password."</p>
                <HostedForm action="/oidc/interaction/forgot-password">
                    <label for="email">"Email"</label>
                    <input id="email" name="email" type="email" autocomplete="email" required
                        autofocus value=typed aria-invalid=invalid aria-describedby=described/>
                    <AttemptError error/>
                    <SubmitButton label="Send code" busy="Sending…"/>
                </HostedForm>
                <p class="hosted-switch"><a href="/sign-in">"Back to sign in"</a></p>
            }
            .into_any()
        }/>
    }
}

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    view! {
        <HostedFrame title="Choose a new password" body=|v| {
            let ready = v
                .journey
                .as_ref()
                .is_some_and(|j| j.kind == "ForgotPassword" && j.verified);
            if !ready {
                return view! {
                    <h1>"Choose a new password"</h1>
                    <p class="muted">"Confirm your email address first."</p>
                    <p class="hosted-switch"><a href="/forgot-password">"Start again"</a></p>
                }
                .into_any();
            }
            let email = v.journey.as_ref().map(|j| j.email.clone()).unwrap_or_default();
            let error = v.error.clone();
            view! {
                <h1>"Choose a new password"</h1>
                <p class="muted">"For " <strong>{email.clone()}</strong></p>
                <HostedForm action="/oidc/interaction/reset-password">
                    // Lets password managers save the new password for the right account.
                    <input type="hidden" name="username" autocomplete="username" value=email/>
                    <label for="password">"New password"</label>
                    <input id="password" name="password" type="password"
                        autocomplete="new-password" minlength="8" required autofocus/>
                    <p class="help">"At least 8 characters."</p>
                    <label for="password_confirm">"Confirm new password"</label>
                    <input id="password_confirm" name="password_confirm" type="password"
                        autocomplete="new-password" required/>
                    <AttemptError error/>
                    <SubmitButton label="Change password" busy="Saving…"/>
                </HostedForm>
            }
            .into_any()
        }/>
    }
}
