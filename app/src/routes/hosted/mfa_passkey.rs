//! The passkey forms of the MFA pages: the one hosted step that needs JavaScript (the browser
//! runs the ceremony; `passkey.js` fills the form's answer and posts it). Without JavaScript the
//! page says so and offers the other methods.

use leptos::prelude::*;

use super::AttemptError;

/// A form whose submit runs the passkey ceremony `mode` (`create` or `get`) with `options`.
#[component]
pub fn PasskeyForm(
    action: &'static str,
    mode: &'static str,
    options: Option<String>,
    error: Option<String>,
    label: &'static str,
) -> impl IntoView {
    let Some(options) = options else {
        return view! {
            <p class="form-error" role="alert">"Passkeys are not available on this server. Choose another method."</p>
        }
        .into_any();
    };
    view! {
        // Shown until the passkey script runs (it hides it): without JavaScript it stays.
        <p class="form-error" data-passkey-noscript>"Passkeys need JavaScript in this browser. Turn it on, or choose another method."</p>
        <form method="post" action=action class="form" data-passkey=mode data-options=options>
            <input type="hidden" name="credential" value=""/>
            <AttemptError error/>
            <p class="form-error" role="alert" data-passkey-error hidden></p>
            <button type="submit" class="btn primary wide">{label}</button>
        </form>
        <script src="/oidc/interaction/mfa/passkey.js"></script>
    }
    .into_any()
}
