//! `/api/sso-connectors`, a minimal version of Logto's
//! `packages/core/src/routes/sso-connector/index.ts` (create / get / list / patch / delete;
//! secrets never echoed): the routes with their OpenAPI description, the handlers and how their
//! bodies are read.

use app::model::SsoConnector;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, delete, get, patch, post};
use super::responses;
use crate::domain::DomainError;
use crate::domain::sso_connectors::{
    self, NAME_MAX, NewSsoConnector, SsoConnectorPatch, SsoProviderName,
};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::Guard;
use crate::management_api::pagination::ListRequest;
use crate::management_api::responses::Found;
use crate::state::AppState;
use crate::storage::StorageError;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/sso-connectors",
        [
            get(sso_connectors_list, "List SSO connectors")
                .id("ListSsoConnectors")
                .list::<SsoConnector>(),
            post(sso_connector_create, "Create SSO connector")
                .id("CreateSsoConnector")
                .describe("Secret configuration values are stored but never returned.")
                .body::<NewSsoConnector>()
                .ok::<SsoConnector>()
                .errors(&[422]),
        ],
    )
    .route(
        "/sso-connectors/{id}",
        [
            get(sso_connector_get, "Get SSO connector")
                .id("GetSsoConnector")
                .ok::<SsoConnector>()
                .errors(&[404]),
            patch(sso_connector_update, "Update SSO connector")
                .id("UpdateSsoConnector")
                .body::<SsoConnectorPatch>()
                .ok::<SsoConnector>()
                .errors(&[404, 422]),
            delete(sso_connector_delete, "Delete SSO connector")
                .id("DeleteSsoConnector")
                .errors(&[404]),
        ],
    )
}

/// Logto's answer to a taken connector name.
fn named(err: DomainError) -> ApiError {
    match err {
        DomainError::Storage(StorageError::UniqueViolation) => ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "single_sign_on.duplicate_connector_name",
            "Connector name already exists.",
        ),
        other => other.into(),
    }
}

pub async fn sso_connectors_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let found = sso_connectors::list(&state.store, &tenant, page).await?;
    Ok(list.respond(page, found))
}

/// `POST /api/sso-connectors` `{ providerName, connectorName, config?, domains?, … }` → 201.
pub async fn sso_connector_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewSsoConnector>,
) -> Result<Response, ApiError> {
    let now = state.clock.now_ms();
    let created = sso_connectors::create(&state.store, &tenant, input, now)
        .await
        .map_err(named)?;
    Ok(Json(created).into_response())
}

pub async fn sso_connector_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = sso_connectors::find(&state.store, &tenant, &id).await?;
    Ok(Json(found.or_missing("sso_connectors", &id)?).into_response())
}

/// `PATCH /api/sso-connectors/:id`: `config` merges key by key.
pub async fn sso_connector_update(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(patch): Body<SsoConnectorPatch>,
) -> Result<Response, ApiError> {
    let found = sso_connectors::update(&state.store, &tenant, &id, patch)
        .await
        .map_err(named)?;
    Ok(Json(found.or_missing("sso_connectors", &id)?).into_response())
}

pub async fn sso_connector_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(sso_connectors::delete(&state.store, &tenant, &id).await?)
}

/// The optional keys both bodies share, in the order Logto's guard reports them.
struct Settings {
    config: Option<Map<String, Value>>,
    domains: Option<Vec<String>>,
    branding: Option<Map<String, Value>>,
    sync_profile: Option<bool>,
}

fn settings(g: &mut Guard<'_>) -> Settings {
    Settings {
        config: g.optional_object("config").cloned(),
        domains: g.id_list("domains", false, false),
        branding: g.optional_object("branding").cloned(),
        sync_profile: g.optional_bool("syncProfile"),
    }
}

impl FromBody for NewSsoConnector {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let provider_name = g.required_enum("providerName", &app::model::SSO_PROVIDERS);
        let connector_name = g.required_string("connectorName", 1, NAME_MAX);
        let rest = settings(&mut g);
        g.finish()?;
        // `required_enum` reports a missing or unknown provider, so `finish` has refused it.
        let provider_name = provider_name
            .as_deref()
            .and_then(SsoProviderName::parse)
            .ok_or_else(|| DomainError::Internal("providerName read without an issue".into()))?;
        Ok(NewSsoConnector {
            provider_name,
            connector_name: connector_name.unwrap_or_default(),
            config: rest.config,
            domains: rest.domains,
            branding: rest.branding,
            sync_profile: rest.sync_profile,
        })
    }
}

impl FromBody for SsoConnectorPatch {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let connector_name = g.optional_string("connectorName", 1, NAME_MAX);
        let rest = settings(&mut g);
        g.finish()?;
        Ok(SsoConnectorPatch {
            connector_name,
            config: rest.config,
            domains: rest.domains,
            branding: rest.branding,
            sync_profile: rest.sync_profile,
        })
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_connector_needs_a_known_provider_and_a_name() {
        let Err(DomainError::Invalid(lines)) =
            NewSsoConnector::from_body(&json!({ "providerName": "LDAP", "domains": "x" }))
        else {
            panic!("invalid")
        };
        assert_eq!(
            lines,
            [
                "Error in key path \"providerName\": (invalid_enum_value) Invalid enum value. \
                 Expected 'OIDC' | 'SAML', received 'LDAP'",
                "Error in key path \"connectorName\": (invalid_type) Required",
                "Error in key path \"domains\": (invalid_type) Expected array, received string",
            ]
        );
        let body = json!({ "providerName": "SAML", "connectorName": "Corp",
                           "config": { "clientSecret": "s" }, "domains": ["corp.test"] });
        let input = NewSsoConnector::from_body(&body).unwrap();
        assert_eq!(input.provider_name, SsoProviderName::Saml);
        assert_eq!(
            input.domains.as_deref(),
            Some(&["corp.test".to_string()][..])
        );
        assert!(input.config.unwrap().contains_key("clientSecret"));
    }

    #[test]
    fn a_patch_may_be_empty_and_refuses_null_objects() {
        let patch = SsoConnectorPatch::from_body(&json!({})).unwrap();
        assert!(patch.connector_name.is_none() && patch.config.is_none());
        assert!(SsoConnectorPatch::from_body(&json!({ "branding": null })).is_err());
        assert!(SsoConnectorPatch::from_body(&json!({ "connectorName": "" })).is_err());
    }
}
