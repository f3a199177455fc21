use leptos::prelude::*;

use super::{HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn ConsentPage() -> impl IntoView {
    view! {
        <HostedFrame title="Allow access" body=|v| {
            let Some(consent) = v.consent.clone() else {
                return view! {
                    <h1>"Sign in first"</h1>
                    <p class="hosted-switch"><a href="/sign-in">"Go to sign in"</a></p>
                }
                .into_any();
            };
            view! {
                <h1>{format!("{} wants to access your account", v.app_name)}</h1>
                <p class="muted">"Signed in as " <strong>{consent.user.clone()}</strong></p>
                <ul class="hosted-scopes">
                    {consent.scopes.iter().map(|s| view! { <li><code>{s.clone()}</code></li> }).collect_view()}
                </ul>
                <HostedForm action="/oidc/interaction/consent">
                    <SubmitButton label="Allow" busy="Continuing…"/>
                </HostedForm>
                <form method="post" action="/oidc/interaction/cancel" class="hosted-cancel">
                    <button type="submit" class="link-button">"Deny"</button>
                </form>
            }
            .into_any()
        }/>
    }
}
