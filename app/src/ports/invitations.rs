//! An organization's invitations as an admin manages them: invite several addresses with
//! roles, list, resend, revoke.

use crate::error::AppError;
use crate::model::{ConsoleInvitation, InviteForm};

#[async_trait::async_trait]
pub trait InvitationsPort: Send + Sync {
    /// Newest first.
    async fn invitations(
        &self,
        organization_id: String,
    ) -> Result<Vec<ConsoleInvitation>, AppError>;
    /// Invites every address of the form, each mailed a link to the hosted page; the number
    /// invited.
    async fn invite(&self, organization_id: String, form: InviteForm) -> Result<usize, AppError>;
    async fn resend_invitation(&self, invitation_id: String) -> Result<(), AppError>;
    async fn revoke_invitation(&self, invitation_id: String) -> Result<(), AppError>;
}
