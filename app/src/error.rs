//! The console's error type: what a server function can tell the page, in words an admin can act on.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The input was refused; the message says why (and which field, when known).
    #[error("{message}")]
    Invalid {
        field: Option<String>,
        message: String,
    },
    #[error("Your session has ended. Please sign in again.")]
    Unauthenticated,
    #[error("Wrong username or password.")]
    InvalidCredentials,
    #[error("{0}")]
    NotFound(String),
    #[error("Tessera is already set up. Please sign in.")]
    AlreadySetUp,
    /// Sign-in attempts are limited per client address and per account; the wait is in seconds.
    #[error("Too many attempts. Try again in {0} seconds.")]
    TooManyAttempts(u64),
    #[error("Something went wrong on the server. Please try again.")]
    Internal,
    #[error("The request could not be completed: {0}")]
    Transport(String),
}

impl AppError {
    pub fn invalid(message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: None,
            message: message.into(),
        }
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        AppError::Invalid {
            field: Some(field.into()),
            message: message.into(),
        }
    }

    /// The message to show next to `field`, if this error is about it.
    pub fn for_field(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid {
                field: Some(f),
                message,
            } if f == field => Some(message.clone()),
            _ => None,
        }
    }
}

impl AppError {
    /// The HTTP status a server function answers with for this error.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::Invalid { .. } => 400,
            AppError::Unauthenticated | AppError::InvalidCredentials => 401,
            AppError::NotFound(_) => 404,
            AppError::AlreadySetUp => 409,
            AppError::TooManyAttempts(_) => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}
