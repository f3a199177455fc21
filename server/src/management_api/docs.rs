//! The Management API's routes and their OpenAPI description, declared side by side: each
//! operation is registered on the router and in the document by the same call, so
//! `/api/swagger.json` lists exactly what the router serves. Schemas come from the wire types the
//! handlers serialize (`app::model`) and the request bodies the handlers read (each resource's
//! `bodies`). Each resource module registers its own operations (`routes(api)`, next to its
//! handlers); `routes.rs` lists the resources.

use axum::Router;
use axum::handler::Handler;
use axum::routing::{self, MethodRouter};
use utoipa::ToSchema;
use utoipa::openapi::path::HttpMethod;
use utoipa::openapi::schema::{Array, Schema};
use utoipa::openapi::{Paths, Ref, RefOr};

mod operation;

use crate::http::error::ErrorBody;
use crate::state::AppState;

/// Where the API is mounted; document paths carry it, as Logto's do.
const MOUNT: &str = "/api";

/// The description of the `q` parameter the searchable lists share.
pub const SEARCH_Q: &str = "Search text: a case-insensitive substring of the name, ID or other \
                            listed fields; at most 256 characters (longer: 400 \
                            `guard.invalid_input`).";

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
