//! `/sign-in`: the ways in the sign-in experience offers (an identifier and its password, an
//! emailed code), the way to a forgotten password, and the notice after a reset.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn SignInPage() -> impl IntoView {
    let reset = use_query_map().read_untracked().get("reset").as_deref() == Some("1");
    view! {
        <HostedFrame title="Sign in" body=move |v| {
            let described = v.error.is_some().then_some("form-error");
            // The form's children render later: they take owned copies.
            let identifier = v.identifier.clone().unwrap_or_default();
            let invalid = v.error.is_some().to_string();
            let error = v.error.clone();
            let ways = v.sign_in.clone();
            let label = ways.identifier_label();
            let kind = if ways.email_only() { "email" } else { "text" };
            let forgot = v.forgot_password;
            let notice = (reset && error.is_none()).then(|| view! {
                <p class="form-notice" role="status">
                    "Your password has been changed. Sign in with your new password."
                </p>
            });
            let form = if !ways.password_identifiers.is_empty() {
                let code = ways.email_code;
                view! {
                    <HostedForm action="/oidc/interaction/sign-in">
                        <label for="identifier">{label}</label>
                        <input id="identifier" name="identifier" type=kind autocomplete="username"
                            required autofocus value=identifier
                            aria-invalid=invalid aria-describedby=described/>
                        <div class="label-row">
                            <label for="password">"Password"</label>
                            {forgot.then(|| view! {
                                <a href="/forgot-password" class="small-link">"Forgot your password?"</a>
                            })}
                        </div>
                        <input id="password" name="password" type="password"
                            autocomplete="current-password" required aria-describedby=described/>
                        <AttemptError error=error/>
                        <SubmitButton label="Sign in" busy="Signing in…"/>
                        {code.then(|| view! {
                            <button type="submit" class="btn wide secondary-way"
                                formaction="/oidc/interaction/sign-in/code" formnovalidate>
                                "Email me a sign-in code instead"
                            </button>
                        })}
                    </HostedForm>
                }
                .into_any()
            } else if ways.email_code {
                view! {
                    <HostedForm action="/oidc/interaction/sign-in/code">
                        <label for="identifier">"Email"</label>
                        <input id="identifier" name="identifier" type="email" autocomplete="email"
                            required autofocus value=identifier
                            aria-invalid=invalid aria-describedby=described/>
                        <p class="help">"We will email you a code to sign in."</p>
                        <AttemptError error=error/>
                        <SubmitButton label="Send code" busy="Sending…"/>
                    </HostedForm>
                }
                .into_any()
            } else {
                view! {
                    <p class="muted">"Signing in is not set up yet. Ask your administrator."</p>
                }
                .into_any()
            };
            view! {
                <h1>"Sign in"</h1>
                <p class="muted">"to continue to " <strong>{v.app_name.clone()}</strong></p>
                {notice}
                {form}
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
