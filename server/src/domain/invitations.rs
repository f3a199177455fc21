//! Organization invitations (Logto's `packages/core/src/libraries/organization-invitation.ts`,
//! compat §2.7, next-features §5.1): an email address invited to an organization with roles,
//! pending until it expires, is revoked, or is accepted by a user with that address — who then
//! joins with the invitation's roles. The invitation email (`invitation_mail.rs`)
//! carries the organization, the inviter and the caller's payload; it leaves after the write,
//! counted against the address's 10 messages per 600 s.

use serde::Serialize;
use serde_json::{Map, Value};
use utoipa::ToSchema;

pub use super::invitation_mail::InvitationMail;
use super::invitation_mail::deliver;
use super::{DomainError, ids, verification_codes};
use crate::storage::{InvitationFilter, InvitationRow, Store};

/// A role an invitation gives.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct InvitationRole {
    pub id: String,
    pub name: String,
}

/// An invitation as the API shows it.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    pub tenant_id: String,
    pub id: String,
    pub inviter_id: Option<String>,
    pub invitee: String,
    pub accepted_user_id: Option<String>,
    pub organization_id: String,
    /// `Pending`, `Accepted`, `Expired` (a pending one past `expiresAt`) or `Revoked`.
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub expires_at: i64,
    /// By name.
    pub organization_roles: Vec<InvitationRole>,
}

/// `POST /api/organization-invitations`.
#[derive(Clone, Debug, Default, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewInvitation {
    #[schema(nullable)]
    pub inviter_id: Option<String>,
    /// An email address.
    pub invitee: String,
    pub organization_id: String,
    /// Epoch ms, in the future.
    pub expires_at: i64,
    #[schema(nullable = false)]
    pub organization_role_ids: Option<Vec<String>>,
    /// `false` (the default): no email. An object: the email's payload (`link`, `locale`, …).
    #[schema(value_type = Option<Object>, nullable = false)]
    pub message_payload: Option<Map<String, Value>>,
}

/// What `PUT /api/organization-invitations/:id/status` sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ToSchema)]
pub enum EndStatus {
    Accepted,
    Revoked,
}

impl EndStatus {
    pub const NAMES: [&'static str; 2] = ["Accepted", "Revoked"];

    pub fn parse(name: &str) -> Option<EndStatus> {
        match name {
            "Accepted" => Some(EndStatus::Accepted),
            "Revoked" => Some(EndStatus::Revoked),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            EndStatus::Accepted => "Accepted",
            EndStatus::Revoked => "Revoked",
        }
    }
}

/// `PUT /api/organization-invitations/:id/status`.
#[derive(Clone, Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: EndStatus,
    #[schema(nullable)]
    pub accepted_user_id: Option<String>,
}

/// Logto's `request.invalid_input` with its detail.
fn invalid(status: u16, detail: &str) -> DomainError {
    DomainError::refused(
        status,
        "request.invalid_input",
        format!("Input is invalid. {detail}"),
    )
}

async fn with_roles(
    store: &Store,
    tenant: &str,
    rows: Vec<InvitationRow>,
) -> Result<Vec<Invitation>, DomainError> {
    let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let roles = store.invitation_roles(tenant, &ids).await?;
    Ok(rows
        .into_iter()
        .map(|r| Invitation {
            organization_roles: roles
                .iter()
                .filter(|x| x.organization_invitation_id == r.id)
                .map(|x| InvitationRole {
                    id: x.id.clone(),
                    name: x.name.clone(),
                })
                .collect(),
            tenant_id: r.tenant_id,
            id: r.id,
            inviter_id: r.inviter_id,
            invitee: r.invitee,
            accepted_user_id: r.accepted_user_id,
            organization_id: r.organization_id,
            status: r.status,
            created_at: r.created_at,
            updated_at: r.updated_at,
            expires_at: r.expires_at,
        })
        .collect())
}

pub async fn find(
    store: &Store,
    tenant: &str,
    id: &str,
    now: i64,
) -> Result<Option<Invitation>, DomainError> {
    match store.invitation_find(tenant, id, now).await? {
        Some(row) => Ok(with_roles(store, tenant, vec![row]).await?.pop()),
        None => Ok(None),
    }
}

/// Newest first, filtered as Logto (the invitee in any case); no pagination.
pub async fn list(
    store: &Store,
    tenant: &str,
    filter: &InvitationFilter<'_>,
    now: i64,
) -> Result<Vec<Invitation>, DomainError> {
    let rows = store.invitation_list(tenant, filter, now).await?;
    with_roles(store, tenant, rows).await
}

/// Logto's 404 for an unknown invitation (`entity.not_found`).
pub fn not_found() -> DomainError {
    DomainError::refused(404, "entity.not_found", "The resource does not exist.")
}

