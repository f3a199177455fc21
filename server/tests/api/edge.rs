//! What the server does at its edge, whatever the route: slow clients are cut off, HTML pages
//! carry a script policy, and the client's address comes from forwarding headers only when a
//! trusted proxy sent them.

use std::time::{Duration, Instant};

use reqwest::Response;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_with};
use crate::people::*;

/// Generous against a 300 ms limit, far below "never".
const BOUND: Duration = Duration::from_secs(5);

async fn connect(app: &TestApp) -> TcpStream {
    let addr = app.address.trim_start_matches("http://");
    TcpStream::connect(addr).await.unwrap()
}

/// Reads until the server closes the connection and returns what it sent; fails when the
/// connection is still open after `BOUND`.
async fn until_closed(stream: &mut TcpStream, what: &str) -> String {
    let started = Instant::now();
    let mut received = Vec::new();
    let read = tokio::time::timeout(BOUND, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    assert!(
        read.is_ok(),
        "{what}: connection still open after {:?}",
        started.elapsed()
    );
    String::from_utf8_lossy(&received).into_owned()
}

both_backends!(closes_connections_with_slow_headers, slow_headers_impl);
async fn slow_headers_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.server.header_read_timeout_ms = 300).await else {
        return;
    };
    let partial: [(&str, &[u8]); 3] = [
        ("nothing sent", b""),
        (
            "half a request",
            b"GET /oidc/jwks HTTP/1.1\r\nHost: localhost\r\nAccept: ",
        ),
        ("half an HTTP/2 preface", b"PRI * HTTP/2.0\r\n"),
    ];
    let mut streams = Vec::new();
    for (what, bytes) in partial {
        let mut stream = connect(&app).await;
        stream.write_all(bytes).await.unwrap();
        streams.push((what, stream));
    }
    for (what, mut stream) in streams {
        let answer = until_closed(&mut stream, what).await;
        assert!(!answer.starts_with("HTTP/1.1 200"), "{what}: {answer}");
    }

    // Prompt clients are served as before, on HTTP/1.1 and HTTP/2.
    let res = app.get("/oidc/jwks").await;
    assert_eq!(res.status(), 200);
    let mut stream = connect(&app).await;
    stream
        .write_all(b"GET /oidc/jwks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let answer = until_closed(&mut stream, "a whole request").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let h2 = reqwest::Client::builder()
        .http2_prior_knowledge()
        .build()
        .unwrap();
    let res = h2.get(app.url("/oidc/jwks")).send().await.unwrap();
    assert_eq!(
        (res.status().as_u16(), res.version()),
        (200, reqwest::Version::HTTP_2)
    );
}

/// An HTTP/2 frame: 24-bit length, type, flags, stream id, payload.
fn h2_frame(kind: u8, flags: u8, stream: u32, payload: &[u8]) -> Vec<u8> {
    let len = u32::try_from(payload.len()).unwrap().to_be_bytes();
    let mut frame = vec![len[1], len[2], len[3], kind, flags];
    frame.extend_from_slice(&stream.to_be_bytes());
    frame.extend_from_slice(payload);
    frame
}

/// The preface, empty settings and one complete `GET /oidc/jwks` on stream 1, then `rest`.
fn h2_request_then(authority: &str, rest: &[u8]) -> Vec<u8> {
    // HPACK: :method GET, :scheme http (static table), :path and :authority as literals.
    let mut block = vec![0x82, 0x86, 0x04, 10];
    block.extend_from_slice(b"/oidc/jwks");
    block.extend_from_slice(&[0x01, u8::try_from(authority.len()).unwrap()]);
    block.extend_from_slice(authority.as_bytes());
    let mut bytes = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".to_vec();
    bytes.extend(h2_frame(4, 0, 0, b""));
    bytes.extend(h2_frame(1, 0x5, 1, &block));
    bytes.extend_from_slice(rest);
    bytes
}

