//! What an email journey keeps on its interaction, and the code steps they share: sending a
//! code with the page's words for each refusal, checking one, sending it again.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::domain::{DomainError, verification_codes};
use crate::http::peer_ip::PeerIp;
use crate::mail::TemplateType;
use crate::oidc::flow;
use crate::oidc::pending::{Pending, internal, pending};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

/// How long a right reset code lets the new password wait (a shared computer left on the
/// reset page does not stay open for the interaction's whole hour).
pub const RESET_WINDOW_MS: i64 = 600_000;

/// A journey under way: the address a code went to and what waits on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Journey {
    /// An account to create once the address is proved (`verified`: proved already, by a
    /// sign-in code for an address without an account).
    Register {
        email: String,
        username: Option<String>,
        /// argon2id PHC string of the password typed on the form.
        password_hash: Option<String>,
        verified: bool,
    },
    /// A sign-in waiting on its code.
    SignIn { email: String, deliver: bool },
    /// A password to reset; `verified_at` once the code was right (epoch ms: the new
    /// password must follow within [`RESET_WINDOW_MS`]).
    ForgotPassword {
        email: String,
        deliver: bool,
        verified_at: Option<i64>,
    },
}

impl Journey {
    pub fn of(p: &Pending) -> Option<Journey> {
        serde_json::from_str(p.row.journey.as_deref()?).ok()
    }

    pub fn email(&self) -> &str {
        match self {
            Journey::Register { email, .. }
            | Journey::SignIn { email, .. }
            | Journey::ForgotPassword { email, .. } => email,
        }
    }

    fn kind(&self) -> TemplateType {
        match self {
            Journey::Register { .. } => TemplateType::Register,
            Journey::SignIn { .. } => TemplateType::SignIn,
            Journey::ForgotPassword { .. } => TemplateType::ForgotPassword,
        }
    }

    /// The page asking for this journey's code.
    pub fn code_page(&self) -> &'static str {
        match self {
            Journey::Register { .. } => "/register/verify",
            Journey::SignIn { .. } => "/sign-in/verify",
            Journey::ForgotPassword { .. } => "/forgot-password/verify",
        }
    }

    fn deliver(&self) -> bool {
        match self {
            Journey::Register { .. } => true,
            Journey::SignIn { deliver, .. } | Journey::ForgotPassword { deliver, .. } => *deliver,
        }
    }
}

/// Stores the journey (`None` ends it) with the page's message, then sends the browser to
/// `page`.
pub async fn go(
    state: &AppState,
    p: &Pending,
    journey: Option<&Journey>,
    page: &str,
    message: Option<&str>,
    typed: Option<&str>,
) -> Response {
    let text = match journey.map(serde_json::to_string).transpose() {
        Ok(t) => t,
        Err(e) => return internal(e),
    };
    match state
        .store
        .interaction_set_journey(&p.row.id_digest, text.as_deref(), message, typed)
        .await
    {
        Ok(_) => flow::see_other(page),
        Err(e) => internal(e),
    }
}

/// Sends the journey's code; the page's message when it cannot be sent.
pub async fn send_code(state: &AppState, p: &Pending, journey: &Journey) -> Result<(), String> {
    let app_name = state
        .store
        .application_find_by_id(DEFAULT_TENANT, &p.request.client_id)
        .await
        .ok()
        .flatten()
        .map(|a| a.name)
        .unwrap_or_default();
    let mut extra = json!({ "application": { "id": p.request.client_id, "name": app_name } });
    if let Some(org) = &p.request.organization_id
        && let Ok(Some(o)) = state
            .store
            .organization_find_by_id(DEFAULT_TENANT, org)
            .await
    {
        extra["organization"] = json!({ "id": o.id, "name": o.name });
    }
    let request = verification_codes::CodeMail {
        email: journey.email(),
        kind: journey.kind(),
        extra,
        deliver: journey.deliver(),
    };
    let sent = verification_codes::send(
        &state.store,
        &state.mailer,
        DEFAULT_TENANT,
        request,
        state.clock.now_ms(),
    )
    .await;
    sent.map_err(|e| code_message(&e))
}

/// Checks the code typed for the journey; the page's message when it is not right.
pub async fn check_code(state: &AppState, journey: &Journey, code: &str) -> Result<(), String> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    verification_codes::verify(
        &state.store,
        DEFAULT_TENANT,
        journey.email(),
        journey.kind(),
        &code,
        state.clock.now_ms(),
    )
    .await
    .map_err(|e| code_message(&e))
}

/// A code refusal in the page's words.
fn code_message(e: &DomainError) -> String {
    match e {
        DomainError::Refused { code, .. } => match *code {
            "verification_code.not_found" => "Send a new code first.",
            "verification_code.expired" => "This code has expired. Send a new one.",
            "verification_code.exceed_max_try" => "Too many wrong codes. Send a new one.",
            "session.verification_blocked_too_many_attempts" => {
                "Too many wrong codes for this address. Try again in an hour."
            }
            "verification_code.code_mismatch" => "The code is incorrect.",
            "request.message_rate_limited" => {
                "Too many codes were sent to this address. Try again in a few minutes."
            }
            "connector.not_found" => "Email cannot be sent right now. Ask your administrator.",
            _ => "The code could not be sent. Try again.",
        }
        .into(),
        DomainError::Invalid(_) => "Enter a valid email address.".into(),
        other => {
            tracing::error!(error = %other, "verification code step failed");
            "Something went wrong. Try again.".into()
        }
    }
}

/// `POST /oidc/interaction/code/resend`: a new code for the journey under way.
pub async fn resend(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    headers: HeaderMap,
) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let Some(journey) = Journey::of(&p) else {
        return flow::see_other("/sign-in");
    };
    if let Err(message) = state.sign_in_limits.check_page(peer, journey.email()) {
        return go(
            &state,
            &p,
            Some(&journey),
            journey.code_page(),
            Some(&message),
            None,
        )
        .await;
    }
    let message = send_code(&state, &p, &journey).await.err();
    go(
        &state,
        &p,
        Some(&journey),
        journey.code_page(),
        message.as_deref(),
        None,
    )
    .await
}

/// The code field of the verification forms.
#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    pub code: String,
}
