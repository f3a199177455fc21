//! Membership reads, one request at a time: member pages of the big organization, the
//! organization list with featured members, and the organizations of a user in 1,000 of them,
//! unchanged and changed before every read.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::report;
use crate::seed::Fixture;

pub async fn run(
    client: &reqwest::Client,
    base: &str,
    token: &str,
    fixture: &Fixture,
    members: usize,
) {
    // Membership lookups, one request at a time: the first page (what the console opens),
    // then pages spread over the whole organization (OFFSET grows with the page number).
    let pages = (members / 20).max(1);
    for (label, spread) in [("first page", false), ("random pages", true)] {
        let mut latencies = Vec::new();
        for i in 0..600 {
            let page = if spread { 1 + (i * 7919) % pages } else { 1 };
            let url = format!(
                "{base}/api/organizations/{}/users?page={page}&page_size=20",
                fixture.big_org
            );
            let (elapsed, body) = timed_get(client, &url, token).await;
            latencies.push(elapsed);
            assert_eq!(body.as_array().unwrap().len(), 20.min(members));
        }
        report(
            &format!("GET /api/organizations/:id/users, {label} of 20 ({members} members)"),
            &mut latencies[100..].to_vec(),
        );
    }

    // The console's organization list: member counts and three members of each organization
    // on the page, the 100,000-member one among them.
    let mut latencies = Vec::new();
    for _ in 0..200 {
        let url = format!("{base}/api/organizations?showFeatured=true&page_size=20");
        let (elapsed, body) = timed_get(client, &url, token).await;
        latencies.push(elapsed);
        let big = body
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == fixture.big_org.as_str())
            .expect("the big organization is on the first page");
        assert_eq!(big["usersCount"], members);
        assert_eq!(
            big["featuredUsers"].as_array().unwrap().len(),
            3.min(members)
        );
    }
    report(
        &format!(
            "GET /api/organizations?showFeatured=true (page of 20, one with {members} members)"
        ),
        &mut latencies[50..].to_vec(),
    );

    let mut latencies = Vec::new();
    for _ in 0..300 {
        let url = format!("{base}/api/users/{}/organizations", fixture.busy_user);
        let (elapsed, body) = timed_get(client, &url, token).await;
        latencies.push(elapsed);
        assert_eq!(body.as_array().unwrap().len(), 1_000);
    }
    report(
        "GET /api/users/:id/organizations (user in 1,000 organizations, unchanged)",
        &mut latencies[50..].to_vec(),
    );
    // Each read after an edit of one of the user's organizations: the list is built again.
    let mut latencies = Vec::new();
    for i in 0..100 {
        let edit = client
            .patch(format!("{base}/api/organizations/{}", fixture.busy_org))
            .bearer_auth(token)
            .json(&serde_json::json!({ "description": format!("edit {i}") }))
            .send()
            .await
            .unwrap();
        assert_eq!(edit.status(), 200);
        let url = format!("{base}/api/users/{}/organizations", fixture.busy_user);
        let (elapsed, body) = timed_get(client, &url, token).await;
        latencies.push(elapsed);
        let edited = body
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == fixture.busy_org.as_str())
            .unwrap();
        assert_eq!(edited["description"], format!("edit {i}"));
    }
    report(
        "GET /api/users/:id/organizations (user in 1,000 organizations, changed before each read)",
        &mut latencies[10..].to_vec(),
    );
}

/// A GET answered 200: the time to the last byte of the body, and the body parsed afterwards
/// (parsing is the client's business, not the server's latency).
async fn timed_get(client: &reqwest::Client, url: &str, token: &str) -> (Duration, Value) {
    let t = Instant::now();
    let res = client.get(url).bearer_auth(token).send().await.unwrap();
    assert_eq!(res.status(), 200, "GET {url}");
    let bytes = res.bytes().await.unwrap();
    let elapsed = t.elapsed();
    (elapsed, serde_json::from_slice(&bytes).unwrap())
}