both_backends!(closes_quiet_http2_connections, quiet_http2_impl);
/// An HTTP/2 connection that made a request and then goes quiet, or stops in the middle of a
/// header block, is closed: hyper alone would keep it open for ever.
async fn quiet_http2_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.server.header_read_timeout_ms = 300;
        s.server.body_read_timeout_ms = 300;
    })
    .await
    else {
        return;
    };
    let authority = app.address.trim_start_matches("http://").to_string();
    // HEADERS for stream 3 without END_HEADERS: the block never ends.
    let unfinished = h2_frame(1, 0x1, 3, &[0x82, 0x86]);
    for (what, rest) in [
        ("quiet after a request", &[][..]),
        ("headers never ended", &unfinished[..]),
    ] {
        let mut stream = connect(&app).await;
        stream
            .write_all(&h2_request_then(&authority, rest))
            .await
            .unwrap();
        let answer = until_closed(&mut stream, what).await;
        assert!(!answer.is_empty(), "{what}: the request was answered first");
    }

    // PINGs are not requests: a client that only pings after its request is closed too.
    let mut stream = connect(&app).await;
    stream
        .write_all(&h2_request_then(&authority, &[]))
        .await
        .unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let pinger = tokio::spawn(async move {
        for n in 0u64..100 {
            let ping = h2_frame(6, 0, 0, &n.to_be_bytes());
            if writer.write_all(&ping).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    });
    let closed = tokio::time::timeout(BOUND, async {
        let mut buf = [0u8; 4096];
        while !matches!(reader.read(&mut buf).await, Ok(0) | Err(_)) {}
    })
    .await;
    pinger.abort();
    assert!(closed.is_ok(), "a connection kept open by PINGs");
}

const TOKEN_REQUEST: &[u8] = b"POST /oidc/token HTTP/1.1\r\nHost: localhost\r\n\
    Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n";

both_backends!(answers_stalled_bodies_with_408, stalled_bodies_impl);
async fn stalled_bodies_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.server.body_read_timeout_ms = 300).await else {
        return;
    };
    // Ten bytes of a hundred, then nothing.
    let mut stream = connect(&app).await;
    stream.write_all(TOKEN_REQUEST).await.unwrap();
    stream.write_all(b"grant_type").await.unwrap();
    let answer = until_closed(&mut stream, "stalled body").await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");

    // A trickle that never stops for long still has to end in time.
    let stream = connect(&app).await;
    let (mut reader, mut writer) = stream.into_split();
    writer.write_all(TOKEN_REQUEST).await.unwrap();
    let trickle = tokio::spawn(async move {
        for _ in 0..100 {
            if writer.write_all(b"a").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let mut answer = String::new();
    let read = tokio::time::timeout(BOUND, reader.read_to_string(&mut answer)).await;
    assert!(read.is_ok(), "trickled body: connection still open");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    trickle.abort();

    // A body sent in two parts within the limit is read as usual.
    let mut stream = connect(&app).await;
    stream.write_all(TOKEN_REQUEST).await.unwrap();
    stream.write_all(&[b'a'; 50]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    stream.write_all(&[b'a'; 50]).await.unwrap();
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.unwrap();
    assert_eq!(&head, b"HTTP/1.1 400");
}

/// The nonce the policy allows, checking the rest of the policy on the way.
fn policy_nonce(res: &Response, path: &str) -> String {
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "'wasm-unsafe-eval'",
    ] {
        assert!(policy.contains(directive), "{path}: {policy}");
    }
    assert!(
        !policy.contains("'unsafe-inline' 'unsafe-eval'"),
        "{policy}"
    );
    let script_src = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))
        .unwrap();
    assert!(!script_src.contains("unsafe-inline"), "{script_src}");
    let start = script_src.find("'nonce-").unwrap() + "'nonce-".len();
    let nonce = &script_src[start..];
    nonce[..nonce.find('\'').unwrap()].to_string()
}

/// Every `<script` tag of the page carries `nonce`.
fn assert_scripts_carry(html: &str, nonce: &str, path: &str) {
    let tags: Vec<&str> = html
        .match_indices("<script")
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()])
        .collect();
    assert!(!tags.is_empty(), "{path}: no scripts");
    for tag in tags {
        assert!(tag.contains(&format!("nonce=\"{nonce}\"")), "{path}: {tag}");
    }
}

async fn page_nonce(res: Response, path: &str) -> String {
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html"),
        "{path}"
    );
    assert!(
        res.headers()["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"),
        "{path}"
    );
    assert!(res.headers().get("strict-transport-security").is_none());
    let nonce = policy_nonce(&res, path);
    assert!(nonce.len() >= 16, "{nonce}");
    let html = res.text().await.unwrap();
    assert_scripts_carry(&html, &nonce, path);
    nonce
}

