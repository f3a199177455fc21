//! An organization's invitations: list, invite, resend, revoke.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{ConsoleInvitation, InviteForm};
#[cfg(feature = "ssr")]
use crate::ports::invitations;

#[server(prefix = "/console/fn", endpoint = "organization_invitations")]
pub async fn organization_invitations(id: String) -> Result<Vec<ConsoleInvitation>, AppError> {
    invitations(|p| async move { p.invitations(id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "invite_to_organization")]
pub async fn invite_to_organization(id: String, form: InviteForm) -> Result<usize, AppError> {
    invitations(|p| async move { p.invite(id, form).await }).await
}

#[server(prefix = "/console/fn", endpoint = "resend_invitation")]
pub async fn resend_invitation(invitation_id: String) -> Result<(), AppError> {
    invitations(|p| async move { p.resend_invitation(invitation_id).await }).await
}

#[server(prefix = "/console/fn", endpoint = "revoke_invitation")]
pub async fn revoke_invitation(invitation_id: String) -> Result<(), AppError> {
    invitations(|p| async move { p.revoke_invitation(invitation_id).await }).await
}
