use leptos::prelude::*;

use super::{AttemptError, HostedFrame, SubmitButton};

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <HostedFrame title="Sign in" body=|v| {
            let described = v.error.is_some().then_some("form-error");
            view! {
                <h1>"Sign in"</h1>
                <p class="muted">"to continue to " <strong>{v.app_name.clone()}</strong></p>
                <form method="post" action="/oidc/interaction/sign-in" class="form">
                    <label for="identifier">"Username or email"</label>
                    <input id="identifier" name="identifier" autocomplete="username" required
                        autofocus value=v.identifier.clone().unwrap_or_default()
                        aria-invalid=v.error.is_some().to_string() aria-describedby=described/>
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password"
                        autocomplete="current-password" required aria-describedby=described/>
                    <AttemptError error=v.error.clone()/>
                    <SubmitButton label="Sign in" busy="Signing in…"/>
                </form>
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
