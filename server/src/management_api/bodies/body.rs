//! The one way a handler receives a request body: [`Body<T>`] reads the JSON (see
//! [`JsonBody`]) and hands it to `T`'s [`FromBody`], which checks it with Logto's rules and
//! builds the typed command the domain takes. A body type is at once the parser, the validator
//! and (through its `ToSchema`) the OpenAPI schema, so the three cannot disagree.
//!
//! A small trait rather than a declarative validation crate (`garde`, `validator`): clients
//! compare Logto's `guard.invalid_input` details line by line, and those follow zod — every
//! problem in key order with zod's codes and words, a wrong JSON type reported instead of a
//! rule, string lengths counted in UTF-16 units. Those crates validate an already
//! deserialized value and report in their own shapes; reproducing zod's lines on top of them
//! would take as much code as [`Guard`](super::guard::Guard) does directly.

use axum::extract::{FromRequest, Request};
use serde_json::Value;

use crate::domain::DomainError;
use crate::http::error::ApiError;
use crate::http::extract::JsonBody;

/// A command read from a JSON body.
pub trait FromBody: Sized {
    /// Every problem is reported, one `details` line each (`DomainError::Invalid`), as Logto's
    /// guards do; unknown keys are ignored.
    fn from_body(body: &Value) -> Result<Self, DomainError>;
}

/// A request body as its typed command; a body that fails its rules is answered 400
/// `guard.invalid_input` before the handler runs.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: FromBody> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let JsonBody(value) = JsonBody::from_request(req, state).await?;
        Ok(Body(T::from_body(&value)?))
    }
}
