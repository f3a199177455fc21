//! `/one-time-token`: a magic link's page. The person confirms the account the link is for
//! before it is used (a mail scanner opening the link uses nothing; a browser signed in as
//! someone else does not swallow it).

use leptos::prelude::*;

use super::mfa_verification::CancelSignIn;
use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn OneTimeTokenPage() -> impl IntoView {
    view! {
        <HostedFrame title="Continue with your link" body=|v| {
            let Some(email) = v.magic_link_email.clone() else {
                let error = v.error.clone();
                return view! {
                    <h1>"This link is not valid"</h1>
                    <AttemptError error/>
                    <p class="muted">"It was already used, has expired or was withdrawn. Ask for a new one."</p>
                    <CancelSignIn/>
                }
                .into_any();
            };
            let error = v.error.clone();
            view! {
                <h1>{format!("Continue as {email}")}</h1>
                <p class="muted">
                    "You opened a sign-in link for " <strong>{email}</strong> " to "
                    <strong>{v.app_name.clone()}</strong>
                    ". Continuing signs this browser in with that account (or creates it)."
                </p>
                <HostedForm action="/oidc/interaction/one-time-token">
                    <AttemptError error/>
                    <SubmitButton label="Continue" busy="Signing in…"/>
                </HostedForm>
                <CancelSignIn/>
            }
            .into_any()
        }/>
    }
}
