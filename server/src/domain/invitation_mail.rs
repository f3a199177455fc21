//! The invitation email (Logto's `OrganizationInvitation` template): the organization and the
//! inviter as Logto's template context, the caller's payload over them, and — when the caller
//! gives no `link` — a link to Tessera's hosted invitation page carrying a one-time token bound
//! to the invitation (next-features §5.3).

use serde_json::{Map, Value, json};

use super::{DomainError, ids, one_time_tokens};
use crate::mail::{Mail, Mailer, TemplateType, render};
use crate::storage::{InvitationRow, OrganizationRow, Store, UserRow};

/// What invitation emails need: the mailer, and the public URL their hosted link starts with.
pub struct InvitationMail<'a> {
    pub mailer: &'a Mailer,
    pub public_url: &'a str,
}

/// Renders and queues the invitation email: the organization and the inviter (Logto's
/// template context), then the caller's payload over them. A payload without `link` gets one
/// to the hosted invitation page, carrying a one-time token for the invitee bound to this
/// invitation and valid until it expires (Tessera's extension, next-features §5.3).
pub(super) async fn deliver(
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
    let name = u.display_name();
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
