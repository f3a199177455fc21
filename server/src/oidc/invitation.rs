//! The hosted invitation page's form posts (`/oidc/interaction/invitation/{id}/…`): accept
//! (`domain/invitation_acceptance.rs`) and switch account. Plain forms answered with a
//! redirect back to the page, whose `error` names one of a fixed set of messages (nothing the
//! request typed is reflected).

use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::Response;
use serde::Deserialize;

use super::{cookies, flow};
use crate::domain::account_settings::AccountSettings;
use crate::domain::invitation_acceptance::{self, NewAccount, Refusal};
use crate::domain::secrets;
use crate::domain::sign_up::FIELD_MESSAGES;
use crate::http::peer_ip::PeerIp;
use crate::oidc::pending::internal;
use crate::state::AppState;
use crate::storage::DEFAULT_TENANT;

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// The page's address; ids and tokens are letters and digits, anything else is dropped.
fn page(id: &str, token: &str, extra: &str) -> String {
    let clean = |s: &str| -> String { s.chars().filter(char::is_ascii_alphanumeric).collect() };
    format!("/invitation/{}?token={}{extra}", clean(id), clean(token))
}

/// `POST /oidc/interaction/invitation/{id}/accept`.
pub async fn accept(
    State(state): State<AppState>,
    PeerIp(peer): PeerIp,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<AcceptForm>,
) -> Response {
    let back = |code: &str| flow::see_other(&page(&id, &form.token, &format!("&error={code}")));
    if state.sign_in_limits.check(peer, "").is_err() {
        return back("busy");
    }
    // Signed in here as someone else: the page asks to switch account first.
    let now = state.clock.now_ms();
    if let Ok(Some(session)) = flow::current_session(&state, &headers).await {
        let invitee = match state.store.invitation_find(DEFAULT_TENANT, &id, now).await {
            Ok(found) => found.map(|i| i.invitee.to_lowercase()),
            Err(e) => return internal(e),
        };
        let signed_in = match state
            .store
            .user_find_by_id(DEFAULT_TENANT, &session.user_id)
            .await
        {
            Ok(u) => u.and_then(|u| u.primary_email).map(|e| e.to_lowercase()),
            Err(e) => return internal(e),
        };
        if invitee.is_some() && signed_in != invitee {
            return back("other-account");
        }
    }
    let asks = match AccountSettings::load(&state.store, DEFAULT_TENANT).await {
        Ok(s) => s.sign_up_form().into(),
        Err(e) => return internal(e),
    };
    let account = NewAccount {
        username: &form.username,
        password: &form.password,
        password_confirm: &form.password_confirm,
    };
    let accepted = invitation_acceptance::accept(
        &state.store,
        DEFAULT_TENANT,
        &id,
        &form.token,
        account,
        asks,
        now,
    )
    .await;
    match accepted {
        Ok(Ok(_)) => flow::see_other(&page(&id, "", "&joined=1")),
        Ok(Err(Refusal::Form(message))) => {
            let n = FIELD_MESSAGES
                .iter()
                .position(|m| *m == message)
                .unwrap_or(0);
            back(&format!("form-{n}"))
        }
        Ok(Err(Refusal::NotFound | Refusal::Ended)) => flow::see_other(&page(&id, &form.token, "")),
        Ok(Err(Refusal::InvalidLink)) => back("link"),
        Ok(Err(Refusal::Suspended)) => back("suspended"),
        Err(e) => internal(e),
    }
}

#[derive(Deserialize)]
pub struct SwitchForm {
    #[serde(default)]
    token: String,
}

/// `POST /oidc/interaction/invitation/{id}/switch-account`: signs this browser out, then back
/// to the invitation.
pub async fn switch_account(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Form(form): Form<SwitchForm>,
) -> Response {
    if let Some(value) = cookies::read(&headers, cookies::SESSION)
        && let Err(e) = state
            .store
            .session_delete(&secrets::digest_hex(&value))
            .await
    {
        return internal(e);
    }
    let mut res = flow::see_other(&page(&id, &form.token, ""));
    let secure = state.public_url.starts_with("https://");
    res.headers_mut()
        .append(header::SET_COOKIE, cookies::clear(cookies::SESSION, secure));
    res
}
