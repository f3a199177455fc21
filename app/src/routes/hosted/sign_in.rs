use leptos::prelude::*;

use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <HostedFrame title="Sign in" body=|v| {
            let described = v.error.is_some().then_some("form-error");
            // The form's children render later: they take owned copies.
            let identifier = v.identifier.clone().unwrap_or_default();
            let invalid = v.error.is_some().to_string();
            let error = v.error.clone();
            view! {
                <h1>"Sign in"</h1>
                <p class="muted">"to continue to " <strong>{v.app_name.clone()}</strong></p>
                <HostedForm action="/oidc/interaction/sign-in">
                    <label for="identifier">"Username or email"</label>
                    <input id="identifier" name="identifier" autocomplete="username" required
                        autofocus value=identifier
                        aria-invalid=invalid aria-describedby=described/>
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password"
                        autocomplete="current-password" required aria-describedby=described/>
                    <AttemptError error=error/>
                    <SubmitButton label="Sign in" busy="Signing in…"/>
                </HostedForm>
                {v.can_register().then(|| view! {
                    <p class="hosted-switch">"No account? " <a href="/register">"Create one"</a></p>
                })}
                <form method="post" action="/oidc/interaction/cancel" class="hosted-cancel">
                    <button type="submit" class="link-button">"Cancel and go back"</button>
                </form>
            }
        }/>
    }
}
