//! `POST /api/verification-codes` and `/verify` (Logto's `routes/verification-code.ts`): a
//! `Generic` code mailed to an address, and its check. Phone numbers have no transport here
//! (501 `connector.not_found`, as Logto without an SMS connector).

use axum::extract::State;
use axum::http::StatusCode;
use serde_json::Value;
use utoipa::ToSchema;

use super::bodies::guard::Guard;
use super::bodies::{Body, FromBody};
use super::docs::{ApiRoutes, post};
use crate::domain::DomainError;
use crate::domain::verification_codes::{self, CodeMail, no_connector};
use crate::http::error::ApiError;
use crate::http::tenant::Tenant;
use crate::mail::TemplateType;
use crate::state::AppState;

pub(super) fn routes(api: ApiRoutes) -> ApiRoutes {
    api.route(
        "/verification-codes",
        [post(
            verification_code_send,
            "Request and send a verification code",
        )
        .id("CreateVerificationCode")
        .body::<CodeRequest>()
        .no_content()
        .errors(&[400, 429, 501])],
    )
    .route(
        "/verification-codes/verify",
        [post(verification_code_verify, "Verify a verification code")
            .id("VerifyVerificationCode")
            .body::<CodeCheck>()
            .no_content()
            .errors(&[400])],
    )
}

/// `{ email }` or `{ phone }` (documented by its email branch: text messages are not sent).
#[derive(Debug, ToSchema)]
pub struct CodeRequest {
    #[schema(nullable = false, required = true)]
    pub email: Option<String>,
    /// Answered with 501 `connector.not_found` (no text message transport).
    #[schema(nullable = false)]
    pub phone: Option<String>,
}

/// `{ email | phone, verificationCode }`.
#[derive(Debug, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CodeCheck {
    #[schema(nullable = false, required = true)]
    pub email: Option<String>,
    #[schema(nullable = false)]
    pub phone: Option<String>,
    pub verification_code: String,
}

/// One of `email` / `phone` (zod's union: the first branch's issues when neither fits).
fn recipient(g: &mut Guard) -> (Option<String>, Option<String>) {
    let email = g.optional_string("email", 1, 128);
    let phone = g.optional_string("phone", 1, 32);
    if email.is_none() && phone.is_none() {
        g.issue("email", "invalid_type", "Required");
    }
    (email, phone)
}

impl FromBody for CodeRequest {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let (email, phone) = recipient(&mut g);
        g.finish()?;
        Ok(CodeRequest { email, phone })
    }
}

impl FromBody for CodeCheck {
    fn from_body(body: &Value) -> Result<Self, DomainError> {
        let mut g = Guard::new(body);
        let (email, phone) = recipient(&mut g);
        let code = g.required_string("verificationCode", 1, 64);
        g.finish()?;
        Ok(CodeCheck {
            email,
            phone,
            verification_code: code.unwrap_or_default(),
        })
    }
}

/// 204 once the code is stored and queued for sending.
pub async fn verification_code_send(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(req): Body<CodeRequest>,
) -> Result<StatusCode, ApiError> {
    // Text messages (`phone`) have no transport here.
    let (Some(email), _) = (req.email, req.phone) else {
        return Err(no_connector().into());
    };
    let now = state.clock.now_ms();
    let code = CodeMail {
        email: &email,
        kind: TemplateType::Generic,
        extra: Value::Object(Default::default()),
        deliver: true,
    };
    verification_codes::send(&state.store, &state.mailer, &tenant, code, now).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// 204 when the code is right (it is then used up); 400 with Logto's code otherwise.
pub async fn verification_code_verify(
    State(state): State<AppState>,
    Tenant(tenant): Tenant,
    Body(req): Body<CodeCheck>,
) -> Result<StatusCode, ApiError> {
    let (Some(email), _) = (req.email, req.phone) else {
        return Err(no_connector().into());
    };
    let now = state.clock.now_ms();
    verification_codes::verify(
        &state.store,
        &tenant,
        &email,
        TemplateType::Generic,
        &req.verification_code,
        now,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
