//! The Management API's error body: `{ code, message, details? }` with Logto's codes and statuses
//! (`packages/core/src/errors/RequestError/index.ts`).
//! A 500 body never carries internal text (the cause is logged once here with the request's
//! span); the deliberate 501 and 503 refusals keep their code and message, as Logto's do.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::domain::DomainError;
use crate::storage::StorageError;

#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: None,
        }
    }

    /// 400 `guard.invalid_input` with one `details` line per problem.
    pub fn invalid_input(kind: &str, lines: &[impl AsRef<str>]) -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "guard.invalid_input",
            format!("The request {kind} is invalid."),
        );
        let lines: Vec<&str> = lines.iter().map(AsRef::as_ref).collect();
        e.details = Some(lines.join("\n"));
        e
    }

    pub fn invalid_pagination() -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "guard.invalid_pagination",
            "The request pagination value is invalid.",
        )
    }

    /// 404 from a find-by-id (`GET /:id`).
    pub fn not_exists_with_id(table: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "entity.not_exists_with_id",
            format!("The {table} with ID `{id}` does not exist."),
        )
    }

    /// 404 from an update that matched nothing (`PATCH /:id`).
    pub fn not_exists(entity: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "entity.not_exists",
            format!("The {entity} does not exist."),
        )
    }

    /// 404 from a delete that matched nothing.
    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "entity.not_found",
            "The resource does not exist.",
        )
    }

    pub fn route_not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "guard.route_not_found",
            "The route does not exist.",
        )
    }

    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "request.method_not_allowed",
            "Method not allowed.",
        )
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "auth.unauthorized",
            "Unauthorized. Please check credentials and its scope.",
        )
    }

    pub fn forbidden() -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            "auth.forbidden",
            "Forbidden. Please check your user roles and permissions.",
        )
    }

    pub fn payload_too_large() -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request.payload_too_large",
            "The request body is larger than 1 MiB.",
        )
    }

    pub fn unique_violation() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "entity.unique_integrity_violation",
            "The entity already exists. Please check the input and try again.",
        )
    }

    pub fn foreign_key_not_found() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "entity.relation_foreign_key_not_found",
            "Cannot find one or more foreign keys. Please check the input and try again.",
        )
    }

    pub fn constraint_violated() -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "entity.db_constraint_violated",
            "Database constraint violated.",
        )
    }

    pub fn internal() -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "unexpected_error",
            "Internal server error.",
        )
    }
}

impl From<StorageError> for ApiError {
    fn from(err: StorageError) -> Self {
        match err {
            StorageError::UniqueViolation => ApiError::unique_violation(),
            StorageError::ForeignKeyViolation => ApiError::foreign_key_not_found(),
            StorageError::CheckViolation => ApiError::constraint_violated(),
            StorageError::NotFound => ApiError::not_found(),
            StorageError::UnstorableText => ApiError::invalid_input(
                "body",
                &["Error in key path \"\": (invalid_string) Text must not contain NUL characters"],
            ),
            StorageError::TooLarge => ApiError::invalid_input(
                "body",
                &["Error in key path \"\": (too_big) A value is too long to store"],
            ),
            other => {
                tracing::error!(error = %other, "storage failure");
                ApiError::internal()
            }
        }
    }
}

impl From<DomainError> for ApiError {
    fn from(err: DomainError) -> Self {
        match err {
            DomainError::Invalid(lines) => ApiError::invalid_input("body", &lines),
            DomainError::Storage(e) => e.into(),
            DomainError::UsernameTaken => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "user.username_already_in_use",
                "This username is already in use.",
            ),
            DomainError::EmailTaken => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "user.email_already_in_use",
                "This email is associated with an existing account.",
            ),
            DomainError::PhoneTaken => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "user.phone_already_in_use",
                "This phone number is associated with an existing account.",
            ),
            DomainError::RequireMembership => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "organization.require_membership",
                "The user must be a member of the organization to proceed.",
            ),
            DomainError::RoleNamesNotFound(names) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "organization.role_names_not_found",
                format!(
                    "Invalid role names detected: {}. Please create these roles first before \
                     proceeding.",
                    conjunction(&names)
                ),
            ),
            DomainError::Refused {
                status,
                code,
                message,
            } => ApiError::new(
                StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
                code,
                message,
            ),
            DomainError::InvalidCredentials | DomainError::AlreadySetUp => ApiError::forbidden(),
            DomainError::Internal(msg) => {
                tracing::error!(error = %msg, "internal failure");
                ApiError::internal()
            }
        }
    }
}

/// "a", "a and b", "a, b, and c" (the English list style of Logto's messages).
fn conjunction(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// The body of every Management API error (unexpected 5xx bodies carry the message only).
#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Logto's error code, e.g. `entity.not_exists_with_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'static str>,
    message: String,
    /// One line per problem found in the input.
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // An unexpected failure says nothing more; a deliberate 5xx (501 without a mail
        // transport, 503 when mail is backed up) keeps its code as Logto's do.
        let deliberate = matches!(
            self.status,
            StatusCode::NOT_IMPLEMENTED | StatusCode::SERVICE_UNAVAILABLE
        ) || !self.status.is_server_error();
        let body = if !deliberate {
            ErrorBody {
                code: None,
                message: self.message,
                details: None,
            }
        } else {
            ErrorBody {
                code: Some(self.code),
                message: self.message,
                details: self.details,
            }
        };
        (self.status, Json(body)).into_response()
    }
}
