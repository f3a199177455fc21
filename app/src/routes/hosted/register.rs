//! `/register`: the fields the sign-in experience's `signUp` asks for; an email address to
//! prove is followed by `/register/verify`.

use leptos::prelude::*;

use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn RegisterPage() -> impl IntoView {
    view! {
        <HostedFrame title="Create account" body=|v| {
            if !v.can_register() || !v.sign_up.possible() {
                return view! {
                    <h1>"Creating accounts is turned off"</h1>
                    <p class="muted">"Ask your administrator for an account."</p>
                    <p class="hosted-switch"><a href="/sign-in">"Back to sign in"</a></p>
                }
                .into_any();
            }
            let form = v.sign_up.clone();
            // An address proved by a sign-in code: kept, not asked again.
            let proved = v
                .journey
                .as_ref()
                .filter(|j| j.kind == "Register" && j.verified)
                .map(|j| j.email.clone());
            // What was typed before a refusal: "username email", or one of them.
            let typed = v.identifier.clone().unwrap_or_default();
            let (email, username) = match typed.split_once(' ') {
                Some((u, e)) => (e.to_string(), u.to_string()),
                None if typed.contains('@') => (typed, String::new()),
                None => (String::new(), typed),
            };
            let email = proved.clone().unwrap_or(email);
            let error = v.error.clone();
            let code_next = form.email_verify && proved.is_none();
            let (label, busy) = if code_next {
                ("Continue", "Sending code…")
            } else {
                ("Create account", "Creating…")
            };
            view! {
                <h1>"Create your account"</h1>
                <p class="muted">"for " <strong>{v.app_name.clone()}</strong></p>
                <HostedForm action="/oidc/interaction/register">
                    {form.username.then(|| view! {
                        <label for="username">"Username"</label>
                        <input id="username" name="username" autocomplete="username" required
                            value=username/>
                    })}
                    {form.email.then(|| {
                        let readonly = proved.is_some();
                        view! {
                            <label for="email">"Email"</label>
                            <input id="email" name="email" type="email" autocomplete="email"
                                required value=email readonly=readonly/>
                            <p class="help">{if readonly {
                                "Verified with the code you entered."
                            } else if code_next {
                                "We will email you a code to confirm this address."
                            } else {
                                ""
                            }}</p>
                        }
                    })}
                    {form.password.then(|| view! {
                        <label for="password">"Password"</label>
                        <input id="password" name="password" type="password"
                            autocomplete="new-password" minlength="8" required/>
                        <p class="help">"At least 8 characters."</p>
                        <label for="password_confirm">"Confirm password"</label>
                        <input id="password_confirm" name="password_confirm" type="password"
                            autocomplete="new-password" required/>
                    })}
                    <AttemptError error=error/>
                    <SubmitButton label busy/>
                </HostedForm>
                <p class="hosted-switch">"Have an account? " <a href="/sign-in">"Sign in"</a></p>
            }
            .into_any()
        }/>
    }
}