/// Creates an invitation; with a payload, its email goes out after the write.
pub async fn create(
    store: &Store,
    mail: &InvitationMail<'_>,
    tenant: &str,
    input: NewInvitation,
    now: i64,
) -> Result<Invitation, DomainError> {
    let mailer = mail.mailer;
    if input.expires_at <= now {
        return Err(invalid(
            400,
            "The value of `expiresAt` must be in the future.",
        ));
    }
    if store
        .organization_has_member_email(tenant, &input.organization_id, &input.invitee)
        .await?
    {
        return Err(invalid(
            422,
            "The invitee is already a member of the organization.",
        ));
    }
    // Invitees are users: a machine-to-machine role could never be given on acceptance
    // (Logto finds out only then).
    for role in input.organization_role_ids.as_deref().unwrap_or_default() {
        if let Some(r) = store.organization_role_find_by_id(tenant, role).await?
            && r.role_type != "User"
        {
            return Err(invalid(
                422,
                "Only organization roles of type User can be given to invitees.",
            ));
        }
    }
    if input.message_payload.is_some() && !mailer.enabled() {
        return Err(verification_codes::no_connector());
    }
    let row = InvitationRow {
        tenant_id: tenant.into(),
        id: ids::generate(ids::LONG),
        inviter_id: input.inviter_id.clone(),
        invitee: input.invitee.clone(),
        accepted_user_id: None,
        organization_id: input.organization_id.clone(),
        status: "Pending".into(),
        created_at: now,
        updated_at: now,
        expires_at: input.expires_at,
    };
    let recipient = input.invitee.to_lowercase();
    let limit = input
        .message_payload
        .as_ref()
        .map(|_| verification_codes::send_limit(&recipient, now));
    if !store
        .invitation_insert(
            &row,
            input.organization_role_ids.as_deref().unwrap_or_default(),
            limit,
        )
        .await?
    {
        return Err(verification_codes::rate_limited());
    }
    if let Some(payload) = input.message_payload {
        deliver(store, mail, &row, payload, now).await?;
    }
    find(store, tenant, &row.id, now)
        .await?
        .ok_or_else(not_found)
}

/// `POST …/:id/message`: the invitation email again, with this payload.
pub async fn resend(
    store: &Store,
    mail: &InvitationMail<'_>,
    tenant: &str,
    id: &str,
    payload: Map<String, Value>,
    now: i64,
) -> Result<(), DomainError> {
    let row = store
        .invitation_find(tenant, id, now)
        .await?
        .ok_or_else(not_found)?;
    if !mail.mailer.enabled() {
        return Err(verification_codes::no_connector());
    }
    let recipient = row.invitee.to_lowercase();
    let limit = verification_codes::send_limit(&recipient, now);
    if !store.message_send_take(tenant, limit).await? {
        return Err(verification_codes::rate_limited());
    }
    deliver(store, mail, &row, payload, now).await
}

/// Ends a pending invitation (Logto's `updateStatus`): `Revoked`, or `Accepted` by a user
/// whose primary email is the invitee's (any case), who joins with the invitation's roles.
pub async fn end(
    store: &Store,
    tenant: &str,
    id: &str,
    change: StatusChange,
    now: i64,
) -> Result<Invitation, DomainError> {
    if change.status == EndStatus::Accepted && change.accepted_user_id.is_none() {
        return Err(invalid(
            422,
            "The `acceptedUserId` is required when accepting an invitation.",
        ));
    }
    let row = store
        .invitation_find(tenant, id, now)
        .await?
        .ok_or_else(not_found)?;
    let ended = || {
        invalid(
            422,
            "The status of the invitation cannot be changed anymore.",
        )
    };
    if row.status != "Pending" {
        return Err(ended());
    }
    if let Some(user_id) = &change.accepted_user_id
        && change.status == EndStatus::Accepted
    {
        let user = store
            .user_find_by_id(tenant, user_id)
            .await?
            .ok_or_else(not_found)?;
        let same = user
            .primary_email
            .as_deref()
            .is_some_and(|e| e.to_lowercase() == row.invitee.to_lowercase());
        if !same {
            return Err(invalid(
                422,
                "The accepted user must have the same email as the invitee.",
            ));
        }
    }
    let accepted = match change.status {
        EndStatus::Accepted => change.accepted_user_id.as_deref(),
        EndStatus::Revoked => None,
    };
    if !store
        .invitation_end(&row, change.status.as_str(), accepted, now)
        .await?
    {
        return Err(ended());
    }
    // An ended invitation keeps no live link.
    store
        .one_time_tokens_revoke_for_invitation(tenant, id)
        .await?;
    find(store, tenant, id, now).await?.ok_or_else(not_found)
}

/// `false` when there was no such invitation.
pub async fn delete(store: &Store, tenant: &str, id: &str) -> Result<bool, DomainError> {
    Ok(store.invitation_delete(tenant, id).await?)
}
