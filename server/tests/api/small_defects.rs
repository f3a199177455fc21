//! Findings of a security review and a bad-input sweep: sign-out needs the browser's
//! confirmation without an ID token hint, search texts have a length limit, replacing
//! just-in-time settings of an unknown organization is a 404, bodies must be JSON and paths
//! UTF-8.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, read, spawn_app};
use crate::people::{
    LOGOUT_REDIRECT, REDIRECT, authorize, browser, create_app, create_user, exchange, location,
    sign_in_for_code,
};

/// The value of the hidden input `name` in a page.
fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page.find(&marker)? + marker.len();
    let len = page[start..].find('"')?;
    Some(page[start..start + len].to_string())
}

both_backends!(sign_out_asks_without_a_hint, sign_out_confirmation_impl);
async fn sign_out_confirmation_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    create_user(&app, "frank").await;
    create_user(&app, "mallory").await;
    let b = browser();
    sign_in_for_code(&app, &b, &client_id, "frank", "openid", &[]).await;
    let other = browser();
    let code = sign_in_for_code(&app, &other, &client_id, "mallory", "openid", &[]).await;
    let (status, tokens) = exchange(&app, &client_id, &code, &[]).await;
    assert_eq!(status, 200, "{tokens}");
    let someone_elses = tokens["id_token"].as_str().unwrap().to_string();
    let still_signed_in = |res: reqwest::Response| {
        assert_eq!(res.status(), 303);
        let to = location(&res);
        assert!(to.starts_with(REDIRECT), "{to}");
    };

    // A plain link (no hint): a confirmation page, and the session lives on.
    let params = [
        ("client_id", client_id.as_str()),
        ("post_logout_redirect_uri", LOGOUT_REDIRECT),
        ("state", "bye"),
    ];
    let res = b
        .get(app.url("/oidc/session/end"))
        .query(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(res.headers().get("set-cookie").is_none());
    let page = res.text().await.unwrap();
    assert!(
        page.contains("<form method=\"post\" action=\"/oidc/session/end\">"),
        "{page}"
    );
    assert!(page.contains("name=\"logout\" value=\"yes\""), "{page}");
    assert_eq!(
        hidden(&page, "client_id").as_deref(),
        Some(client_id.as_str())
    );
    assert_eq!(
        hidden(&page, "post_logout_redirect_uri").as_deref(),
        Some(LOGOUT_REDIRECT)
    );
    assert_eq!(hidden(&page, "state").as_deref(), Some("bye"));
    assert!(hidden(&page, "xsrf").is_some(), "{page}");
    still_signed_in(authorize(&app, &b, &client_id, "openid", &[]).await);

    // Someone else's ID token is no better than none; the page still names the client.
    let res = b
        .get(app.url("/oidc/session/end"))
        .query(&[
            ("id_token_hint", someone_elses.as_str()),
            ("post_logout_redirect_uri", LOGOUT_REDIRECT),
            ("state", "bye"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert_eq!(
        hidden(&page, "client_id").as_deref(),
        Some(client_id.as_str())
    );
    let xsrf = hidden(&page, "xsrf").expect("xsrf field");
    still_signed_in(authorize(&app, &b, &client_id, "openid", &[]).await);

    // Confirming by GET, or by POST without this browser's token, is not enough.
    let mut confirm: Vec<(&str, &str)> = params.to_vec();
    confirm.push(("logout", "yes"));
    confirm.push(("xsrf", xsrf.as_str()));
    let res = b
        .get(app.url("/oidc/session/end"))
        .query(&confirm)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let mut forged = params.to_vec();
    forged.push(("logout", "yes"));
    forged.push(("xsrf", "guessed"));
    let res = b
        .post(app.url("/oidc/session/end"))
        .form(&forged)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    still_signed_in(authorize(&app, &b, &client_id, "openid", &[]).await);

    // A link on another site is not the client's own page.
    let res = b
        .get(app.url("/oidc/session/end"))
        .header("referer", "https://evil.example.net/page")
        .query(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    still_signed_in(authorize(&app, &b, &client_id, "openid", &[]).await);

    // The form as posted from the page signs out and goes back to the app.
    let res = b
        .post(app.url("/oidc/session/end"))
        .header("origin", &app.address)
        .form(&confirm)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("{LOGOUT_REDIRECT}?state=bye"));
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in");

    // Sent from the client's own pages (as Logto's SDKs do: `client_id`, no ID token), the
    // browser signs out without a detour.
    sign_in_for_code(&app, &b, &client_id, "frank", "openid", &[]).await;
    let res = b
        .get(app.url("/oidc/session/end"))
        .header("referer", "https://app.example.com/")
        .query(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("{LOGOUT_REDIRECT}?state=bye"));
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in");

    // A browser with no session has nothing to confirm: straight back to the app.
    let res = browser()
        .get(app.url("/oidc/session/end"))
        .query(&params)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), format!("{LOGOUT_REDIRECT}?state=bye"));
}

/// Every documented list route that searches, with the names it reads the text from.
async fn search_routes(app: &TestApp) -> Vec<(String, &'static [&'static str])> {
    let org = app.create_org("Acme").await;
    let org = org["id"].as_str().unwrap();
    let resource = app
        .create(
            "/resources",
            json!({ "name": "Docs API", "indicator": "https://docs.example.com" }),
        )
        .await;
    let resource = resource["id"].as_str().unwrap();
    let q: &'static [&'static str] = &["q"];
    let both: &'static [&'static str] = &["q", "search"];
    vec![
        ("/organizations".into(), q),
        (format!("/organizations/{org}/users"), q),
        (format!("/organizations/{org}/applications"), q),
        ("/organization-roles".into(), q),
        ("/organization-scopes".into(), q),
        (format!("/resources/{resource}/scopes"), both),
        ("/roles".into(), both),
        ("/users".into(), both),
        ("/applications".into(), q),
    ]
}

