//! `/mfa-binding[/{factor}]`: adding a second factor during sign-in — an authenticator app (QR
//! code drawn by the server, the key as text, the first code proves it), a passkey
//! (`mfa_passkey.rs`) and backup codes (shown until confirmed as saved, downloadable); Skip
//! only where the policy allows it. Also `/mfa-onboarding`, the suggestion to turn it on.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::mfa_parts::{ElsewherePage, FactorList, OtherMethods, OtpInput, RequiredBy, SkipButton};
use super::mfa_passkey::PasskeyForm;
use super::mfa_verification::CancelSignIn;
use super::{AttemptError, HostedForm, HostedFrame, SubmitButton};

#[component]
pub fn MfaBindingPage() -> impl IntoView {
    let params = use_params_map();
    let factor = params.read_untracked().get("factor").unwrap_or_default();
    view! {
        <HostedFrame title="Add 2-step verification" body=move |v| {
            let error = v.error.clone();
            let described = error.is_some().then_some("form-error");
            let invalid = error.is_some();
            let mfa = v.mfa.clone();
            match (factor.as_str(), mfa) {
                ("BackupCode", Some(m)) if m.page == "BackupCodes" => {
                    let codes = m.backup_codes.clone();
                    view! {
                        <h1>"Save your backup codes"</h1>
                        <p class="muted">"If you cannot use your other method, one of these codes lets you sign in. Each code works once. Keep them somewhere safe: they are shown only until you continue."</p>
                        <ul class="backup-codes" aria-label="Backup codes">
                            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                        </ul>
                        <p><a href="/oidc/interaction/mfa/backup-codes.txt" download="backup-codes.txt">"Download as a text file"</a></p>
                        <HostedForm action="/oidc/interaction/mfa/bind-backup-codes">
                            <label class="check">
                                <input type="checkbox" name="saved" required aria-describedby=described/>
                                " I have saved these codes"
                            </label>
                            <AttemptError error/>
                            <SubmitButton label="Continue" busy="Saving…"/>
                        </HostedForm>
                        <CancelSignIn/>
                    }.into_any()
                }
                ("Totp", Some(m)) if m.offers("Bind", "Totp") && m.totp.is_some() => {
                    let totp = m.totp.clone().unwrap_or_default();
                    view! {
                        <h1>"Add authenticator app"</h1>
                        <RequiredBy organization=m.organization.clone()/>
                        <h2 class="mfa-step">"Step 1: Scan this QR code"</h2>
                        <p class="muted">"Scan the code with your authenticator app, such as Google Authenticator, Duo Mobile or Authy."</p>
                        <div class="mfa-qr" role="img" aria-label="QR code for your authenticator app" inner_html=totp.qr_svg.clone()></div>
                        <p class="muted">"Can’t scan it? Enter this key in your app instead:"</p>
                        <p><code class="mfa-secret" data-testid="totp-secret">{totp.secret.clone()}</code></p>
                        <p><a href=totp.uri.clone()>"Open in an authenticator app on this device"</a></p>
                        <h2 class="mfa-step">"Step 2: Enter the one-time code"</h2>
                        <HostedForm action="/oidc/interaction/mfa/bind-totp">
                            <OtpInput described invalid/>
                            <AttemptError error/>
                            <SubmitButton label="Continue" busy="Checking…"/>
                        </HostedForm>
                        <OtherMethods mfa=m.clone() current="Totp" base="/mfa-binding" label="Switch to another method"/>
                        <SkipButton skippable=m.skippable/>
                        <CancelSignIn/>
                    }.into_any()
                }
                ("WebAuthn", Some(m)) if m.offers("Bind", "WebAuthn") => view! {
                    <h1>"Create a passkey"</h1>
                    <RequiredBy organization=m.organization.clone()/>
                    <p class="muted">"Register a passkey with your device's fingerprint, face or screen lock, or a security key such as a YubiKey."</p>
                    <PasskeyForm action="/oidc/interaction/mfa/bind-passkey" mode="create"
                        options=m.passkey_options.clone() error label="Create a passkey"/>
                    <OtherMethods mfa=m.clone() current="WebAuthn" base="/mfa-binding" label="Switch to another method"/>
                    <SkipButton skippable=m.skippable/>
                    <CancelSignIn/>
                }.into_any(),
                (_, Some(m)) if m.page == "Bind" => view! {
                    <h1>"Add 2-step verification"</h1>
                    <RequiredBy organization=m.organization.clone()/>
                    <p class="muted">"Choose a second way to verify it is you when you sign in."</p>
                    <FactorList mfa=m.clone() base="/mfa-binding"/>
                    <AttemptError error/>
                    <SkipButton skippable=m.skippable/>
                    <CancelSignIn/>
                }.into_any(),
                (_, other) => view! { <ElsewherePage mfa=other/> }.into_any(),
            }
        }/>
    }
}

/// `/mfa-onboarding`: the suggestion to turn on 2-step verification (enable or skip).
#[component]
pub fn MfaOnboardingPage() -> impl IntoView {
    view! {
        <HostedFrame title="Turn on 2-step verification" body=move |v| {
            let Some(_) = v.mfa.clone().filter(|m| m.page == "Suggest") else {
                return view! { <ElsewherePage mfa=v.mfa.clone()/> }.into_any();
            };
            let error = v.error.clone();
            view! {
                <h1>"Turn on 2-step verification"</h1>
                <p class="muted">"Protect your account with a second step when you sign in: such as an authenticator app or a passkey."</p>
                <AttemptError error/>
                <HostedForm action="/oidc/interaction/mfa/enable">
                    <SubmitButton label="Enable 2-step verification" busy="Continuing…"/>
                </HostedForm>
                <SkipButton skippable=true/>
                <CancelSignIn/>
            }.into_any()
        }/>
    }
}
