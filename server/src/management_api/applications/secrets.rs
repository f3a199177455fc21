//! `/api/applications/{id}/secrets` (Logto's `application-secret.ts`) and the application's
//! custom data (`application-custom-data.ts`): handlers and their routes.

use app::model::{ApplicationSecret, CreatedApplicationSecret};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::domain::application_secrets::{self, NewSecret, SecretChange, SecretRename};
use crate::domain::applications;
use crate::domain::json_merge::JsonObject;
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::Body;
use crate::management_api::docs::{ApiRoutes, delete, get, patch, post};
use crate::management_api::responses::Found;
use crate::state::AppState;

pub(super) const NO_STORE: [(header::HeaderName, &str); 1] = [(header::CACHE_CONTROL, "no-store")];

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/applications/{id}/secrets",
        [
            get(secrets_list, "Get application secrets")
                .id("ListApplicationSecrets")
                .describe("Every secret of the application, oldest first; values are never listed.")
                .all::<ApplicationSecret>()
                .errors(&[404]),
            post(secret_create, "Add application secret")
                .id("CreateApplicationSecret")
                .describe(
                    "Adds a secret to a confidential application; its value is in this answer \
                     only. Any unexpired secret authenticates the client.",
                )
                .body::<NewSecret>()
                .created::<CreatedApplicationSecret>()
                .errors(&[404, 422]),
        ],
    )
    .route(
        "/applications/{id}/secrets/{name}",
        [
            patch(secret_rename, "Update application secret")
                .id("UpdateApplicationSecret")
                .body::<SecretRename>()
                .ok::<ApplicationSecret>()
                .errors(&[404, 422]),
            delete(secret_delete, "Delete application secret")
                .id("DeleteApplicationSecret")
                .errors(&[404]),
        ],
    )
    .route(
        "/applications/{id}/legacy-secret",
        [delete(legacy_secret_delete, "Delete application legacy secret")
            .id("DeleteApplicationLegacySecret")
            .describe("Every secret is a named one here, so there is never a legacy secret to delete.")
            .errors(&[404])],
    )
    .route(
        "/applications/{id}/custom-data",
        [
            patch(custom_data_update, "Update application custom data")
                .id("UpdateApplicationCustomData")
                .describe("Merges the given keys into the custom data; answers the whole object.")
                .body::<JsonObject>()
                .ok::<JsonObject>()
                .errors(&[404, 422]),
        ],
    )
}

/// `GET /api/applications/:id/secrets` → 200 with the secrets (no values).
async fn secrets_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = application_secrets::list(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("applications", &id)?).into_response())
}

/// `POST /api/applications/:id/secrets` `{ name, expiresAt? }` → 201 with the secret and its
/// value.
async fn secret_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(input): Body<NewSecret>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    let created =
        application_secrets::create(&state.store, &tenant, &id, input, bootstrap, now).await?;
    let created = created.or_missing("applications", &id)?;
    // The value is in this answer only: no cache may keep it.
    Ok((StatusCode::CREATED, NO_STORE, Json(created)).into_response())
}

/// `PATCH /api/applications/:id/secrets/:name` `{ name }` → 200 with the renamed secret; 404
/// `entity.not_exists` for an unknown name.
async fn secret_rename(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, name)): Path<(String, String)>,
    Body(input): Body<SecretRename>,
) -> Result<Response, ApiError> {
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    let change =
        application_secrets::rename(&state.store, &tenant, &id, &name, input, bootstrap).await?;
    match change {
        SecretChange::Done(secret) => Ok(Json(secret).into_response()),
        SecretChange::NoSecret => Err(ApiError::not_exists("application secret")),
        SecretChange::NoApplication => Err(ApiError::not_exists_with_id("applications", &id)),
    }
}

/// `DELETE /api/applications/:id/secrets/:name` → 204; 404 `entity.not_found` for an unknown
/// name.
async fn secret_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path((id, name)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let bootstrap = state.settings.bootstrap.m2m_client_id.as_deref();
    match application_secrets::delete(&state.store, &tenant, &id, &name, bootstrap).await? {
        SecretChange::Done(()) => Ok(StatusCode::NO_CONTENT),
        SecretChange::NoSecret => Err(ApiError::not_found()),
        SecretChange::NoApplication => Err(ApiError::not_exists_with_id("applications", &id)),
    }
}

/// `DELETE /api/applications/:id/legacy-secret` → 400 `application.no_legacy_secret_found`.
async fn legacy_secret_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    // Refuses for every application there is; what passes is an unknown id.
    application_secrets::delete_legacy(&state.store, &tenant, &id).await?;
    Err(ApiError::not_exists_with_id("applications", &id))
}

/// `PATCH /api/applications/:id/custom-data` with the keys to merge → 200 with the whole
/// custom data.
async fn custom_data_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(keys): Body<JsonObject>,
) -> Result<Response, ApiError> {
    let merged = applications::merge_custom_data(&state.store, &tenant, &id, keys.0).await?;
    Ok(Json(merged.or_missing("applications", &id)?).into_response())
}
