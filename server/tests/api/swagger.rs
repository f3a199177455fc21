//! `/api/swagger.json`: served without a token, and it tells the truth: every documented
//! operation reaches a handler, every documented request body's required keys are the ones the
//! validator asks for (and a body without any is accepted empty), and every documented response
//! of the reads holds the keys and types its schema requires.

use reqwest::Method;
use serde_json::{Map, Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, read, spawn_app};

both_backends!(swagger_document, swagger_document_impl);
async fn swagger_document_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let res = app.get("/api/swagger.json").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/json");
    let (_, doc) = read(res).await;
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    assert_eq!(doc["info"]["title"], "Tessera Management API");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearerAuth"]["scheme"],
        "bearer"
    );

    let ids = Fixture::create(&app).await;
    let ops = operations(&doc);
    assert!(ops.len() >= 100, "{} operations", ops.len());
    let mut operation_ids: Vec<&str> = ops
        .iter()
        .map(|o| o.op["operationId"].as_str().unwrap())
        .collect();
    operation_ids.sort_unstable();
    let before = operation_ids.len();
    operation_ids.dedup();
    assert_eq!(before, operation_ids.len(), "operation IDs are unique");

    // Reads first, then bodies (sent empty: refused unless nothing is required), then deletes
    // of IDs that do not exist, so nothing the later probes need is gone.
    for pass in [
        Method::GET,
        Method::PATCH,
        Method::PUT,
        Method::POST,
        Method::DELETE,
    ] {
        for op in ops.iter().filter(|o| o.method == pass) {
            probe(&app, &doc, op, &ids).await;
        }
    }
}

struct Operation<'a> {
    method: Method,
    path: &'a str,
    op: &'a Value,
}

fn operations(doc: &Value) -> Vec<Operation<'_>> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let method = method.to_uppercase().parse::<Method>().unwrap();
            out.push(Operation { method, path, op });
        }
    }
    out
}

/// IDs of one entity of each kind, so documented paths resolve.
struct Fixture(Map<String, Value>);

impl Fixture {
    async fn create(app: &TestApp) -> Fixture {
        let org = app.create_org("Probe").await;
        let user = app.create("/users", json!({ "username": "probe" })).await;
        let machine = app
            .create(
                "/applications",
                json!({ "name": "Probe", "type": "MachineToMachine" }),
            )
            .await;
        let org_role = app
            .create("/organization-roles", json!({ "name": "probe" }))
            .await;
        let org_scope = app
            .create("/organization-scopes", json!({ "name": "probe:read" }))
            .await;
        let resource = app
            .create(
                "/resources",
                json!({ "name": "Probe", "indicator": "https://probe.example/api" }),
            )
            .await;
        let scope = app
            .create(
                &format!("/resources/{}/scopes", resource["id"].as_str().unwrap()),
                json!({ "name": "probe:write" }),
            )
            .await;
        let role = app
            .create("/roles", json!({ "name": "probe", "description": "Probe" }))
            .await;
        let sso = app
            .create(
                "/sso-connectors",
                json!({ "providerName": "OIDC", "connectorName": "Probe" }),
            )
            .await;
        let org_id = org["id"].as_str().unwrap();
        let user_id = user["id"].as_str().unwrap();
        let added = app
            .status_of(
                Method::POST,
                &format!("/organizations/{org_id}/users"),
                json!({ "userIds": [user_id] }),
            )
            .await;
        assert_eq!(added, 201);
        let added = app
            .status_of(
                Method::POST,
                &format!("/organizations/{org_id}/applications"),
                json!({ "applicationIds": [machine["id"]] }),
            )
            .await;
        assert_eq!(added, 201);
        let invitation = app
            .create(
                "/organization-invitations",
                json!({ "invitee": "probe@example.com", "organizationId": org["id"],
                        "expiresAt": 4_102_444_800_000_i64 }),
            )
            .await;
        let token = app
            .create("/one-time-tokens", json!({ "email": "probe@example.com" }))
            .await;
        let mut ids = Map::new();
        for (name, entity) in [
            ("organization-invitations", &invitation),
            ("one-time-tokens", &token),
            ("organizations", &org),
            ("users", &user),
            ("applications", &machine),
            ("organization-roles", &org_role),
            ("organization-scopes", &org_scope),
            ("resources", &resource),
            ("roles", &role),
            ("sso-connectors", &sso),
            ("userId", &user),
            ("applicationId", &machine),
            ("organizationRoleId", &org_role),
            ("organizationScopeId", &org_scope),
            ("scopeId", &scope),
            ("ssoConnectorId", &sso),
        ] {
            ids.insert(name.into(), entity["id"].clone());
        }
        ids.insert("emailDomain".into(), json!("probe.example"));
        ids.insert("verificationId".into(), json!("none"));
        ids.insert("name".into(), json!("Default secret"));
        Fixture(ids)
    }

