//! An organization's look on the hosted pages (sign-in, invitation), read from its row.

use app::error::AppError;
use app::model::Branding;
use serde_json::Value;

use crate::state::AppState;
use crate::storage::{DEFAULT_TENANT, StorageError};

fn internal(e: StorageError) -> AppError {
    tracing::error!(error = %e, "branding lookup failed");
    AppError::Internal
}

/// The organization's logo, colours and CSS (an unknown organization brands nothing).
pub(super) async fn branding(
    state: &AppState,
    organization_id: &str,
) -> Result<Branding, AppError> {
    let Some(org) = state
        .store
        .organization_find_by_id(DEFAULT_TENANT, organization_id)
        .await
        .map_err(internal)?
    else {
        return Ok(Branding::default());
    };
    let parse = |s: &str| serde_json::from_str::<Value>(s).unwrap_or(Value::Null);
    let (b, c) = (parse(&org.branding), parse(&org.color));
    let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    let dark_enabled = c
        .get("isDarkModeEnabled")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    Ok(Branding {
        organization_name: Some(org.name),
        logo_url: text(&b, "logoUrl"),
        dark_logo_url: text(&b, "darkLogoUrl"),
        primary_color: text(&c, "primaryColor"),
        dark_primary_color: if dark_enabled {
            text(&c, "darkPrimaryColor")
        } else {
            None
        },
        custom_css: org.custom_css,
    })
}