both_backends!(html_pages_carry_a_script_policy, script_policy_impl);
async fn script_policy_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |_| {}).await else {
        return;
    };
    // The console (first run), twice: a fresh nonce each time.
    let first = page_nonce(app.get("/console/setup").await, "/console/setup").await;
    let res = app.get("/console/setup").await;
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("form-action 'self'"), "{policy}");
    let second = page_nonce(res, "/console/setup").await;
    assert_ne!(first, second);
    // A page no route matches.
    page_nonce(app.get("/no-such-page").await, "/no-such-page").await;

    // The hosted sign-in page: its form ends in a redirect to the client, so no form-action.
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    let b = browser();
    let res = authorize(&app, &b, &client_id, "openid", &[]).await;
    assert_eq!(location(&res), "/sign-in");
    let res = b.get(app.url("/sign-in")).send().await.unwrap();
    let policy = res.headers()["content-security-policy"].to_str().unwrap();
    assert!(!policy.contains("form-action"), "{policy}");
    page_nonce(res, "/sign-in").await;

    // JSON needs no page policy.
    let res = app.get("/oidc/jwks").await;
    assert!(res.headers().get("content-security-policy").is_none());
    assert!(res.headers().get("strict-transport-security").is_none());
}

both_backends!(https_deployments_send_hsts, hsts_impl);
async fn hsts_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.server.public_url = Some("https://id.example.com".into());
    })
    .await
    else {
        return;
    };
    for path in ["/oidc/jwks", "/console/setup"] {
        let res = app.get(path).await;
        assert_eq!(
            res.headers()["strict-transport-security"],
            "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
}

/// One hosted sign-in attempt, sent through a proxy that says the client is `forwarded_for`.
async fn attempt(
    app: &TestApp,
    browser: &reqwest::Client,
    header: &str,
    forwarded_for: &str,
    identifier: &str,
    password: &str,
) -> String {
    let res = browser
        .post(app.url("/oidc/interaction/sign-in"))
        .header("origin", &app.address)
        .header(header, forwarded_for)
        .form(&[("identifier", identifier), ("password", password)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    location(&res)
}

async fn told_to_wait(app: &TestApp, browser: &reqwest::Client) -> bool {
    let page = browser.get(app.url("/sign-in")).send().await.unwrap();
    page.text().await.unwrap().contains("Too many attempts")
}

/// A sign-in app, user `bob`, and a browser with a pending interaction.
async fn sign_in_page(app: &TestApp) -> reqwest::Client {
    let (client_id, _) = create_app(app, "SPA", json!({})).await;
    create_user(app, "bob").await;
    let b = browser();
    authorize(app, &b, &client_id, "openid", &[]).await;
    b
}

both_backends!(limits_clients_behind_a_trusted_proxy, trusted_proxy_impl);
async fn trusted_proxy_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.oidc.sign_in_per_ip_per_minute = 2;
        s.oidc.sign_in_per_account_per_minute = 100;
        s.server.trusted_proxies =
            server::http::client_ip::TrustedProxies::parse("127.0.0.1/32").unwrap();
    })
    .await
    else {
        return;
    };
    let b = sign_in_page(&app).await;
    let xff = "x-forwarded-for";
    for who in ["eve", "mallory"] {
        assert_eq!(
            attempt(&app, &b, xff, "203.0.113.1", who, "wrong").await,
            "/sign-in"
        );
    }
    // The client at .1 is out of attempts, even naming another address to the proxy (which
    // appends the one it saw).
    let to = attempt(&app, &b, xff, "203.0.113.2, 203.0.113.1", "bob", PASSWORD).await;
    assert_eq!(to, "/sign-in");
    assert!(told_to_wait(&app, &b).await);
    // Another client behind the same proxy has its own budget; RFC 7239 works too.
    let to = attempt(
        &app,
        &b,
        "forwarded",
        "for=\"[2001:db8::7]:4711\"",
        "bob",
        PASSWORD,
    )
    .await;
    assert!(to.starts_with(REDIRECT), "{to}");
}

both_backends!(ignores_forwarding_headers_from_clients, untrusted_impl);
async fn untrusted_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.oidc.sign_in_per_ip_per_minute = 2;
        s.oidc.sign_in_per_account_per_minute = 100;
    })
    .await
    else {
        return;
    };
    let b = sign_in_page(&app).await;
    attempt(&app, &b, "x-forwarded-for", "203.0.113.1", "eve", "wrong").await;
    attempt(&app, &b, "forwarded", "for=203.0.113.2", "mallory", "wrong").await;
    let to = attempt(&app, &b, "x-forwarded-for", "203.0.113.3", "bob", PASSWORD).await;
    assert_eq!(to, "/sign-in");
    assert!(told_to_wait(&app, &b).await);
}