both_backends!(search_text_has_a_limit, search_limit_impl);
async fn search_limit_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    // About the longest text a request line carries (URIs stop at 64 KiB); SQLite refuses
    // `LIKE` patterns past 50,000 bytes.
    let too_long = "a".repeat(60_000);
    let just_over = "é".repeat(257);
    let at_limit = "é".repeat(256);
    for (path, names) in search_routes(&app).await {
        for name in names {
            for text in [&too_long, &just_over] {
                let url = format!("{path}?{}", serde_urlencoded(name, text));
                let (status, body) = app.api_get(&url).await;
                assert_eq!(status, 400, "{path} {name}: {body}");
                assert_eq!(body["code"], "guard.invalid_input", "{path}: {body}");
                assert!(
                    body["details"].as_str().unwrap().contains("256"),
                    "{path}: {body}"
                );
            }
            let url = format!("{path}?{}", serde_urlencoded(name, &at_limit));
            let (status, body) = app.api_get(&url).await;
            assert_eq!(status, 200, "{path} {name}: {body}");
            assert_eq!(body, json!([]), "{path}");
        }
    }
    // The limit is documented with the parameter.
    let (_, doc) = crate::helpers::read(app.get("/api/swagger.json").await).await;
    let described = |path: &str| -> String {
        doc["paths"][path]["get"]["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "q")
            .map(|p| p["description"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    for path in ["/api/organizations", "/api/users", "/api/roles"] {
        assert!(described(path).contains("at most 256"), "{path}");
    }
}

fn serde_urlencoded(name: &str, value: &str) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .append_pair(name, value)
        .finish()
}

both_backends!(jit_replace_needs_the_organization, jit_replace_impl);
async fn jit_replace_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let replacements = [
        ("email-domains", json!({ "emailDomains": [] })),
        ("email-domains", json!({ "emailDomains": ["example.com"] })),
        ("roles", json!({ "organizationRoleIds": [] })),
        ("roles", json!({ "organizationRoleIds": ["nope"] })),
        ("sso-connectors", json!({ "ssoConnectorIds": [] })),
        ("sso-connectors", json!({ "ssoConnectorIds": ["nope"] })),
    ];
    for (relation, body) in &replacements {
        let path = format!("/organizations/unknown/jit/{relation}");
        let (status, error) = app.api_json(Method::PUT, &path, body).await;
        assert_eq!(status, 404, "{path} {body}: {error}");
        assert_eq!(error["code"], "entity.not_exists_with_id", "{path}");
        assert_eq!(
            error["message"],
            "The organizations with ID `unknown` does not exist."
        );
    }
    // The body is judged first, and an existing organization is unchanged.
    let (status, error) = app
        .api_json(
            Method::PUT,
            "/organizations/unknown/jit/roles",
            &json!({ "organizationRoleIds": "x" }),
        )
        .await;
    assert_eq!(status, 400, "{error}");
    let org = app.create_org("Acme").await;
    let org = org["id"].as_str().unwrap();
    for (relation, body) in replacements.iter().step_by(2) {
        let path = format!("/organizations/{org}/jit/{relation}");
        assert_eq!(app.status_of(Method::PUT, &path, body.clone()).await, 204);
    }
    let (status, _): (u16, Value) = app
        .api_json(
            Method::PUT,
            &format!("/organizations/{org}/jit/email-domains"),
            &json!({ "emailDomains": ["example.com"] }),
        )
        .await;
    assert_eq!(status, 204);
}

both_backends!(bodies_and_paths_as_logto_reads_them, bodies_and_paths_impl);
/// A JSON body under another content type is unread by Logto's body parser, so refused; a path
/// segment that is not UTF-8 gets the API's error shape, not the router's plain text.
async fn bodies_and_paths_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Acme").await;
    let org_path = format!("/api/organizations/{}", org["id"].as_str().unwrap());
    let token = app.management_token().await;
    for (method, path) in [
        (Method::POST, "/api/organizations".to_string()),
        (Method::PATCH, org_path.clone()),
    ] {
        let res = app
            .client
            .request(method.clone(), app.url(&path))
            .bearer_auth(&token)
            .header("content-type", "text/plain")
            .body(r#"{"name":"Renamed"}"#)
            .send()
            .await
            .unwrap();
        let (status, body) = read(res).await;
        assert_eq!(status, 400, "{method} {path}: {body}");
        assert_eq!(body["code"], "guard.invalid_input");
    }
    let (_, unchanged) = app.api_get(&org_path["/api".len()..]).await;
    assert_eq!(unchanged["name"], "Acme");
    // The same body as JSON is fine, `+json` types too.
    let res = app
        .client
        .patch(app.url(&org_path))
        .bearer_auth(&token)
        .header(
            "content-type",
            "application/merge-patch+json; charset=utf-8",
        )
        .body(r#"{"name":"Renamed"}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let res = app
        .client
        .get(app.url("/api/organizations/%ff"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let (status, body) = read(res).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["code"], "guard.invalid_input");
}
