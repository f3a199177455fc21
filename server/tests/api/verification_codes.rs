//! `POST /api/verification-codes` and `/verify` with Logto's rules (next-features §2.1): codes
//! mailed through the outbox (read from its file, as the checks do) or a real SMTP
//! server, replaced on resend, expiring after 600 s, 10 guesses, 10 sends per 600 s per address,
//! and 501 without a transport.

use std::path::Path;
use std::time::Duration;

use reqwest::Method;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app_pinned_with, spawn_app_with};

/// The newest outbox record for `to`, waiting for the background sender (up to 5 s).
pub async fn newest_mail(dir: &Path, to: &str) -> Value {
    for _ in 0..100 {
        if let Ok(text) = std::fs::read_to_string(dir.join("outbox.jsonl")) {
            let found = text
                .lines()
                .rev()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .find(|m| m["to"] == to);
            if let Some(m) = found {
                return m;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no mail to {to} in {}", dir.display());
}

async fn send(app: &TestApp, email: &str) -> (u16, Value) {
    app.api_json(
        Method::POST,
        "/verification-codes",
        &json!({ "email": email }),
    )
    .await
}

async fn check(app: &TestApp, email: &str, code: &str) -> (u16, String) {
    let (status, body) = app
        .api_json(
            Method::POST,
            "/verification-codes/verify",
            &json!({ "email": email, "verificationCode": code }),
        )
        .await;
    (
        status,
        body["code"].as_str().unwrap_or_default().to_string(),
    )
}

/// Sends a code and reads it back from the outbox (waiting for a new message).
async fn code_for(app: &TestApp, dir: &Path, email: &str) -> String {
    let before = std::fs::read_to_string(dir.join("outbox.jsonl"))
        .map(|t| t.lines().count())
        .unwrap_or(0);
    let (status, body) = send(app, email).await;
    assert_eq!(status, 204, "{body}");
    for _ in 0..100 {
        let lines = std::fs::read_to_string(dir.join("outbox.jsonl"))
            .map(|t| t.lines().count())
            .unwrap_or(0);
        if lines > before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mail = newest_mail(dir, &email.to_lowercase()).await;
    mail["payload"]["code"].as_str().unwrap().to_string()
}

both_backends!(verification_codes_follow_logto_rules, codes_impl);
async fn codes_impl(backend: Backend) {
    let outbox = tempfile::tempdir().unwrap();
    let dir = outbox.path().to_path_buf();
    let Some(app) = spawn_app_pinned_with(backend, |s| {
        s.email.outbox_dir = dir.to_string_lossy().into_owned();
    })
    .await
    else {
        return;
    };

    // The message: to the address in lower case, Generic, the code in both bodies and in a
    // file of its own.
    let code = code_for(&app, &dir, "Pat@Example.com").await;
    let mail = newest_mail(&dir, "pat@example.com").await;
    assert_eq!(mail["templateType"], "Generic");
    assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
    assert!(mail["text"].as_str().unwrap().contains(&code));
    assert!(mail["html"].as_str().unwrap().contains(&code));
    assert!(mail["subject"].as_str().is_some_and(|s| !s.is_empty()));
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, 2, "outbox.jsonl and one file per message");

    // Wrong, then right (any case of the address), then used up.
    assert_eq!(
        check(&app, "pat@example.com", "000000").await.1,
        "verification_code.code_mismatch"
    );
    assert_eq!(
        check(&app, "PAT@example.com", &code).await,
        (204, String::new())
    );
    assert_eq!(
        check(&app, "pat@example.com", &code).await.1,
        "verification_code.not_found"
    );

    // A new code replaces the one before.
    let first = code_for(&app, &dir, "pat@example.com").await;
    let second = code_for(&app, &dir, "pat@example.com").await;
    if first != second {
        assert_eq!(
            check(&app, "pat@example.com", &first).await.1,
            "verification_code.code_mismatch"
        );
    }
    assert_eq!(check(&app, "pat@example.com", &second).await.0, 204);

    // 600 s.
    let code = code_for(&app, &dir, "quinn@example.com").await;
    app.state.clock.advance(600_001);
    assert_eq!(
        check(&app, "quinn@example.com", &code).await.1,
        "verification_code.expired"
    );

    // Ten guesses, then even the right code is refused.
    let code = code_for(&app, &dir, "rae@example.com").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..10 {
        assert_eq!(
            check(&app, "rae@example.com", wrong).await.1,
            "verification_code.code_mismatch"
        );
    }
    assert_eq!(
        check(&app, "rae@example.com", &code).await.1,
        "verification_code.exceed_max_try"
    );

    // Ten sends per 600 s per address.
    for _ in 0..10 {
        assert_eq!(send(&app, "sam@example.com").await.0, 204);
    }
    let (status, body) = send(&app, "SAM@example.com").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (429, Some("request.message_rate_limited"))
    );
    assert_eq!(send(&app, "other@example.com").await.0, 204);
    app.state.clock.advance(600_001);
    assert_eq!(send(&app, "sam@example.com").await.0, 204);

    // No text messages here; bad bodies in Logto's shape.
    let (status, body) = app
        .api_json(
            Method::POST,
            "/verification-codes",
            &json!({ "phone": "+15555550100" }),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (501, Some("connector.not_found"))
    );
    let (status, body) = app
        .api_json(Method::POST, "/verification-codes", &json!({}))
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (400, Some("guard.invalid_input"))
    );
}

both_backends!(verification_codes_need_a_transport, disabled_impl);
async fn disabled_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| s.email.transport = "disabled".into()).await else {
        return;
    };
    let (status, body) = send(&app, "pat@example.com").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (501, Some("connector.not_found"))
    );
}

/// A minimal SMTP server that keeps the messages it is given (the DATA of each).
async fn smtp_sink() -> (u16, tokio::sync::mpsc::Receiver<String>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = tokio::sync::mpsc::channel(8);
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.unwrap();
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(body) = data.as_mut() {
                        if line == "." {
                            tx.send(data.take().unwrap()).await.unwrap();
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        } else {
                            body.push_str(&line);
                            body.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(answer).await.unwrap();
                }
            });
        }
    });
    (port, rx)
}

both_backends!(smtp_delivers_text_and_html, smtp_impl);
async fn smtp_impl(backend: Backend) {
    let (port, mut received) = smtp_sink().await;
    let Some(app) = spawn_app_with(backend, |s| {
        s.email.transport = "smtp".into();
        s.email.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        s.email.from = "Tessera <no-reply@tessera.test>".into();
    })
    .await
    else {
        return;
    };
    assert_eq!(send(&app, "uma@example.com").await.0, 204);
    let message = tokio::time::timeout(Duration::from_secs(10), received.recv())
        .await
        .expect("delivered in time")
        .unwrap();
    assert!(
        message.contains("From: Tessera <no-reply@tessera.test>"),
        "{message}"
    );
    assert!(message.contains("To: uma@example.com"), "{message}");
    assert!(
        message.contains("Subject: Your verification code"),
        "{message}"
    );
    assert!(message.contains("multipart/alternative"), "{message}");
    assert!(message.contains("Content-Type: text/plain"), "{message}");
    assert!(message.contains("Content-Type: text/html"), "{message}");
}
