//! The pages asking for an emailed code: `/register/verify`, `/sign-in/verify`,
//! `/forgot-password/verify`. Each names the address, takes the code, and can send a new one.

use leptos::prelude::*;

use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

/// What differs between the three code pages.
struct CodeStep {
    /// The journey kind the page belongs to.
    kind: &'static str,
    title: &'static str,
    action: &'static str,
    /// Where "Use another email address" goes.
    back: &'static str,
}

#[component]
pub fn RegisterVerifyPage() -> impl IntoView {
    code_page(CodeStep {
        kind: "Register",
        title: "Confirm your email",
        action: "/oidc/interaction/register/verify",
        back: "/register",
    })
}

#[component]
pub fn SignInVerifyPage() -> impl IntoView {
    code_page(CodeStep {
        kind: "SignIn",
        title: "Enter your sign-in code",
        action: "/oidc/interaction/sign-in/verify",
        back: "/sign-in",
    })
}

#[component]
pub fn ForgotPasswordVerifyPage() -> impl IntoView {
    code_page(CodeStep {
        kind: "ForgotPassword",
        title: "Check your email",
        action: "/oidc/interaction/forgot-password/verify",
        back: "/forgot-password",
    })
}

fn code_page(step: CodeStep) -> impl IntoView {
    let CodeStep {
        kind,
        title,
        action,
        back,
    } = step;
    view! {
        <HostedFrame title body=move |v| {
            let Some(journey) = v.journey.clone().filter(|j| j.kind == kind) else {
                return view! {
                    <h1>{title}</h1>
                    <p class="muted">"No code is waiting here. Start again."</p>
                    <p class="hosted-switch"><a href=back>"Start again"</a></p>
                }
                .into_any();
            };
            let error = v.error.clone();
            let described = if error.is_some() { "code-sent form-error" } else { "code-sent" };
            let invalid = error.is_some().to_string();
            view! {
                <h1>{title}</h1>
                <p class="muted" id="code-sent">
                    "We sent a 6-digit code to " <strong>{journey.email.clone()}</strong>
                    ". It expires in 10 minutes."
                </p>
                <HostedForm action>
                    <label for="code">"Verification code"</label>
                    <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
                        pattern="[0-9 ]{6,7}" maxlength="7" required autofocus
                        aria-invalid=invalid aria-describedby=described/>
                    <AttemptError error/>
                    <SubmitButton label="Continue" busy="Checking…"/>
                </HostedForm>
                <form method="post" action="/oidc/interaction/code/resend" class="hosted-resend">
                    <span class="muted">"No email? "</span>
                    <button type="submit" class="link-button">"Send a new code"</button>
                </form>
                <p class="hosted-switch"><a href=back>"Use another email address"</a></p>
            }
            .into_any()
        }/>
    }
}
