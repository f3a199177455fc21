//! `/api/one-time-tokens` (Logto's `packages/core/src/routes/one-time-tokens.ts`,
//! next-features §5.2): the routes with their OpenAPI description, the handlers and how their
//! bodies are read. The token is returned only by the `POST` that creates it (decided).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, delete, get, post, put};
use super::responses;
use crate::domain::DomainError;
use crate::domain::one_time_tokens::{
    self, INTERACTION_EVENTS, NewOneTimeToken, OneTimeToken, STATUSES, TokenContext, not_exists,
};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::Guard;
use crate::management_api::pagination::ListRequest;
use crate::state::AppState;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/one-time-tokens",
        [
            get(one_time_tokens_list, "Get one-time tokens")
                .id("ListOneTimeTokens")
                .query("email", "Only tokens of this email address.")
                .query("status", "Only tokens stored with this status.")
                .list::<OneTimeToken>(),
            post(one_time_token_create, "Create one-time token")
                .id("AddOneTimeToken")
                .describe("The token is in this answer only; it is stored as a digest.")
                .body::<NewOneTimeToken>()
                .created::<OneTimeToken>(),
        ],
    )
    .route(
        "/one-time-tokens/verify",
        [post(one_time_token_verify, "Verify one-time token")
            .id("VerifyOneTimeToken")
            .describe("Checks the token for the email address and consumes it.")
            .body::<TokenCheck>()
            .ok::<OneTimeToken>()
            .errors(&[404])],
    )
    .route(
        "/one-time-tokens/{id}",
        [
            get(one_time_token_get, "Get one-time token by ID")
                .id("GetOneTimeToken")
                .ok::<OneTimeToken>()
                .errors(&[404]),
            delete(one_time_token_delete, "Delete one-time token by ID")
                .id("DeleteOneTimeToken")
                .errors(&[404]),
        ],
    )
    .route(
        "/one-time-tokens/{id}/status",
        [put(one_time_token_status, "Update one-time token status")
            .id("ReplaceOneTimeTokenStatus")
            .body::<StatusBody>()
            .ok::<OneTimeToken>()
            .errors(&[404])],
    )
}

/// `{ token, email }`.
#[derive(Debug, utoipa::ToSchema)]
pub struct TokenCheck {
    pub token: String,
    pub email: String,
}

/// `{ status }`: `consumed`, `revoked` or `expired` (`active` is refused).
#[derive(Debug, utoipa::ToSchema)]
pub struct StatusBody {
    pub status: String,
}

fn now(state: &AppState) -> i64 {
    state.clock.now_ms()
}

/// `GET /api/one-time-tokens?email&status&page&page_size`: newest first; pagination optional.
pub async fn one_time_tokens_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    list: ListRequest,
) -> Result<Response, ApiError> {
    let page = list.optional_page()?;
    let mut lines = Vec::new();
    let email = list.query.get("email").filter(|e| !e.is_empty());
    if let Some(e) = email
        && !loose_email(e)
    {
        lines.push("Error in key path \"email\": (invalid_string) Invalid".to_string());
    }
    let status = list.query.get("status").filter(|s| !s.is_empty());
    if let Some(s) = status
        && !STATUSES.contains(&s)
    {
        lines.push(format!(
            "Error in key path \"status\": (invalid_enum_value) Invalid enum value. Expected \
             'active' | 'consumed' | 'revoked' | 'expired', received '{s}'"
        ));
    }
    if !lines.is_empty() {
        return Err(ApiError::invalid_input("query", &lines));
    }
    let found =
        one_time_tokens::list(&state.store, &tenant, email, status, now(&state), page).await?;
    Ok(list.respond(page, found))
}

/// Logto's query check for `email`: `^\S+@\S+\.\S+$`.
fn loose_email(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !e.contains(char::is_whitespace)
        && domain
            .rsplit_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty())
}

/// `POST /api/one-time-tokens` → 201 with the token.
pub async fn one_time_token_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewOneTimeToken>,
) -> Result<Response, ApiError> {
    let created = one_time_tokens::create(&state.store, &tenant, input, now(&state)).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// `POST /api/one-time-tokens/verify` → 200 with the consumed token.
pub async fn one_time_token_verify(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(check): Body<TokenCheck>,
) -> Result<Response, ApiError> {
    let used = one_time_tokens::verify(
        &state.store,
        &tenant,
        &check.token,
        &check.email,
        now(&state),
    )
    .await?;
    Ok(Json(used).into_response())
}

/// `GET /api/one-time-tokens/:id` → 200 (without the token), or 404.
pub async fn one_time_token_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = one_time_tokens::find(&state.store, &tenant, &id, now(&state)).await?;
    Ok(Json(found.ok_or_else(|| not_exists(&id))?).into_response())
}

/// `PUT /api/one-time-tokens/:id/status` → 200.
pub async fn one_time_token_status(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(body): Body<StatusBody>,
) -> Result<Response, ApiError> {
    let changed =
        one_time_tokens::set_status(&state.store, &tenant, &id, &body.status, now(&state)).await?;
    Ok(Json(changed).into_response())
}

/// `DELETE /api/one-time-tokens/:id` → 204, or 404 `entity.not_found`.
pub async fn one_time_token_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(one_time_tokens::delete(&state.store, &tenant, &id).await?)
}

impl FromBody for NewOneTimeToken {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let email = g.required_string("email", 1, 128);
        let context = g.optional_object("context").map(|m| {
            let ids = m
                .get("jitOrganizationIds")
                .and_then(|v| g.string_list_at("context.jitOrganizationIds", v));
            let event = m
                .get("interactionEvent")
                .and_then(|v| g.enum_at("context.interactionEvent", Some(v), &INTERACTION_EVENTS));
            TokenContext {
                jit_organization_ids: ids,
                interaction_event: event,
                invitation_id: None,
            }
        });
        let expires_in = match g.optional_value("expiresIn") {
            None => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) if f >= 1.0 => Some(f.ceil() as i64),
                _ => {
                    g.issue(
                        "expiresIn",
                        "too_small",
                        "Number must be greater than or equal to 1",
                    );
                    None
                }
            },
            Some(other) => {
                g.issue(
                    "expiresIn",
                    "invalid_type",
                    format!(
                        "Expected number, received {}",
                        crate::management_api::bodies::guard::kind(other)
                    ),
                );
                None
            }
        };
        g.finish()?;
        Ok(NewOneTimeToken {
            email: email.unwrap_or_default(),
            context,
            expires_in,
        })
    }
}

impl FromBody for TokenCheck {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let token = g.required_string("token", 1, 256);
        let email = g.required_string("email", 1, 256);
        g.finish()?;
        Ok(TokenCheck {
            token: token.unwrap_or_default(),
            email: email.unwrap_or_default(),
        })
    }
}

impl FromBody for StatusBody {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let status = g.required_enum("status", &STATUSES);
        g.finish()?;
        Ok(StatusBody {
            status: status.unwrap_or_default(),
        })
    }
}
