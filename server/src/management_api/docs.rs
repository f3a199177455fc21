//! The Management API's routes and their OpenAPI description, declared side by side: each
//! operation is registered on the router and in the document by the same call, so
//! `/api/swagger.json` lists exactly what the router serves. Schemas come from the wire types the
//! handlers serialize (`app::model`) and the request bodies the validators accept (`bodies/`).

use axum::Router;
use axum::handler::Handler;
use axum::routing::{self, MethodRouter};
use utoipa::ToSchema;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{HttpMethod, OperationBuilder, ParameterBuilder, ParameterIn};
use utoipa::openapi::request_body::RequestBodyBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::schema::{Array, Object, Schema, SchemaType, Type};
use utoipa::openapi::{Paths, Ref, RefOr, Required};

use crate::http::error::ErrorBody;
use crate::state::AppState;

/// Where the API is mounted; document paths carry it, as Logto's do.
const MOUNT: &str = "/api";

pub type Schemas = Vec<(String, RefOr<Schema>)>;

/// A router and the document of its operations, built together.
pub struct ApiRoutes {
    router: Router<AppState>,
    paths: Paths,
    schemas: Schemas,
}

impl ApiRoutes {
    pub fn new() -> Self {
        ApiRoutes {
            router: Router::new(),
            paths: Paths::new(),
            schemas: Vec::new(),
        }
    }

    /// Serves `ops` at `path` (axum syntax, which is also OpenAPI's: `/users/{id}`).
    pub fn route(mut self, path: &str, ops: impl IntoIterator<Item = Op>) -> Self {
        for op in ops {
            self.router = self.router.route(path, op.handler);
            let operation = op.doc.build(path, &mut self.schemas);
            self.paths
                .add_path_operation(format!("{MOUNT}{path}"), vec![op.method], operation);
        }
        self
    }

    pub fn into_parts(self) -> (Router<AppState>, Paths, Schemas) {
        (self.router, self.paths, self.schemas)
    }
}

/// One operation: its handler and what the document says about it.
pub struct Op {
    method: HttpMethod,
    handler: MethodRouter<AppState>,
    doc: OpDoc,
}

/// A schema named in an operation, resolved when the operation is added (so the components
/// hold every type referenced).
type SchemaFn = fn(&mut Schemas) -> RefOr<Schema>;

struct OpDoc {
    summary: &'static str,
    id: Option<&'static str>,
    description: Option<&'static str>,
    query: Vec<(&'static str, &'static str)>,
    paged: Option<bool>,
    body: Option<(SchemaFn, fn() -> bool)>,
    status: u16,
    response: Option<SchemaFn>,
    errors: Vec<u16>,
}

macro_rules! method_constructor {
    ($name:ident, $method:ident) => {
        pub fn $name<H, T>(handler: H, summary: &'static str) -> Op
        where
            H: Handler<T, AppState>,
            T: 'static,
        {
            Op::new(HttpMethod::$method, routing::$name(handler), summary)
        }
    };
}

method_constructor!(get, Get);
method_constructor!(post, Post);
method_constructor!(put, Put);
method_constructor!(patch, Patch);
method_constructor!(delete, Delete);

fn named<T: ToSchema>(schemas: &mut Schemas) -> RefOr<Schema> {
    let name = T::name().into_owned();
    if !schemas.iter().any(|(n, _)| *n == name) {
        schemas.push((name.clone(), T::schema()));
        T::schemas(schemas);
    }
    RefOr::Ref(Ref::from_schema_name(name))
}

/// A body without required keys may be left out: an empty body reads as `{}`.
fn has_required_keys<T: ToSchema>() -> bool {
    match T::schema() {
        RefOr::T(Schema::Object(object)) => !object.required.is_empty(),
        _ => true,
    }
}

fn array_of<T: ToSchema>(schemas: &mut Schemas) -> RefOr<Schema> {
    RefOr::T(Schema::Array(Array::new(named::<T>(schemas))))
}

impl Op {
    fn new(method: HttpMethod, handler: MethodRouter<AppState>, summary: &'static str) -> Self {
        let status = match method {
            HttpMethod::Delete => 204,
            _ => 200,
        };
        Op {
            method,
            handler,
            doc: OpDoc {
                summary,
                id: None,
                description: None,
                query: Vec::new(),
                paged: None,
                body: None,
                status,
                response: None,
                errors: Vec::new(),
            },
        }
    }

    /// The operation ID Logto gives this operation (default: the summary in CamelCase), so
    /// clients generated from either document name their methods alike.
    pub fn id(mut self, id: &'static str) -> Self {
        self.doc.id = Some(id);
        self
    }

    pub fn describe(mut self, text: &'static str) -> Self {
        self.doc.description = Some(text);
        self
    }

    /// An optional query parameter.
    pub fn query(mut self, name: &'static str, description: &'static str) -> Self {
        self.doc.query.push((name, description));
        self
    }

    pub fn body<B: ToSchema>(mut self) -> Self {
        self.doc.body = Some((named::<B>, has_required_keys::<B>));
        self
    }

    /// 200 with `T`.
    pub fn ok<T: ToSchema>(mut self) -> Self {
        self.doc.response = Some(named::<T>);
        self
    }

    /// 200 with an array of `T`, paginated when `page` or `page_size` is given.
    pub fn list<T: ToSchema>(mut self) -> Self {
        self.doc.response = Some(array_of::<T>);
        self.doc.paged = Some(false);
        self
    }

    /// 200 with one page of `T` (`page` and `page_size` default to 1 and 20).
    pub fn paged<T: ToSchema>(mut self) -> Self {
        self.doc.response = Some(array_of::<T>);
        self.doc.paged = Some(true);
        self
    }

    /// 200 with an array of `T`, never paginated.
    pub fn all<T: ToSchema>(mut self) -> Self {
        self.doc.response = Some(array_of::<T>);
        self
    }

    /// 201 with `T`.
    pub fn created<T: ToSchema>(mut self) -> Self {
        self.doc.status = 201;
        self.doc.response = Some(named::<T>);
        self
    }

    /// 201 with an array of `T`.
    pub fn created_all<T: ToSchema>(mut self) -> Self {
        self.doc.status = 201;
        self.doc.response = Some(array_of::<T>);
        self
    }

    pub fn created_empty(mut self) -> Self {
        self.doc.status = 201;
        self
    }

    pub fn no_content(mut self) -> Self {
        self.doc.status = 204;
        self
    }

    /// Error statuses beyond the 400/401/403 every operation may answer.
    pub fn errors(mut self, statuses: &[u16]) -> Self {
        self.doc.errors.extend_from_slice(statuses);
        self
    }
}

impl OpDoc {
    fn build(self, path: &str, schemas: &mut Schemas) -> utoipa::openapi::path::Operation {
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
