//! Brute-force protection of the console's sign-in and first-run forms: the hosted sign-in's
//! limits (per client address, per account), counted before any password work so a refused
//! attempt costs no argon2 time.

use app::error::AppError;
use axum::http::{HeaderValue, header};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::http::peer_ip::PeerIp;
use crate::state::AppState;

/// Counts one attempt from this request's client, and on `account` when it is not empty.
pub async fn count(state: &AppState, account: &str) -> Result<(), AppError> {
    let PeerIp(ip) = leptos_axum::extract_with_state::<PeerIp, AppState>(state)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "client address unavailable");
            AppError::Internal
        })?;
    // Administrators are another tenant than end users: their names get their own buckets.
    let account = if account.is_empty() {
        String::new()
    } else {
        format!("console:{account}")
    };
    state.sign_in_limits.check(ip, &account).map_err(|wait| {
        if let Some(res) = use_context::<ResponseOptions>()
            && let Ok(value) = HeaderValue::from_str(&wait.to_string())
        {
            res.insert_header(header::RETRY_AFTER, value);
        }
        AppError::TooManyAttempts(wait)
    })
}
