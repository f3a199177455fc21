//! The hosted invitation page's view (`/invitation/{id}?token=…`): the organization with its
//! branding, the inviter, whether the link is valid, whether an account exists for the
//! address, and another account signed in on this browser.

use app::error::AppError;
use app::model::{InvitationView, SignUpView};
use axum::http::HeaderMap;

use super::branding::branding;
use crate::domain::account_settings::AccountSettings;
use crate::domain::invitation_acceptance::{self, masked};
use crate::domain::sign_up::FIELD_MESSAGES;
use crate::oidc::flow;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "invitation page lookup failed");
    AppError::Internal
}

/// A refused attempt's code in the page's words (a fixed set: nothing typed is reflected).
fn message(code: &str) -> Option<String> {
    let text = match code {
        "" => return None,
        "link" => "This invitation link is not valid any more. Ask for a new invitation.",
        "other-account" => "Sign out of the other account first.",
        "suspended" => "The account with this address is suspended. Contact your administrator.",
        "busy" => "Too many attempts. Try again in a minute.",
        other => other
            .strip_prefix("form-")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| FIELD_MESSAGES.get(n).copied())
            .unwrap_or("Something went wrong. Try again."),
    };
    Some(text.to_string())
}

pub(super) async fn invitation_view(
    state: &AppState,
    id: &str,
    token: &str,
    error: &str,
) -> Result<InvitationView, AppError> {
    let now = state.clock.now_ms();
    let token = (!token.is_empty()).then_some(token);
    let Some(st) = invitation_acceptance::state(&state.store, DEFAULT_TENANT, id, token, now)
        .await
        .map_err(internal)?
    else {
        return Ok(InvitationView::default());
    };
    let invitation = &st.invitation;
    let organization_name = state
        .store
        .organization_find_by_id(DEFAULT_TENANT, &invitation.organization_id)
        .await
        .map_err(internal)?
        .map(|o| o.name)
        .unwrap_or_default();
    // Without a valid link the page names nobody and says nothing about accounts.
    let inviter = match invitation.inviter_id.as_ref().filter(|_| st.link_valid) {
        Some(inviter) => state
            .store
            .user_find_by_id(DEFAULT_TENANT, inviter)
            .await
            .map_err(internal)?
            .and_then(|u| u.display_name()),
        None => None,
    };
    let headers: HeaderMap = leptos_axum::extract().await.map_err(internal)?;
    let signed_in_as = match flow::current_session(state, &headers).await {
        Ok(Some(session)) => state
            .store
            .user_find_by_id(DEFAULT_TENANT, &session.user_id)
            .await
            .map_err(internal)?
            .filter(|u| {
                u.primary_email.as_deref().map(str::to_lowercase)
                    != Some(invitation.invitee.to_lowercase())
            })
            .map(|u| match u.primary_email {
                Some(e) => masked(&e),
                None => u.username.unwrap_or_else(|| "another account".into()),
            }),
        _ => None,
    };
    let form = AccountSettings::load(&state.store, DEFAULT_TENANT)
        .await
        .map_err(internal)?
        .sign_up_form();
    Ok(InvitationView {
        found: true,
        status: invitation.status.clone(),
        organization_name,
        branding: branding(state, &invitation.organization_id).await?,
        inviter,
        invitee: if st.link_valid {
            invitation.invitee.clone()
        } else {
            masked(&invitation.invitee)
        },
        link_valid: st.link_valid,
        has_account: st.link_valid && st.account.is_some(),
        sign_up: SignUpView {
            username: form.username,
            email: true,
            email_verify: false,
            password: form.password,
        },
        signed_in_as,
        error: message(error),
    })
}
