//! The handlers of what an admin does to one user's account (Logto's
//! `packages/core/src/routes/admin-user/basics.ts`): merge into the profile or the custom data,
//! set or check the password, suspend.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use app::model::User;

use crate::domain::user_account::{
    self, CustomDataMerge, HasPassword, JsonObject, PasswordInput, ProfileMerge, SuspensionInput,
};
use crate::domain::users;
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::responses::Found;
use crate::state::AppState;

/// `PATCH /api/users/:id/profile` `{ profile }` → 200 with the whole merged profile.
pub async fn user_profile_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<ProfileMerge>,
) -> Result<Json<JsonObject>, ApiError> {
    let now = state.clock.now_ms();
    let merged =
        user_account::merge_profile(&state.store, &tenant, &id, input.profile, now).await?;
    Ok(Json(JsonObject(merged.or_missing("users", &id)?)))
}

/// `GET /api/users/:id/custom-data` → the user's custom data.
pub async fn user_custom_data_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let found = user_account::custom_data(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("users", &id)?))
}

/// `PATCH /api/users/:id/custom-data` `{ customData }` → 200 with the whole merged object.
pub async fn user_custom_data_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<CustomDataMerge>,
) -> Result<Json<JsonObject>, ApiError> {
    let now = state.clock.now_ms();
    let merged =
        user_account::merge_custom_data(&state.store, &tenant, &id, input.custom_data, now).await?;
    Ok(Json(JsonObject(merged.or_missing("users", &id)?)))
}

/// `PATCH /api/users/:id/password` `{ password }` → 200 with the user.
pub async fn user_password_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<PasswordInput>,
) -> Result<Json<User>, ApiError> {
    let now = state.clock.now_ms();
    let user = user_account::set_password(&state.store, &tenant, &id, input, now).await?;
    Ok(Json(user.or_missing("users", &id)?))
}

/// `POST /api/users/:id/password/verify` `{ password }` → 204, or 422
/// `session.invalid_credentials` (also for a user without a password).
pub async fn user_password_verify(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<PasswordInput>,
) -> Result<StatusCode, ApiError> {
    match user_account::verify_password(&state.store, &tenant, &id, input).await? {
        Some(true) => Ok(StatusCode::NO_CONTENT),
        Some(false) => Err(user_account::wrong_password().into()),
        None => Err(ApiError::not_exists_with_id("users", &id)),
    }
}

/// `GET /api/users/:id/has-password` → `{ hasPassword }`.
pub async fn user_has_password(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Json<HasPassword>, ApiError> {
    let user = users::find(&state.store, &tenant, &id).await?;
    let has_password = user.or_missing("users", &id)?.has_password;
    Ok(Json(HasPassword { has_password }))
}

/// `PATCH /api/users/:id/is-suspended` `{ isSuspended }` → 200 with the user; suspending ends
/// the user's sessions and grants.
pub async fn user_suspension_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<SuspensionInput>,
) -> Result<Json<User>, ApiError> {
    let now = state.clock.now_ms();
    let user = user_account::set_suspended(&state.store, &tenant, &id, input, now).await?;
    Ok(Json(user.or_missing("users", &id)?))
}
