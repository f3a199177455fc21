use leptos::prelude::*;

use crate::error::AppError;
use crate::model::HostedView;

/// The pending sign-in of this browser (found by its cookie) for the hosted pages.
#[server(prefix = "/hosted/fn", endpoint = "view")]
pub async fn get_hosted_view() -> Result<HostedView, AppError> {
    crate::ports::hosted_view().await
}
