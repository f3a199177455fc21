use crate::storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// Input failed validation; one line per problem, in Logto's `details` style.
    #[error("invalid input: {}", .0.join("; "))]
    Invalid(Vec<String>),
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
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("internal: {0}")]
    Internal(String),
}

impl DomainError {
    pub fn invalid(line: impl Into<String>) -> Self {
        DomainError::Invalid(vec![line.into()])
    }
}
