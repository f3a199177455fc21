//! `/api/organization-invitations` (Logto's
//! `packages/core/src/routes/organization-invitation/index.ts`, compat §2.7): the routes with
//! their OpenAPI description, the handlers and how their bodies are read.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, delete, get, post, put};
use super::responses;
use crate::domain::DomainError;
use crate::domain::invitations::{
    self, EndStatus, Invitation, InvitationMail, NewInvitation, StatusChange, not_found,
};
use crate::http::error::ApiError;
use crate::http::extract::QueryPairs;
use crate::http::tenant::Tenant;
use crate::management_api::bodies::guard::{self, Guard};
use crate::state::AppState;
use crate::storage::InvitationFilter;

/// Logto's id columns hold 21 characters.
const ID_MAX: usize = 21;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/organization-invitations",
        [
            get(invitations_list, "Get organization invitations")
                .id("ListOrganizationInvitations")
                .query("organizationId", "Only this organization's invitations.")
                .query("inviterId", "Only this inviter's invitations.")
                .query(
                    "invitee",
                    "Only invitations to this email address (any case).",
                )
                .all::<Invitation>(),
            post(invitation_create, "Create organization invitation")
                .id("CreateOrganizationInvitation")
                .describe(
                    "With a `messagePayload` object the invitation email is sent \
                     (`OrganizationInvitation` template); `false` sends nothing.",
                )
                .body::<NewInvitation>()
                .created::<Invitation>()
                .errors(&[422, 429, 501]),
        ],
    )
    .route(
        "/organization-invitations/{id}",
        [
            get(invitation_get, "Get organization invitation")
                .id("GetOrganizationInvitation")
                .ok::<Invitation>()
                .errors(&[404]),
            delete(invitation_delete, "Delete organization invitation")
                .id("DeleteOrganizationInvitation")
                .errors(&[404]),
        ],
    )
    .route(
        "/organization-invitations/{id}/message",
        [post(invitation_resend, "Resend invitation message")
            .id("CreateOrganizationInvitationMessage")
            .body::<Payload>()
            .no_content()
            .errors(&[404, 429, 501])],
    )
    .route(
        "/organization-invitations/{id}/status",
        [
            put(invitation_status, "Update organization invitation status")
                .id("ReplaceOrganizationInvitationStatus")
                .describe(
                    "`Accepted` (with `acceptedUserId`, a user whose primary email is the \
                 invitee's) adds the user to the organization with the invitation's roles; \
                 `Revoked` ends it. Ended invitations cannot change.",
                )
                .body::<StatusChange>()
                .ok::<Invitation>()
                .errors(&[404, 422]),
        ],
    )
}

fn mail(state: &AppState) -> InvitationMail<'_> {
    InvitationMail {
        mailer: &state.mailer,
        public_url: &state.public_url,
    }
}

fn now(state: &AppState) -> i64 {
    state.clock.now_ms()
}

/// `GET /api/organization-invitations?organizationId&inviterId&invitee`: newest first, no
/// pagination (as Logto).
pub async fn invitations_list(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    query: QueryPairs,
) -> Result<Response, ApiError> {
    let given = |k: &str| query.get(k).filter(|v| !v.is_empty());
    let filter = InvitationFilter {
        organization_id: given("organizationId"),
        inviter_id: given("inviterId"),
        invitee: given("invitee"),
    };
    let found = invitations::list(&state.store, &tenant, &filter, now(&state)).await?;
    Ok(Json(found).into_response())
}

