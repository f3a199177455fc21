//! `GET /api/swagger.json`: the OpenAPI 3.1 document of the Management API, built once from the
//! operations the router serves (each resource's `routes`, listed in `routes.rs`). Public, as
//! Logto's is: it describes, never grants.

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{ComponentsBuilder, InfoBuilder, OpenApiBuilder, Paths};

use super::docs::Schemas;

const BEARER: &str = "bearerAuth";

/// The document as JSON bytes.
pub fn document(paths: Paths, schemas: Schemas) -> Bytes {
    let components = ComponentsBuilder::new()
        .schemas_from_iter(schemas)
        .security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "An access token for the Management API resource \
                         (`https://default.logto.app/api`) with scope `all`, from the \
                         `client_credentials` grant of a machine-to-machine application.",
                    ))
                    .build(),
            ),
        )
        .build();
    let doc = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Tessera Management API")
                .version(env!("CARGO_PKG_VERSION"))
                .description(Some(
                    "Logto-compatible Management API: organizations, their template, members, \
                     roles, applications and users.",
                ))
                .build(),
        )
        .paths(paths)
        .components(Some(components))
        .security(Some([SecurityRequirement::new(
            BEARER,
            Vec::<String>::new(),
        )]))
        .build();
    // A document of plain maps and strings always serializes; the test of the route reads it.
    Bytes::from(serde_json::to_vec(&doc).unwrap_or_else(|e| {
        tracing::error!(error = %e, "OpenAPI document does not serialize");
        b"{}".to_vec()
    }))
}

pub fn response(body: Bytes) -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], body)
}
