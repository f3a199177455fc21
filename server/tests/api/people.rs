//! Helpers for end-user flows: an app for people, a user, PKCE, and a browser walking through
//! `/oidc/auth`, the hosted sign-in form and the redirect back with a code.

use reqwest::{Client, Method, Response};
use serde_json::{Value, json};

use crate::helpers::{TestApp, read};

pub const REDIRECT: &str = "https://app.example.com/callback";
pub const LOGOUT_REDIRECT: &str = "https://app.example.com/signed-out";
pub const PASSWORD: &str = "correct horse battery";
/// A PKCE verifier (RFC 7636 appendix B) and its S256 challenge.
pub const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
pub const CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
pub const ORG_SCOPES: &str = "openid offline_access profile email urn:logto:scope:organizations urn:logto:scope:organization_roles";

/// A fresh browser: its own cookie jar, redirects not followed.
pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Creates an application of `app_type` with the test redirect URIs; returns (id, secret).
pub async fn create_app(app: &TestApp, app_type: &str, extra: Value) -> (String, Option<String>) {
    let mut body = json!({
        "name": format!("{app_type} app"),
        "type": app_type,
        "oidcClientMetadata": {
            "redirectUris": [REDIRECT],
            "postLogoutRedirectUris": [LOGOUT_REDIRECT],
        },
    });
    if let (Value::Object(b), Value::Object(e)) = (&mut body, extra) {
        b.extend(e);
    }
    let (status, created) = app.api_json(Method::POST, "/applications", &body).await;
    assert_eq!(status, 200, "{created}");
    (
        created["id"].as_str().unwrap().to_string(),
        created["secret"].as_str().map(str::to_string),
    )
}

pub async fn create_user(app: &TestApp, username: &str) -> String {
    let (status, user) = app
        .api_json(
            Method::POST,
            "/users",
            &json!({ "username": username, "password": PASSWORD, "primaryEmail": format!("{username}@example.com") }),
        )
        .await;
    assert_eq!(status, 200, "{user}");
    user["id"].as_str().unwrap().to_string()
}

/// `GET /oidc/auth` with the usual parameters plus `extra`.
pub async fn authorize(
    app: &TestApp,
    browser: &Client,
    client_id: &str,
    scope: &str,
    extra: &[(&str, &str)],
) -> Response {
    let mut query: Vec<(&str, &str)> = vec![
        ("client_id", client_id),
        ("redirect_uri", REDIRECT),
        ("response_type", "code"),
        ("scope", scope),
        ("state", "st4te"),
        ("nonce", "n0nce"),
        ("code_challenge", CHALLENGE),
        ("code_challenge_method", "S256"),
    ];
    for (k, v) in extra {
        query.retain(|(q, _)| q != k);
        if !v.is_empty() {
            query.push((k, v));
        }
    }
    browser
        .get(app.url("/oidc/auth"))
        .query(&query)
        .send()
        .await
        .unwrap()
}

pub fn location(res: &Response) -> String {
    res.headers()["location"].to_str().unwrap().to_string()
}

/// The query parameter `name` of a redirect URL.
pub fn param(url: &str, name: &str) -> Option<String> {
    url::Url::parse(url)
        .ok()?
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// Posts a hosted form as the browser would (same origin).
pub async fn post_form(
    app: &TestApp,
    browser: &Client,
    path: &str,
    form: &[(&str, &str)],
) -> Response {
    browser
        .post(app.url(path))
        .header("origin", &app.address)
        .form(form)
        .send()
        .await
        .unwrap()
}

/// Authorize, sign in with `username`, and return the code from the redirect.
pub async fn sign_in_for_code(
    app: &TestApp,
    browser: &Client,
    client_id: &str,
    username: &str,
    scope: &str,
    extra: &[(&str, &str)],
) -> String {
    let res = authorize(app, browser, client_id, scope, extra).await;
    assert_eq!(res.status(), 303);
    let to = location(&res);
    if to.starts_with(REDIRECT) {
        return param(&to, "code").expect("code");
    }
    assert_eq!(to, "/sign-in");
    let res = post_form(
        app,
        browser,
        "/oidc/interaction/sign-in",
        &[("identifier", username), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(res.status(), 303);
    let to = location(&res);
    assert!(to.starts_with(REDIRECT), "{to}");
    assert_eq!(param(&to, "state").as_deref(), Some("st4te"));
    assert_eq!(
        param(&to, "iss").as_deref(),
        Some(app.state.issuer.as_ref())
    );
    param(&to, "code").expect("code")
}

/// Exchanges a code as a public client.
pub async fn exchange(
    app: &TestApp,
    client_id: &str,
    code: &str,
    extra: &[(&str, &str)],
) -> (u16, Value) {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", REDIRECT),
        ("code_verifier", VERIFIER),
        ("client_id", client_id),
    ];
    for (k, v) in extra {
        form.retain(|(q, _)| q != k);
        if !v.is_empty() {
            form.push((k, v));
        }
    }
    read(app.post_token(None, &form).await).await
}

pub async fn refresh(
    app: &TestApp,
    client_id: &str,
    token: &str,
    extra: &[(&str, &str)],
) -> (u16, Value) {
    let mut form = vec![
        ("grant_type", "refresh_token"),
        ("refresh_token", token),
        ("client_id", client_id),
    ];
    form.extend_from_slice(extra);
    read(app.post_token(None, &form).await).await
}

/// Verifies an ID token against the JWKS (ES256, `typ: JWT`, issuer, audience = client).
pub async fn verify_id_token(app: &TestApp, token: &str, client_id: &str) -> Value {
    use jsonwebtoken::{Algorithm, DecodingKey, Validation};
    let header = jsonwebtoken::decode_header(token).unwrap();
    assert_eq!(header.alg, Algorithm::ES256);
    assert_eq!(header.typ.as_deref(), Some("JWT"));
    let (_, jwks) = read(app.get("/oidc/jwks").await).await;
    let jwk = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == header.kid.as_deref().unwrap())
        .unwrap()
        .clone();
    let key =
        DecodingKey::from_ec_components(jwk["x"].as_str().unwrap(), jwk["y"].as_str().unwrap())
            .unwrap();
    let mut validation = Validation::new(Algorithm::ES256);
    validation.set_audience(&[client_id]);
    validation.set_issuer(&[app.state.issuer.as_ref()]);
    jsonwebtoken::decode::<Value>(token, &key, &validation)
        .unwrap()
        .claims
}
