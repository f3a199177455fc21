use leptos::prelude::*;

use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! {
        <HostedFrame title="Create account" body=|v| {
            if !v.can_register() {
                return view! {
                    <h1>"Creating accounts is turned off"</h1>
                    <p class="muted">"Ask your administrator for an account."</p>
                    <p class="hosted-switch"><a href="/sign-in">"Back to sign in"</a></p>
                }
                .into_any();
            }
            // What was typed before a refusal: "username email", or one of them.
            let typed = v.identifier.clone().unwrap_or_default();
            let (email, username) = match typed.split_once(' ') {
                Some((u, e)) => (e.to_string(), u.to_string()),
                None if typed.contains('@') => (typed, String::new()),
                None => (String::new(), typed),
            };
            let error = v.error.clone();
            view! {
                <h1>"Create your account"</h1>
                <p class="muted">"for " <strong>{v.app_name.clone()}</strong></p>
                <HostedForm action="/oidc/interaction/register">
                    <label for="username">"Username"</label>
                    <input id="username" name="username" autocomplete="username" value=username/>
                    <label for="email">"Email"</label>
                    <input id="email" name="email" type="email" autocomplete="email" value=email/>
                    <p class="help">"A username, an email address, or both."</p>
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password"
                        autocomplete="new-password" minlength="8" required/>
                    <p class="help">"At least 8 characters."</p>
                    <label for="password_confirm">"Confirm password"</label>
                    <input id="password_confirm" name="password_confirm" type="password"
                        autocomplete="new-password" required/>
                    <AttemptError error=error/>
                    <SubmitButton label="Create account" busy="Creating…"/>
                </HostedForm>
                <p class="hosted-switch">"Have an account? " <a href="/sign-in">"Sign in"</a></p>
            }
            .into_any()
        }/>
    }
}
