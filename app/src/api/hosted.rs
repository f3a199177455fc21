use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{HostedView, InvitationView};

/// The pending sign-in of this browser (found by its cookie) for the hosted pages.
#[server(prefix = "/hosted/fn", endpoint = "view")]
pub async fn get_hosted_view() -> Result<HostedView, AppError> {
    crate::ports::hosted_view().await
}

/// The invitation its link names, for the hosted invitation page.
#[server(prefix = "/hosted/fn", endpoint = "invitation")]
pub async fn get_invitation_view(
    id: String,
    token: String,
    error: String,
) -> Result<InvitationView, AppError> {
    crate::ports::invitation_view(id, token, error).await
}
