//! Magic links (next-features §5.2): an authorization request carrying `one_time_token` and
//! `login_hint` opens `/one-time-token`, where the person confirms the account the link is for;
//! only then is the token checked and consumed (a session of another account never uses it up,
//! Logto's bug #8956). The email's owner is signed in — or registered, even when registration
//! is closed (as Logto), the address counting as verified — and joins the token's
//! `jitOrganizationIds` with their default roles: a new account at once (Logto provisions at
//! creation), an existing one when its sign-in completes, after the MFA step.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use super::journey::go;
use crate::domain::DomainError;
use crate::domain::end_users::SignInFailure;
use crate::domain::mfa_gate::Event;
use crate::domain::one_time_tokens;
use crate::domain::sign_up::{self, Registration};
use crate::oidc::mfa;
use crate::oidc::pending::{internal, pending};
use crate::oidc::{error_page, flow};
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

const PAGE: &str = "/one-time-token";

/// A refused link in the page's words.
fn link_message(e: &DomainError) -> &'static str {
    match e {
        DomainError::Refused { code, .. } => match *code {
            "one_time_token.token_expired" => "This link has expired. Ask for a new one.",
            "one_time_token.token_consumed" => "This link was already used. Ask for a new one.",
            "one_time_token.token_revoked" => "This link was withdrawn. Ask for a new one.",
            "one_time_token.interaction_event_mismatch" => "This link cannot be used to sign in.",
            _ => "This link is not valid. Ask for a new one.",
        },
        _ => "This link is not valid. Ask for a new one.",
    }
}

/// `POST /oidc/interaction/one-time-token`: continue as the link's account.
pub async fn one_time_token(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let p = match pending(&state, &headers).await {
        Ok(p) => p,
        Err(res) => return res,
    };
    let (Some(digest), Some(email)) = (
        p.request.one_time_token_digest.clone(),
        p.request.login_hint.clone().filter(|h| !h.is_empty()),
    ) else {
        return flow::see_other("/sign-in");
    };
    let now = state.clock.now_ms();
    let store = &state.store;
    let refuse = |message: &'static str| go(&state, &p, None, PAGE, Some(message), None);
    let row = match one_time_tokens::check_digest(store, DEFAULT_TENANT, &digest, &email, now).await
    {
        Ok(row) => row,
        Err(e @ DomainError::Refused { .. }) => return refuse(link_message(&e)).await,
        Err(e) => return internal(e),
    };
    let context = one_time_tokens::context_of(&row);
    let user = match store.user_find_by_email(DEFAULT_TENANT, &email).await {
        Ok(u) => u,
        Err(e) => return internal(e),
    };
    // The event a token may serve (Logto's `interaction_event_mismatch`); an invitation's
    // token opens its invitation page only, never a sign-in.
    let event_ok = context.invitation_id.is_none()
        && match context.interaction_event.as_deref() {
            None => true,
            Some("SignIn") => true,
            Some("Register") => user.is_none(),
            Some(_) => false,
        };
    if !event_ok {
        return refuse("This link cannot be used to sign in.").await;
    }
    if user.as_ref().is_some_and(|u| u.is_suspended) {
        return refuse(SignInFailure::Suspended.message()).await;
    }
    // The account question is settled: now the link is used up, once.
    if let Err(e) = one_time_tokens::consume(store, DEFAULT_TENANT, &row, now).await {
        return match e {
            DomainError::Refused { .. } => refuse(link_message(&e)).await,
            other => internal(other),
        };
    }
    let (user_id, event) = match user {
        Some(u) => (u.id, Event::SignIn),
        None => {
            let registration = Registration {
                username: None,
                email: Some(email.clone()),
                email_verified: true,
                password_hash: None,
            };
            match sign_up::create(store, DEFAULT_TENANT, registration, now).await {
                Ok(Ok(id)) => (id, Event::Register),
                Ok(Err(message)) => {
                    tracing::warn!(%message, "magic link account not created");
                    return error_page::render(
                        "invalid_request",
                        "The account for this link could not be created.",
                    );
                }
                Err(e) => return internal(e),
            }
        }
    };
    let mut p = p;
    if let Some(ids) = &context.jit_organization_ids {
        if event == Event::Register {
            // A new account joins at once (Logto provisions at creation, before MFA).
            if let Err(e) = store
                .user_join_organizations_jit(DEFAULT_TENANT, &user_id, ids, now)
                .await
            {
                return internal(e);
            }
        } else {
            // An existing account joins once its sign-in completes, after the MFA step: a
            // leaked link adds nobody to anything.
            let json = match serde_json::to_string(ids) {
                Ok(j) => j,
                Err(e) => return internal(e),
            };
            if let Err(e) = store
                .interaction_set_join_organizations(&p.row.id_digest, &json)
                .await
            {
                return internal(e);
            }
            p.row.join_organizations = Some(json);
        }
    }
    mfa::begin(&state, &headers, p, &user_id, event).await
}
