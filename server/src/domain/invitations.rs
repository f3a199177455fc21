//! Organization invitations (Logto's `packages/core/src/libraries/organization-invitation.ts`,
//! compat §2.7, next-features §5.1): an email address invited to an organization with roles,
//! pending until it expires, is revoked, or is accepted by a user with that address — who then
//! joins with the invitation's roles. The invitation email (`OrganizationInvitation` template)
//! carries the organization, the inviter and the caller's payload; it leaves after the write,
//! counted against the address's 10 messages per 600 s.

use serde::Serialize;
use serde_json::{Map, Value, json};
use utoipa::ToSchema;

use super::{DomainError, ids, one_time_tokens, verification_codes};
use crate::mail::{Mail, Mailer, TemplateType, render};
use crate::storage::{InvitationFilter, InvitationRow, OrganizationRow, SendLimit, Store, UserRow};

const SENDS_PER_WINDOW: i64 = 10;
const SEND_WINDOW_MS: i64 = 600_000;

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

fn rate_limited() -> DomainError {
    DomainError::refused(
        429,
        "request.message_rate_limited",
        "Message rate limit exceeded, please try again later.",
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
    let limit = input.message_payload.as_ref().map(|_| SendLimit {
        recipient: &recipient,
        window_start: now - SEND_WINDOW_MS,
        max: SENDS_PER_WINDOW,
        now,
    });
    if !store
        .invitation_insert(
            &row,
            input.organization_role_ids.as_deref().unwrap_or_default(),
            limit,
        )
        .await?
    {
        return Err(rate_limited());
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
    let limit = SendLimit {
        recipient: &recipient,
        window_start: now - SEND_WINDOW_MS,
        max: SENDS_PER_WINDOW,
        now,
    };
    if !store.message_send_take(tenant, limit).await? {
        return Err(rate_limited());
    }
    deliver(store, mail, &row, payload, now).await
}

/// What invitation emails need: the mailer, and the public URL their hosted link starts with.
pub struct InvitationMail<'a> {
    pub mailer: &'a Mailer,
    pub public_url: &'a str,
}

/// Renders and queues the invitation email: the organization and the inviter (Logto's
/// template context), then the caller's payload over them. A payload without `link` gets one
/// to the hosted invitation page, carrying a one-time token for the invitee bound to this
/// invitation and valid until it expires (Tessera's extension, next-features §5.3).
async fn deliver(
    store: &Store,
    mail: &InvitationMail<'_>,
    row: &InvitationRow,
    mut payload: Map<String, Value>,
    now: i64,
) -> Result<(), DomainError> {
    if !payload.contains_key("link") {
        // The new link replaces the earlier ones: only the newest email opens the invitation.
        store
            .one_time_tokens_revoke_for_invitation(&row.tenant_id, &row.id)
            .await?;
        let seconds = ((row.expires_at - now) + 999) / 1000;
        let token = one_time_tokens::create(
            store,
            &row.tenant_id,
            one_time_tokens::NewOneTimeToken {
                email: row.invitee.clone(),
                context: Some(one_time_tokens::TokenContext {
                    invitation_id: Some(row.id.clone()),
                    ..Default::default()
                }),
                expires_in: Some(seconds.max(1)),
            },
            now,
        )
        .await?;
        let link = format!(
            "{}/invitation/{}?token={}",
            mail.public_url.trim_end_matches('/'),
            row.id,
            token.token.unwrap_or_default()
        );
        payload.insert("link".into(), Value::String(link));
    }
    let mailer = mail.mailer;
    let mut context = Map::new();
    if let Ok(Some(org)) = store
        .organization_find_by_id(&row.tenant_id, &row.organization_id)
        .await
    {
        context.insert("organization".into(), organization_context(&org));
    }
    let inviter = match &row.inviter_id {
        Some(id) => store
            .user_find_by_id(&row.tenant_id, id)
            .await
            .ok()
            .flatten(),
        None => None,
    };
    // The built-in template names the inviter: someone is always named.
    let inviter = inviter.map_or_else(
        || json!({ "name": "An administrator" }),
        |u| user_context(&u),
    );
    context.insert("inviter".into(), inviter);
    for (k, v) in payload {
        context.insert(k, v);
    }
    let payload = Value::Object(context);
    let kind = TemplateType::OrganizationInvitation;
    let (subject, text, html) = render(kind, &payload);
    let message = Mail {
        id: ids::generate(ids::LONG),
        created_at: now,
        to: row.invitee.clone(),
        template_type: kind,
        subject,
        text,
        html,
        payload,
    };
    if let Err(e) = mailer.send(message) {
        tracing::warn!(?e, "invitation email not queued");
    }
    Ok(())
}

/// Logto's `buildOrganizationContextInfo`: `{id, name, branding}`.
fn organization_context(org: &OrganizationRow) -> Value {
    let branding: Value = serde_json::from_str(&org.branding).unwrap_or_else(|_| json!({}));
    json!({ "id": org.id, "name": org.name, "branding": branding })
}

/// Logto's `buildUserContextInfo`; the name falls back to the username or email so the
/// template always names the inviter.
fn user_context(u: &UserRow) -> Value {
    let profile: Value = serde_json::from_str(&u.profile).unwrap_or_else(|_| json!({}));
    let name = u
        .name
        .clone()
        .or_else(|| u.username.clone())
        .or_else(|| u.primary_email.clone());
    json!({
        "id": u.id,
        "avatar": u.avatar,
        "name": name,
        "primaryEmail": u.primary_email,
        "primaryPhone": u.primary_phone,
        "username": u.username,
        "profile": profile,
    })
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
