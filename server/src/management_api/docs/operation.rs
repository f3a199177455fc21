//! Each operation as the OpenAPI document describes it: parameters, body, responses, tag and
//! operation id (Logto's names).

use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{Object, Schema, SchemaType, Type};
use utoipa::openapi::{RefOr, Required};

use super::{ErrorBody, OpDoc, Schemas, named};

impl OpDoc {
    pub(super) fn build(
        self,
        path: &str,
        schemas: &mut Schemas,
    ) -> utoipa::openapi::path::Operation {
        let mut op = OperationBuilder::new()
            .summary(Some(self.summary))
            .description(self.description)
            .operation_id(Some(
                self.id
                    .map_or_else(|| operation_id(self.summary), str::to_string),
            ))
            .tag(tag(path));
        for name in path_params(path) {
            op = op.parameter(
                ParameterBuilder::new()
                    .name(name)
                    .parameter_in(ParameterIn::Path)
                    .required(Required::True)
                    .description(Some(path_param_description(name)))
                    .schema(Some(string())),
            );
        }
        for (name, description) in self.query {
            op = op.parameter(query(name, description, string()));
        }
        if let Some(mandatory) = self.paged {
            let which = if mandatory {
                "default"
            } else {
                "no pagination"
            };
            op = op
                .parameter(query(
                    "page",
                    &format!("Page number, from 1 ({which} when absent: 1)."),
                    integer(),
                ))
                .parameter(query(
                    "page_size",
                    &format!("Items per page ({which} when absent: 20)."),
                    integer(),
                ));
        }
        if let Some((body, required)) = self.body {
            let required = if required() {
                Required::True
            } else {
                Required::False
            };
            op = op.request_body(Some(
                RequestBodyBuilder::new()
                    .required(Some(required))
                    .content("application/json", json_content(body(schemas)))
                    .build(),
            ));
        }
        let mut ok = ResponseBuilder::new().description(success_description(self.status));
        if let Some(response) = self.response {
            ok = ok.content("application/json", json_content(response(schemas)));
        }
        if self.paged.is_some() {
            ok = ok
                .header(
                    "Total-Number",
                    HeaderBuilder::new()
                        .schema(integer())
                        .description(Some("How many items all pages hold together."))
                        .build(),
                )
                .header(
                    "Link",
                    HeaderBuilder::new()
                        .schema(string())
                        .description(Some(
                            "RFC 8288 links to the first, previous, next and last pages.",
                        ))
                        .build(),
                );
        }
        op = op.response(self.status.to_string(), ok.build());
        let error = named::<ErrorBody>(schemas);
        let mut statuses = vec![400, 401, 403];
        statuses.extend(self.errors);
        statuses.sort_unstable();
        statuses.dedup();
        for status in statuses {
            op = op.response(
                status.to_string(),
                ResponseBuilder::new()
                    .description(error_description(status))
                    .content("application/json", json_content(error.clone()))
                    .build(),
            );
        }
        op.build()
    }
}

fn json_content(schema: RefOr<Schema>) -> utoipa::openapi::Content {
    ContentBuilder::new().schema(Some(schema)).build()
}

fn string() -> Schema {
    Schema::Object(Object::with_type(SchemaType::Type(Type::String)))
}

fn integer() -> Schema {
    Schema::Object(Object::with_type(SchemaType::Type(Type::Integer)))
}

/// An optional query parameter.
fn query(name: &str, description: &str, schema: Schema) -> utoipa::openapi::path::Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Query)
        .required(Required::False)
        .description(Some(description))
        .schema(Some(schema))
        .build()
}

/// `{name}` segments of a path, in order.
fn path_params(path: &str) -> impl Iterator<Item = &str> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
}

fn path_param_description(name: &str) -> &'static str {
    match name {
        "id" => "The ID of the entity the path names first.",
        "userId" => "The ID of the user.",
        "applicationId" => "The ID of the application.",
        "organizationRoleId" => "The ID of the organization role.",
        "organizationScopeId" => "The ID of the organization permission.",
        "scopeId" => "The ID of the API permission.",
        "ssoConnectorId" => "The ID of the SSO connector.",
        "emailDomain" => "The email domain, e.g. `example.com`.",
        "verificationId" => "The ID of the MFA verification.",
        _ => "An ID.",
    }
}

/// `Organization roles` from `/organization-roles/{id}/scopes`.
fn tag(path: &str) -> String {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let words = first.replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `ListOrganizationRoles` from the summary `List organization roles`, Logto's naming.
pub fn operation_id(summary: &str) -> String {
    summary
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
                .collect::<String>()
        })
        .collect()
}

fn success_description(status: u16) -> &'static str {
    match status {
        201 => "Created.",
        204 => "Done; no content.",
        _ => "OK.",
    }
}

fn error_description(status: u16) -> &'static str {
    match status {
        400 => {
            "The body, query or pagination is invalid (`guard.invalid_input`, `guard.invalid_pagination`)."
        }
        401 => "No valid bearer token for the Management API (`auth.unauthorized`).",
        403 => "The token lacks the `all` scope (`auth.forbidden`).",
        404 => {
            "The entity does not exist (`entity.not_exists_with_id`, `entity.not_exists`, `entity.not_found`)."
        }
        409 => "The request conflicts with the current state.",
        422 => {
            "The change breaks a rule of the data (for example `entity.unique_integrity_violation`, `entity.relation_foreign_key_not_found`, `entity.db_constraint_violated`, `organization.require_membership`)."
        }
        _ => "Error.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_logto() {
        assert_eq!(
            operation_id("List organization roles"),
            "ListOrganizationRoles"
        );
        assert_eq!(operation_id("Get an API resource"), "GetAnAPIResource");
        assert_eq!(tag("/organization-roles/{id}/scopes"), "Organization roles");
        assert_eq!(
            path_params("/organizations/{id}/users/{userId}/roles/{organizationRoleId}")
                .collect::<Vec<_>>(),
            ["id", "userId", "organizationRoleId"]
        );
    }
}
