//! What the MFA pages share: factor names and hints, the links to the other methods, the
//! organization's requirement, Skip, and the page shown when the sign-in waits elsewhere.
//! Links between MFA pages load the page whole (`rel="external"`): the step they show is the
//! server's, read when the page renders.

use leptos::prelude::*;

use crate::model::MfaView;

/// A factor's name and one-line hint (Logto's experience texts), for verifying or for setting
/// it up (`binding`).
pub fn factor_label(factor: &str, binding: bool) -> (&'static str, &'static str) {
    match (factor, binding) {
        ("Totp", false) => ("Authenticator app OTP", "Enter the one-time code in app"),
        ("Totp", true) => (
            "Authenticator app OTP",
            "E.g. Google Authenticator, Duo Mobile, Authy",
        ),
        ("WebAuthn", false) => ("Passkey", "Verify your device or USB hardware"),
        ("WebAuthn", true) => ("Passkey", "Link your device or USB hardware"),
        ("BackupCode", _) => ("Backup code", "Paste the backup code you saved"),
        _ => ("Another method", ""),
    }
}

/// Links to the factors other than `current` (`base`: `/mfa-verification` or `/mfa-binding`).
#[component]
pub fn OtherMethods(
    mfa: MfaView,
    current: &'static str,
    base: &'static str,
    label: &'static str,
) -> impl IntoView {
    let others: Vec<String> = mfa
        .factors
        .iter()
        .filter(|f| f.as_str() != current)
        .cloned()
        .collect();
    (!others.is_empty()).then(|| {
        view! {
            <nav class="mfa-others" aria-label=label>
                <p class="muted">{label}</p>
                <ul>
                    {others.into_iter().map(|f| {
                        let (name, _) = factor_label(&f, base == "/mfa-binding");
                        view! { <li><a href=format!("{base}/{f}") rel="external">{name}</a></li> }
                    }).collect_view()}
                </ul>
            </nav>
        }
    })
}

/// A list of the factors to choose from.
#[component]
pub fn FactorList(mfa: MfaView, base: &'static str) -> impl IntoView {
    view! {
        <ul class="mfa-factors">
            {mfa.factors.iter().map(|f| {
                let (name, hint) = factor_label(f, base == "/mfa-binding");
                view! {
                    <li><a href=format!("{base}/{f}") rel="external"><strong>{name}</strong><span class="muted">{hint}</span></a></li>
                }
            }).collect_view()}
        </ul>
    }
}

/// "Acme requires 2-step verification", when an organization's rule is why.
#[component]
pub fn RequiredBy(organization: Option<String>) -> impl IntoView {
    organization.map(|name| {
        view! {
            <p class="mfa-required" role="note">
                <strong>{name}</strong>" requires 2-step verification for its members."
            </p>
        }
    })
}

/// The Skip button, where the policy allows it.
#[component]
pub fn SkipButton(skippable: bool) -> impl IntoView {
    skippable.then(|| {
        view! {
            <form method="post" action="/oidc/interaction/mfa/skip" class="hosted-cancel">
                <button type="submit" class="link-button">"Skip for now"</button>
            </form>
        }
    })
}

/// Shown when this page is not the one the sign-in waits on (an old tab, the back button).
#[component]
pub fn ElsewherePage(mfa: Option<MfaView>) -> impl IntoView {
    let target = mfa.map_or_else(|| "/sign-in".to_string(), |m| m.path);
    view! {
        <h1>"Continue signing in"</h1>
        <p class="muted">"This step is not the one your sign-in is waiting for."</p>
        <p class="hosted-switch"><a href=target rel="external">"Continue"</a></p>
    }
}

/// The code input of the TOTP forms.
#[component]
pub fn OtpInput(described: Option<&'static str>, invalid: bool) -> impl IntoView {
    view! {
        <label for="code">"One-time code"</label>
        <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code"
            pattern="[0-9]{6}" maxlength="6" required autofocus
            aria-invalid=invalid.to_string() aria-describedby=described/>
    }
}
