//! `GET /metrics`: Prometheus counts of requests by route pattern, tokens by grant, sign-ins by
//! outcome and the database pool; closed with a bearer token or turned off by settings.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, spawn_app, spawn_app_with};
use crate::people::*;

async fn scrape(app: &TestApp) -> String {
    let res = app.get("/metrics").await;
    assert_eq!(res.status(), 200);
    let kind = res.headers()["content-type"].to_str().unwrap().to_string();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    res.text().await.unwrap()
}

/// The value of the sample whose name and labels are exactly `series`.
fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

both_backends!(counts_what_happened, counts_what_happened_impl);
async fn counts_what_happened_impl(backend: Backend) {
    let Some(app) = spawn_app(backend).await else {
        return;
    };
    let org = app.create_org("Metrics").await;
    let id = org["id"].as_str().unwrap();
    for _ in 0..3 {
        let (status, _) = app.api_get(&format!("/organizations/{id}")).await;
        assert_eq!(status, 200);
    }
    let (status, _) = app.api_get("/organizations/nope").await;
    assert_eq!(status, 404);

    // One failed and one successful hosted sign-in.
    let (client_id, _) = create_app(&app, "SPA", json!({})).await;
    create_user(&app, "alice").await;
    let browser = browser();
    authorize(&app, &browser, &client_id, "openid", &[]).await;
    let res = post_form(
        &app,
        &browser,
        "/oidc/interaction/sign-in",
        &[("identifier", "alice"), ("password", "wrong password")],
    )
    .await;
    assert_eq!(location(&res), "/sign-in");
    sign_in_for_code(&app, &browser, &client_id, "alice", "openid", &[]).await;

    let text = scrape(&app).await;
    // Ids never become labels: three reads of one organization are one series.
    assert_eq!(
        sample(
            &text,
            r#"tessera_http_requests_total{method="GET",route="/api/organizations/{id}",status="200"}"#
        ),
        Some(3.0),
        "{text}"
    );
    assert_eq!(
        sample(
            &text,
            r#"tessera_http_requests_total{method="GET",route="/api/organizations/{id}",status="404"}"#
        ),
        Some(1.0)
    );
    assert!(!text.contains(id), "an id leaked into a label");
    assert!(
        sample(
            &text,
            r#"tessera_http_request_duration_seconds_count{method="GET",route="/api/organizations/{id}"}"#
        ) == Some(4.0)
    );
    // The management token the helpers fetched.
    assert!(
        sample(
            &text,
            r#"tessera_tokens_issued_total{grant_type="client_credentials"}"#
        )
        .is_some_and(|n| n >= 1.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"tessera_sign_ins_total{surface="hosted",outcome="failure"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &text,
            r#"tessera_sign_ins_total{surface="hosted",outcome="success"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(&text, r#"tessera_db_pool_connections{state="max"}"#),
        Some(5.0)
    );
    assert!(text.trim_end().ends_with("# EOF"));

    // What no route took is counted without its path.
    let res = app.get("/no/such/page/12345").await;
    assert_eq!(res.status(), 404);
    let text = scrape(&app).await;
    assert!(!text.contains("12345"));
    assert!(text.contains(r#"route="unmatched""#));
}

both_backends!(closed_or_turned_off, closed_or_turned_off_impl);
async fn closed_or_turned_off_impl(backend: Backend) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.metrics.bearer_token = Some("scrape-secret".into());
    })
    .await
    else {
        return;
    };
    let res = app.get("/metrics").await;
    assert_eq!(res.status(), 401);
    let res = app
        .client
        .get(app.url("/metrics"))
        .header("authorization", "Bearer wrong")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let res = app
        .client
        .get(app.url("/metrics"))
        .header("authorization", "Bearer scrape-secret")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let off = app
        .replica_with(|s| {
            s.metrics.enabled = false;
        })
        .await;
    assert_eq!(off.get("/metrics").await.status(), 404);
}
