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
