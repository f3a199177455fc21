use super::issue::Issue;
use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Input failed validation; one issue per broken rule, in the order checked.
    #[error("invalid input: {}", .0.join("; "))]
    Invalid(Vec<Issue>),
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("already set up")]
    AlreadySetUp,
    #[error("username is already in use")]
    UsernameTaken,
    #[error("email is already in use")]
    EmailTaken,
    #[error("phone is already in use")]
    PhoneTaken,
    /// The user or application is not a member of the organization.
    #[error("membership required")]
    RequireMembership,
    /// Organization role names that match no role.
    #[error("role names not found: {}", .0.join(", "))]
    RoleNamesNotFound(Vec<String>),
    /// A business rule refused the request, with Logto's error code and HTTP status for it
    /// (400 for requests that can never succeed, 422 for conflicts with stored data).
    #[error("{code}: {message}")]
    Refused {
        status: u16,
        code: &'static str,
        message: String,
    },
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("internal: {0}")]
    Internal(String),
}

impl DomainError {
    pub fn refused(status: u16, code: &'static str, message: impl Into<String>) -> Self {
        DomainError::Refused {
            status,
            code,
            message: message.into(),
        }
    }

    /// One broken rule.
    pub fn invalid(issue: Issue) -> Self {
        DomainError::Invalid(vec![issue])
    }
}
