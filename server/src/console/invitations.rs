//! The console's Invitations tab over the domain services behind
//! `/api/organization-invitations`: the signed-in admin invites, each address mailed a link to
//! the hosted invitation page.

use app::error::AppError;
use app::model::{ConsoleInvitation, InviteForm};
use app::ports::InvitationsPort;
use serde_json::Map;

use super::service::ConsoleService;
use crate::domain::DomainError;
use crate::domain::end_users::valid_email;
use crate::domain::invitations::{self, EndStatus, InvitationMail, NewInvitation, StatusChange};
use crate::storage::{DEFAULT_TENANT, InvitationFilter};

/// At most this many addresses in one form.
const MAX_ADDRESSES: usize = 50;
const DAY_MS: i64 = 86_400_000;

/// The form's addresses: split on commas, spaces and new lines, repeats once (any case).
fn addresses(text: &str) -> Result<Vec<String>, AppError> {
    let mut out: Vec<String> = Vec::new();
    for a in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        let a = a.trim();
        if a.is_empty() || out.iter().any(|o| o.eq_ignore_ascii_case(a)) {
            continue;
        }
        if !valid_email(a) {
            return Err(AppError::field(
                "emails",
                format!("{a} is not an email address."),
            ));
        }
        out.push(a.to_string());
    }
    if out.is_empty() {
        return Err(AppError::field(
            "emails",
            "Enter at least one email address.",
        ));
    }
    if out.len() > MAX_ADDRESSES {
        return Err(AppError::field(
            "emails",
            format!("At most {MAX_ADDRESSES} addresses at once."),
        ));
    }
    Ok(out)
}

/// A refusal of one address in the form's words.
fn for_address(address: &str, e: DomainError) -> AppError {
    match &e {
        DomainError::Refused { code, status, .. } => {
            let message = match (*code, *status) {
                ("request.invalid_input", 422) => {
                    format!("{address} is already a member of this organization.")
                }
                ("request.message_rate_limited", _) => {
                    format!("Too many messages went to {address} lately. Try again later.")
                }
                ("connector.not_found", _) => {
                    "Mail is turned off on this server: invitations cannot be sent.".into()
                }
                _ => return super::errors::to_app(e),
            };
            AppError::field("emails", message)
        }
        DomainError::Storage(crate::storage::StorageError::UniqueViolation) => AppError::field(
            "emails",
            format!("{address} already has a pending invitation to this organization."),
        ),
        _ => super::errors::to_app(e),
    }
}

#[async_trait::async_trait]
impl InvitationsPort for ConsoleService {
    async fn invitations(
        &self,
        organization_id: String,
    ) -> Result<Vec<ConsoleInvitation>, AppError> {
        let store = self.state.store.clone();
        let now = self.now();
        let found = self
            .read(async move {
                let filter = InvitationFilter {
                    organization_id: Some(&organization_id),
                    ..Default::default()
                };
                let list = invitations::list(&store, DEFAULT_TENANT, &filter, now).await?;
                let mut rows = Vec::with_capacity(list.len());
                for i in list {
                    let inviter = match &i.inviter_id {
                        Some(id) => store
                            .user_find_by_id(DEFAULT_TENANT, id)
                            .await?
                            .and_then(|u| u.display_name()),
                        None => None,
                    };
                    rows.push(ConsoleInvitation {
                        roles: i.organization_roles.into_iter().map(|r| r.name).collect(),
                        id: i.id,
                        invitee: i.invitee,
                        status: i.status,
                        inviter,
                        created_at: i.created_at,
                        expires_at: i.expires_at,
                    });
                }
                Ok(rows)
            })
            .await?;
        Ok(found)
    }

    async fn invite(&self, organization_id: String, form: InviteForm) -> Result<usize, AppError> {
        let admin = self.require_admin().await?;
        let list = addresses(&form.emails)?;
        if !(1..=365).contains(&form.days) {
            return Err(AppError::field(
                "days",
                "Choose how long the invitations last.",
            ));
        }
        if !self.state.mailer.enabled() {
            return Err(AppError::field(
                "emails",
                "Mail is turned off on this server: invitations cannot be sent.",
            ));
        }
        let store = &self.state.store;
        let mail = InvitationMail {
            mailer: &self.state.mailer,
            public_url: &self.state.public_url,
        };
        let now = self.now();
        let mut invited = 0;
        for address in list {
            // Console administrators are not users of the tenant: the mail names them, the
            // invitation has no inviter (as one made by the Management API without one).
            let mut payload = Map::new();
            payload.insert(
                "inviter".into(),
                serde_json::json!({ "name": admin.username }),
            );
            let input = NewInvitation {
                inviter_id: None,
                invitee: address.clone(),
                organization_id: organization_id.clone(),
                expires_at: now + i64::from(form.days) * DAY_MS,
                organization_role_ids: Some(form.role_ids.clone()),
                message_payload: Some(payload),
            };
            match invitations::create(store, &mail, DEFAULT_TENANT, input, now).await {
                Ok(_) => invited += 1,
                // The addresses before this one are invited; the message says which one was not.
                Err(e) => return Err(for_address(&address, e)),
            }
        }
        Ok(invited)
    }

    async fn resend_invitation(&self, invitation_id: String) -> Result<(), AppError> {
        self.require_admin().await?;
        let mail = InvitationMail {
            mailer: &self.state.mailer,
            public_url: &self.state.public_url,
        };
        let now = self.now();
        self.apply(invitations::resend(
            &self.state.store,
            &mail,
            DEFAULT_TENANT,
            &invitation_id,
            Map::new(),
            now,
        ))
        .await
    }

    async fn revoke_invitation(&self, invitation_id: String) -> Result<(), AppError> {
        let change = StatusChange {
            status: EndStatus::Revoked,
            accepted_user_id: None,
        };
        let now = self.now();
        self.write(invitations::end(
            &self.state.store,
            DEFAULT_TENANT,
            &invitation_id,
            change,
            now,
        ))
        .await
        .map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn addresses_split_and_repeat_once() {
        let list = super::addresses("a@x.test, B@x.test\nb@x.test;c@x.test").unwrap();
        assert_eq!(list, ["a@x.test", "B@x.test", "c@x.test"]);
        assert!(super::addresses("  ").is_err());
        assert!(super::addresses("a@x.test nope").is_err());
    }
}
