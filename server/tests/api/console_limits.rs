//! Console sign-in under the hosted sign-in's attempt limits, and server functions refusing
//! malformed requests as the client's mistake (4xx with a message), never as a server failure.

use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app, spawn_app_with};

/// Posts a console server function as the console page would (same origin): status, the
/// `Retry-After` header and the body.
async fn call(
    app: &TestApp,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, Option<String>, String) {
    let res = app
        .client
        .post(app.url(&format!("/console/fn/{endpoint}")))
        .header("origin", app.address.clone())
        .form(form)
        .send()
        .await
        .unwrap();
    let retry = res
        .headers()
        .get(RETRY_AFTER)
        .map(|v| v.to_str().unwrap().to_string());
    (res.status().as_u16(), retry, res.text().await.unwrap())
}

async fn sign_in(app: &TestApp, username: &str, password: &str) -> (u16, Option<String>, String) {
    call(
        app,
        "sign_in",
        &[("username", username), ("password", password)],
    )
    .await
}

both_backends!(console_sign_in_is_limited, console_sign_in_is_limited_impl);
async fn console_sign_in_is_limited_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.bootstrap.admin_username = Some("ops".into());
        s.bootstrap.admin_password = Some("from-the-env-1".into());
        s.oidc.sign_in_per_ip_per_minute = 7;
        s.oidc.sign_in_per_account_per_minute = 3;
    })
    .await
    else {
        return;
    };
    for _ in 0..3 {
        let (status, _, body) = sign_in(&app, "ops", "wrong-password").await;
        assert_eq!(status, 401, "{body}");
        assert!(body.contains("InvalidCredentials"), "{body}");
    }
    // The account is locked out now, with a wait to show; so is its right password.
    let (status, retry, body) = sign_in(&app, "ops", "wrong-password").await;
    assert_eq!(status, 429, "{body}");
    let wait = retry.expect("Retry-After").parse::<u64>().unwrap();
    assert!(wait >= 1, "{wait}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap(),
        serde_json::json!({ "TooManyAttempts": wait })
    );
    let (status, _, body) = sign_in(&app, "OPS", "from-the-env-1").await;
    assert_eq!(status, 429, "{body}");
    let (status, _, body) = sign_in(&app, "ops", "from-the-env-1").await;
    assert_eq!(status, 429, "{body}");
    let res = app.get("/console/organizations").await;
    assert_eq!(res.headers()["location"], "/console/sign-in");

    // Other accounts from the same address go on up to the per-address limit (seven).
    let (status, _, body) = sign_in(&app, "nobody", "wrong-password").await;
    assert_eq!(status, 401, "{body}");
    let (status, _, body) = sign_in(&app, "somebody", "wrong-password").await;
    assert_eq!(status, 429, "{body}");
}

both_backends!(first_run_counts_per_address, first_run_counts_impl);
async fn first_run_counts_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.oidc.sign_in_per_ip_per_minute = 2;
    })
    .await
    else {
        return;
    };
    let short = [
        ("username", "root"),
        ("password", "short"),
        ("password_confirm", "short"),
    ];
    for _ in 0..2 {
        let (status, _, body) = call(&app, "create_first_admin", &short).await;
        assert_eq!(status, 400, "{body}");
    }
    let good = [
        ("username", "root"),
        ("password", "longenough1"),
        ("password_confirm", "longenough1"),
    ];
    let (status, _, body) = call(&app, "create_first_admin", &good).await;
    assert_eq!(status, 429, "{body}");
    let res = app.get("/console/organizations").await;
    assert_eq!(res.headers()["location"], "/console/setup");
}

/// Posts raw bytes to a console server function as a form.
async fn post_raw(app: &TestApp, endpoint: &str, body: Vec<u8>) -> (u16, String) {
    let res = app
        .client
        .post(app.url(&format!("/console/fn/{endpoint}")))
        .header("origin", app.address.clone())
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

/// Announces a 20 MB form body and sends its first bytes; returns the answer's status and body.
/// Raw TCP, since the answer may come (and the connection close) before the body is sent: an
/// HTTP client writing the whole body would see a broken pipe instead of the answer.
async fn announce_huge_body(app: &TestApp, endpoint: &str) -> (u16, String) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let head = format!(
        "POST /console/fn/{endpoint} HTTP/1.1\r\nHost: {host}\r\nOrigin: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\nusername=root&password=aaaa",
        app.address,
        20 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut answer),
    )
    .await;
    assert!(read.is_ok(), "no answer before the body was sent");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// The message of a console error body `{"Invalid": {"field": …, "message": …}}`.
fn message(body: &str) -> String {
    let value: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    value["Invalid"]["message"]
        .as_str()
        .unwrap_or_else(|| panic!("no message: {body}"))
        .to_string()
}

both_backends!(
    malformed_server_fn_requests_are_4xx,
    malformed_requests_impl
);
async fn malformed_requests_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (status, body) = announce_huge_body(&app, "sign_in").await;
    assert_eq!(status, 413, "{body}");
    assert!(message(&body).contains("too large"), "{body}");

    let (status, body) = post_raw(&app, "sign_in", b"username=\xff\xfe&password=x".to_vec()).await;
    assert_eq!(status, 400, "{body}");
    assert!(message(&body).contains("utf-8"), "{body}");

    let (status, body) = post_raw(&app, "sign_in", b"username=root".to_vec()).await;
    assert_eq!(status, 400, "{body}");
    assert!(message(&body).contains("password"), "{body}");

    // A signed-in function too, and a well-formed request still reaches the function.
    let form = [
        ("username", "root"),
        ("password", "longenough1"),
        ("password_confirm", "longenough1"),
    ];
    let (status, _, body) = call(&app, "create_first_admin", &form).await;
    assert!(status < 400, "{status} {body}");
    let (status, body) = post_raw(&app, "create_organization", b"name=Acme".to_vec()).await;
    assert_eq!(status, 400, "{body}");
    assert!(message(&body).contains("description"), "{body}");
    let (status, body) = post_raw(
        &app,
        "create_organization",
        b"name=Acme&description=".to_vec(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
}
