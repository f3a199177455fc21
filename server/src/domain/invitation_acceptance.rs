//! Accepting an invitation on Tessera's hosted page (`/invitation/{id}?token=…`, Tessera's
//! extension, next-features §5.3): the link's one-time token — mailed to the invitee, bound to
//! the invitation — proves the address. An existing account with that address joins; otherwise
//! the account is created with the address verified (and the fields sign-up asks for), then
//! joins. Either way the invitation ends `Accepted` with the **invitation's** roles, and the
//! link works once.

use super::DomainError;
use super::invitations::{self, EndStatus, StatusChange};
use super::one_time_tokens::{self, check};
use super::sign_up::{self, Registration};
use crate::storage::{InvitationRow, Store, UserRow};

/// What the page shows of an invitation reached by its link.
pub struct InvitationState {
    pub invitation: InvitationRow,
    /// The link's token is the invitation's and still usable.
    pub link_valid: bool,
    /// An account already uses the invited address.
    pub account: Option<UserRow>,
}

/// The invitation `id` and whether `token` opens it; `None` for an unknown invitation.
pub async fn state(
    store: &Store,
    tenant: &str,
    id: &str,
    token: Option<&str>,
    now: i64,
) -> Result<Option<InvitationState>, DomainError> {
    let Some(invitation) = store.invitation_find(tenant, id, now).await? else {
        return Ok(None);
    };
    let link_valid = match token {
        Some(t) => token_opens(store, tenant, &invitation, t, now).await?,
        None => false,
    };
    let account = store
        .user_find_by_email(tenant, &invitation.invitee)
        .await?;
    Ok(Some(InvitationState {
        invitation,
        link_valid,
        account,
    }))
}

/// Whether `token` is an unused token for the invitee bound to this invitation.
async fn token_opens(
    store: &Store,
    tenant: &str,
    invitation: &InvitationRow,
    token: &str,
    now: i64,
) -> Result<bool, DomainError> {
    match check(store, tenant, token, &invitation.invitee, now).await {
        Ok(row) => Ok(one_time_tokens::context_of(&row).invitation_id.as_deref()
            == Some(invitation.id.as_str())),
        Err(DomainError::Refused { .. }) => Ok(false),
        Err(e) => Err(e),
    }
}

/// Why an acceptance was refused, for the page.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Unknown invitation.
    NotFound,
    /// No longer pending (the page shows which end it met).
    Ended,
    /// The link's token is not (or no longer) this invitation's.
    InvalidLink,
    /// The new account's fields: a message for the form.
    Form(&'static str),
    /// The account with the invited address is suspended.
    Suspended,
}

/// What a new account gives beside the invited address.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub password: &'a str,
    pub password_confirm: &'a str,
}

/// Accepts the invitation for the address's account, creating it when there is none.
pub async fn accept(
    store: &Store,
    tenant: &str,
    id: &str,
    token: &str,
    form: NewAccount<'_>,
    asks: sign_up::SignUpAsks,
    now: i64,
) -> Result<Result<String, Refusal>, DomainError> {
    let Some(st) = state(store, tenant, id, Some(token), now).await? else {
        return Ok(Err(Refusal::NotFound));
    };
    if st.invitation.status != "Pending" {
        return Ok(Err(Refusal::Ended));
    }
    if !st.link_valid {
        return Ok(Err(Refusal::InvalidLink));
    }
    if st.account.as_ref().is_some_and(|u| u.is_suspended) {
        return Ok(Err(Refusal::Suspended));
    }
    let password_hash = match &st.account {
        Some(_) => None,
        None => {
            if let Err(m) = sign_up::check_account_fields(
                asks,
                form.username,
                form.password,
                form.password_confirm,
            ) {
                return Ok(Err(Refusal::Form(m)));
            }
            if asks.username && !sign_up::username_free(store, tenant, form.username.trim()).await?
            {
                return Ok(Err(Refusal::Form(sign_up::USERNAME_TAKEN)));
            }
            match asks.password {
                true => Some(super::passwords::hash(form.password.to_string()).await?),
                false => None,
            }
        }
    };
    // Everything is settled: the account, then the invitation, ended once by compare and set
    // (which also revokes its links).
    let user_id = match st.account {
        Some(u) => u.id,
        None => {
            let registration = Registration {
                username: asks.username.then(|| form.username.trim().to_string()),
                email: Some(st.invitation.invitee.clone()),
                email_verified: true,
                password_hash,
            };
            match sign_up::create(store, tenant, registration, now).await? {
                Ok(id) => id,
                Err(m) if m == sign_up::USERNAME_TAKEN => {
                    return Ok(Err(Refusal::Form(sign_up::USERNAME_TAKEN)));
                }
                // The address got an account meanwhile: that account accepts.
                Err(_) => match store
                    .user_find_by_email(tenant, &st.invitation.invitee)
                    .await?
                {
                    Some(u) => u.id,
                    None => return Ok(Err(Refusal::Ended)),
                },
            }
        }
    };
    let change = StatusChange {
        status: EndStatus::Accepted,
        accepted_user_id: Some(user_id.clone()),
    };
    match invitations::end(store, tenant, id, change, now).await {
        Ok(_) => Ok(Ok(user_id)),
        Err(DomainError::Refused { .. }) => Ok(Err(Refusal::Ended)),
        Err(e) => Err(e),
    }
}

/// An address shown to someone who may not own it: its first character and its domain.
pub fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}…@{domain}")
        }
        None => "…".into(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_are_masked() {
        assert_eq!(super::masked("pat@example.com"), "p…@example.com");
        assert_eq!(super::masked("nonsense"), "…");
    }
}
