//! Calling the console's server functions the way the console page does: a same-origin form
//! POST to `/console/fn/<endpoint>`, as the first administrator when signed in.

use serde_json::Value;

use crate::helpers::TestApp;

/// Status and body text of a server function call.
pub async fn call(app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> (u16, String) {
    let res = app
        .client
        .post(app.url(&format!("/console/fn/{endpoint}")))
        .header("origin", app.address.clone())
        .form(form)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// [`call`] with the body as JSON (`null` when empty).
pub async fn call_json(app: &TestApp, endpoint: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let (status, body) = call(app, endpoint, form).await;
    let value = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}"))
    };
    (status, value)
}

/// Creates the first administrator, which also signs the test client in.
pub async fn sign_in(app: &TestApp) {
    let form = [
        ("username", "root"),
        ("password", "longenough1"),
        ("password_confirm", "longenough1"),
    ];
    let (status, body) = call(app, "create_first_admin", &form).await;
    assert!(status < 400, "{status} {body}");
}

/// The id of an entity created through the Management API.
pub async fn id_of(app: &TestApp, path: &str, body: Value) -> String {
    app.create(path, body).await["id"]
        .as_str()
        .unwrap()
        .to_string()
}