    /// The path with its parameters filled: `{id}` by the collection it follows.
    fn fill(&self, path: &str, missing: bool) -> String {
        let path = path.strip_prefix("/api").unwrap();
        let segments: Vec<&str> = path.split('/').collect();
        let mut out = Vec::new();
        for (i, segment) in segments.iter().enumerate() {
            let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                out.push(segment.to_string());
                continue;
            };
            let key = if name == "id" { segments[i - 1] } else { name };
            let last = i == segments.len() - 1;
            if missing && last {
                out.push("no-such-id".into());
            } else {
                let id = self.0.get(key).unwrap_or_else(|| panic!("no ID for {key}"));
                out.push(id.as_str().unwrap().to_string());
            }
        }
        out.join("/")
    }
}

async fn probe(app: &TestApp, doc: &Value, op: &Operation<'_>, ids: &Fixture) {
    let label = format!("{} {}", op.method, op.path);
    let deleting = op.method == Method::DELETE;
    let path = ids.fill(op.path, deleting);
    let body_schema = op.op["requestBody"]["content"]["application/json"]["schema"].clone();
    let mut req = app.api(op.method.clone(), &path).await;
    if !body_schema.is_null() {
        req = req.json(&json!({}));
    }
    let (status, body) = read(req.send().await.unwrap()).await;
    assert!(
        status != 405 && body["code"] != "guard.route_not_found",
        "{label} is documented but not routed: {status} {body}"
    );
    assert!(
        op.op["responses"][status.to_string()].is_object(),
        "{label} answered an undocumented {status}: {body}"
    );
    if !body_schema.is_null() {
        let schema = resolve(doc, &body_schema);
        let required: Vec<&str> = schema["required"]
            .as_array()
            .map(|r| r.iter().map(|k| k.as_str().unwrap()).collect())
            .unwrap_or_default();
        let documented_required = op.op["requestBody"]["required"] == true;
        assert_eq!(documented_required, !required.is_empty(), "{label}");
        if required.is_empty() {
            assert!(
                status < 300,
                "{label} refused an empty body: {status} {body}"
            );
        } else {
            assert_eq!(status, 400, "{label} accepted an empty body: {body}");
            assert_eq!(body["code"], "guard.invalid_input", "{label}");
            let details = body["details"].as_str().unwrap();
            for key in &required {
                assert!(
                    details.contains(&format!("key path \"{key}\"")),
                    "{label}: documented required key {key} not asked for: {details}"
                );
            }
            let asked = details.matches("(invalid_type) Required").count();
            assert_eq!(asked, required.len(), "{label}: {details} vs {required:?}");
        }
    } else if deleting {
        assert!(status >= 400, "{label} deleted what does not exist: {body}");
    } else if status < 300 {
        let schema =
            &op.op["responses"][status.to_string()]["content"]["application/json"]["schema"];
        if !schema.is_null() {
            conforms(doc, schema, &body, &label);
        }
    } else {
        panic!("{label}: {status} {body}");
    }
}

/// Follows `$ref`s to the schema they name.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(r) => {
            let name = r.strip_prefix("#/components/schemas/").unwrap();
            let found = &doc["components"]["schemas"][name];
            assert!(found.is_object(), "unknown schema {r}");
            resolve(doc, found)
        }
        None => schema,
    }
}

/// The value has every required key the schema names, with the documented JSON types.
fn conforms(doc: &Value, schema: &Value, value: &Value, at: &str) {
    let schema = resolve(doc, schema);
    if let Some(all) = schema["allOf"].as_array() {
        for part in all {
            conforms(doc, part, value, at);
        }
        return;
    }
    if let Some(any) = schema["oneOf"].as_array() {
        if value.is_null() && any.iter().any(|s| s["type"] == "null") {
            return;
        }
        for part in any.iter().filter(|s| s["type"] != "null") {
            conforms(doc, part, value, at);
        }
        return;
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return,
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    assert!(
        types.contains(&kind) || (kind == "integer" && types.contains(&"number")),
        "{at}: {value} is {kind}, documented {types:?}"
    );
    match value {
        Value::Array(items) => {
            for item in items {
                conforms(doc, &schema["items"], item, at);
            }
        }
        Value::Object(map) => {
            for key in schema["required"].as_array().into_iter().flatten() {
                let key = key.as_str().unwrap();
                let found = map
                    .get(key)
                    .unwrap_or_else(|| panic!("{at}: required key {key} missing from {value}"));
                conforms(
                    doc,
                    &schema["properties"][key],
                    found,
                    &format!("{at}.{key}"),
                );
            }
        }
        _ => {}
    }
}
