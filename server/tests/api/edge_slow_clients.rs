//! Slow clients are cut off at the server's edge, whatever the route: headers that never end,
//! HTTP/2 connections that go quiet, and request bodies that stall or trickle.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_with};

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
