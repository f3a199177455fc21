//! `/mfa-verification[/{factor}]`: a user who holds a factor proves it (TOTP code, passkey,
//! backup code), or picks another method.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::mfa_parts::{ElsewherePage, FactorList, OtherMethods, OtpInput};
use super::mfa_passkey::PasskeyForm;
use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn MfaVerificationPage() -> impl IntoView {
    let params = use_params_map();
    let factor = params.read_untracked().get("factor").unwrap_or_default();
    view! {
        <HostedFrame title="2-step verification" body=move |v| {
            let Some(mfa) = v.mfa.clone().filter(|m| m.page == "Verify") else {
                return view! { <ElsewherePage mfa=v.mfa.clone()/> }.into_any();
            };
            let error = v.error.clone();
            let described = error.is_some().then_some("form-error");
            let invalid = error.is_some();
            match factor.as_str() {
                "Totp" if mfa.offers("Verify", "Totp") => view! {
                    <h1>"Enter the one-time code"</h1>
                    <p class="muted">"2-step verification is on for this account. Enter the one-time code shown in your authenticator app."</p>
                    <HostedForm action="/oidc/interaction/mfa/verify-totp">
                        <OtpInput described invalid/>
                        <AttemptError error/>
                        <SubmitButton label="Continue" busy="Checking…"/>
                    </HostedForm>
                    <OtherMethods mfa current="Totp" base="/mfa-verification" label="Try another method to verify"/>
                    <CancelSignIn/>
                }.into_any(),
                "BackupCode" if mfa.offers("Verify", "BackupCode") => view! {
                    <h1>"Enter a backup code"</h1>
                    <p class="muted">"Enter one of the backup codes you saved when you turned on 2-step verification. Each code works once."</p>
                    <HostedForm action="/oidc/interaction/mfa/verify-backup-code">
                        <label for="code">"Backup code"</label>
                        <input id="code" name="code" autocomplete="one-time-code" spellcheck="false"
                            maxlength="10" required autofocus
                            aria-invalid=invalid.to_string() aria-describedby=described/>
                        <AttemptError error/>
                        <SubmitButton label="Continue" busy="Checking…"/>
                    </HostedForm>
                    <OtherMethods mfa current="BackupCode" base="/mfa-verification" label="Try another method to verify"/>
                    <CancelSignIn/>
                }.into_any(),
                "WebAuthn" if mfa.offers("Verify", "WebAuthn") => view! {
                    <h1>"Verify via passkey"</h1>
                    <p class="muted">"Use your device's fingerprint, face or screen lock, or your security key."</p>
                    <PasskeyForm action="/oidc/interaction/mfa/verify-passkey" mode="get"
                        options=mfa.passkey_options.clone() error label="Use passkey"/>
                    <OtherMethods mfa current="WebAuthn" base="/mfa-verification" label="Try another method to verify"/>
                    <CancelSignIn/>
                }.into_any(),
                _ => view! {
                    <h1>"2-step verification"</h1>
                    <p class="muted">"2-step verification is on for this account. Choose how to verify it is you."</p>
                    <FactorList mfa base="/mfa-verification"/>
                    <CancelSignIn/>
                }.into_any(),
            }
        }/>
    }
}

/// Leaves the sign-in (back to the app with `access_denied`).
#[component]
pub fn CancelSignIn() -> impl IntoView {
    view! {
        <form method="post" action="/oidc/interaction/cancel" class="hosted-cancel">
            <button type="submit" class="link-button">"Cancel and go back"</button>
        </form>
    }
}
