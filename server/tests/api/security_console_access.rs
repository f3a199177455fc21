//! Security tests of the console ports' front door: a signed-in admin is required, the CSRF
//! layer cannot be bypassed, and malformed arguments (NUL characters, bad encodings) are
//! refused without a server error.

use reqwest::Method;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};
use crate::security_fixtures::{call, call_owned, declared_endpoints, port_calls, sign_in, sweep};

// The list of port calls the security tests make covers every server function the console
// declares (a new one cannot skip the admin check unnoticed).
#[test]
fn port_calls_cover_every_server_function() {
    let called: std::collections::BTreeSet<&str> =
        port_calls("x", "y").into_iter().map(|(e, _)| e).collect();
    // Sign-in, first-run and the hosted pages' views (the pending sign-in, an invitation its
    // link opens) work without an admin, by design.
    let open = [
        "console_status",
        "create_first_admin",
        "sign_in",
        "sign_out",
        "view",
        "invitation",
    ];
    let missing: Vec<String> = declared_endpoints()
        .into_iter()
        .filter(|e| !open.contains(&e.as_str()) && !called.contains(e.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in port_calls: {missing:?}");
}

// Every port refuses a request without a signed-in admin, before reading or writing.
both_backends!(console_ports_need_an_admin, ports_need_admin_impl);
async fn ports_need_admin_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    for (endpoint, form) in port_calls(&org, &org) {
        let (status, body) = call_owned(&app, endpoint, &form).await;
        assert_eq!(status, 401, "{endpoint}: {body}");
    }
    // After signing in and out, again nothing.
    sign_in(&app).await;
    let (status, body) = call(&app, "sign_out", &[]).await;
    assert!(status < 400, "{status} {body}");
    for (endpoint, form) in port_calls(&org, &org) {
        let (status, body) = call_owned(&app, endpoint, &form).await;
        assert_eq!(status, 401, "after sign-out {endpoint}: {body}");
    }
    let (status, _) = app.api_get(&format!("/organizations/{org}")).await;
    assert_eq!(status, 200, "the organization is still there");
    let (_, apps) = app.api_get("/applications").await;
    assert_eq!(
        apps.as_array().unwrap().len(),
        1,
        "only the bootstrap app: {apps}"
    );
}

// No way around the CSRF layer for a signed-in admin: GET, other sites, sibling sites.
both_backends!(console_csrf_holds, csrf_impl);
async fn csrf_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    for method in [
        Method::GET,
        Method::HEAD,
        Method::OPTIONS,
        Method::PUT,
        Method::DELETE,
    ] {
        let res = app
            .client
            .request(
                method.clone(),
                app.url(&format!("/console/fn/delete_organization?id={org}")),
            )
            .send()
            .await
            .unwrap();
        assert!(!res.status().is_success(), "{method}: {}", res.status());
    }
    for (name, value) in [
        ("origin", "http://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "cross-site"),
        ("sec-fetch-site", "same-site"),
    ] {
        let res = app
            .client
            .post(app.url("/console/fn/delete_organization"))
            .header(name, value)
            .form(&[("id", org.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "{name}: {value}");
    }
    // Other encodings a cross-site form could send (text/plain, multipart) decode to nothing.
    let res = app
        .client
        .post(app.url("/console/fn/delete_organization"))
        .header("sec-fetch-site", "cross-site")
        .header("content-type", "text/plain")
        .body(format!("id={org}"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    let (status, _) = app.api_get(&format!("/organizations/{org}")).await;
    assert_eq!(status, 200, "the organization is still there");
}

// NUL characters and oversized text in every argument: refused, never a 500.
both_backends!(console_nul_arguments_are_refused, nul_impl);
async fn nul_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    sign_in(&app).await;
    let org = app.create_org("Acme").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut failures = sweep(&app, &[("a\0b", "c\0d"), (&org, "c\0d"), ("a\0b", &org)]).await;
    // Text that is not UTF-8, and arguments of the wrong shape: the client's mistake (400).
    for body in [
        "id=%FF",
        "id=%C3%28",
        "id[0]=a",
        "id=a&id=b",
        "id[x][y]=1",
        "",
    ] {
        let res = app
            .client
            .post(app.url("/console/fn/delete_organization"))
            .header("origin", app.address.clone())
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = res.status().as_u16();
        if status >= 500 {
            failures.push(format!("delete_organization body {body:?}: {status}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