/// `POST /api/organization-invitations` → 201.
pub async fn invitation_create(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(input): Body<NewInvitation>,
) -> Result<Response, ApiError> {
    let created =
        invitations::create(&state.store, &mail(&state), &tenant, input, now(&state)).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// `GET /api/organization-invitations/:id` → 200, or 404 `entity.not_found`.
pub async fn invitation_get(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let found = invitations::find(&state.store, &tenant, &id, now(&state)).await?;
    Ok(Json(found.ok_or_else(not_found)?).into_response())
}

/// `DELETE /api/organization-invitations/:id` → 204, or 404 `entity.not_found`.
pub async fn invitation_delete(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    responses::deleted(invitations::delete(&state.store, &tenant, &id).await?)
}

/// `POST /api/organization-invitations/:id/message` → 204.
pub async fn invitation_resend(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(payload): Body<Payload>,
) -> Result<StatusCode, ApiError> {
    invitations::resend(
        &state.store,
        &mail(&state),
        &tenant,
        &id,
        payload.0,
        now(&state),
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `PUT /api/organization-invitations/:id/status` → 200.
pub async fn invitation_status(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Path(id): Path<String>,
    Body(change): Body<StatusChange>,
) -> Result<Response, ApiError> {
    let ended = invitations::end(&state.store, &tenant, &id, change, now(&state)).await?;
    Ok(Json(ended).into_response())
}

/// A message payload as Logto's `sendMessagePayloadGuard` reads it: an object whose `code`,
/// `link`, `locale` and `uiLocales` are strings when present; other keys pass through to the
/// template.
#[derive(utoipa::ToSchema)]
#[schema(value_type = Object)]
pub struct Payload(pub Map<String, Value>);

fn read_payload(g: &mut Guard<'_>, path: &str, m: &Map<String, Value>) {
    for key in ["code", "link", "locale", "uiLocales"] {
        if let Some(v) = m.get(key)
            && !v.is_string()
        {
            let at = if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            };
            g.issue(
                &at,
                "invalid_type",
                format!("Expected string, received {}", guard::kind(v)),
            );
        }
    }
}

impl FromBody for Payload {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let map = match body {
            Value::Object(m) => m.clone(),
            other => {
                g.issue(
                    "",
                    "invalid_type",
                    format!("Expected object, received {}", guard::kind(other)),
                );
                Map::new()
            }
        };
        read_payload(&mut g, "", &map);
        g.finish()?;
        Ok(Payload(map))
    }
}

impl FromBody for NewInvitation {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let inviter = g.nullable_string("inviterId", ID_MAX);
        let invitee = g.required_string("invitee", 1, 256);
        if let Some(e) = &invitee
            && !crate::domain::end_users::valid_email(e)
        {
            g.issue("invitee", "invalid_string", "Invalid email");
        }
        let organization = g.required_string("organizationId", 1, ID_MAX);
        let expires_at = match g.optional_value("expiresAt") {
            None => {
                g.issue("expiresAt", "invalid_type", "Required");
                None
            }
            Some(Value::Number(n)) => n.as_i64().or_else(|| {
                g.issue(
                    "expiresAt",
                    "invalid_type",
                    "Expected integer, received float",
                );
                None
            }),
            Some(other) => {
                g.issue(
                    "expiresAt",
                    "invalid_type",
                    format!("Expected number, received {}", guard::kind(other)),
                );
                None
            }
        };
        let roles = g.id_list("organizationRoleIds", false, false);
        let payload = match g.optional_value("messagePayload") {
            None | Some(Value::Bool(false)) => None,
            Some(Value::Object(m)) => {
                read_payload(&mut g, "messagePayload", m);
                Some(m.clone())
            }
            Some(other) => {
                g.issue(
                    "messagePayload",
                    "invalid_union",
                    format!("Expected object or false, received {}", guard::kind(other)),
                );
                None
            }
        };
        g.finish()?;
        Ok(NewInvitation {
            inviter_id: inviter.into_patch().flatten(),
            invitee: invitee.unwrap_or_default(),
            organization_id: organization.unwrap_or_default(),
            expires_at: expires_at.unwrap_or_default(),
            organization_role_ids: roles,
            message_payload: payload,
        })
    }
}

impl FromBody for StatusChange {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let status = g.required_enum("status", &EndStatus::NAMES);
        let accepted = g.nullable_string("acceptedUserId", ID_MAX);
        g.finish()?;
        Ok(StatusChange {
            status: status
                .as_deref()
                .and_then(EndStatus::parse)
                .unwrap_or(EndStatus::Revoked),
            accepted_user_id: accepted.into_patch().flatten(),
        })
    }
}
