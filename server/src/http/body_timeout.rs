//! A deadline on receiving a request body. Without one, a client that announces a body and then
//! sends it a byte at a time holds its connection and handler as long as it likes. A deadline
//! on the whole body, not on each read, so a trickle does not reset it.
//!
//! Whatever the handler makes of the failed read (a 400 from an extractor, a 500 from a server
//! function), the client is answered 408 and an HTTP/1 connection is closed: its unread body
//! cannot be skipped.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::BoxError;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, Version, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use pin_project_lite::pin_project;
use tokio::time::{Sleep, sleep};

/// Middleware: `limit` is how long the client has to send the body once the server waits for it.
pub async fn limit_body_time(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    if req.body().is_end_stream() {
        return next.run(req).await;
    }
    let expired = Arc::new(AtomicBool::new(false));
    let http1 = req.version() <= Version::HTTP_11;
    let req = req.map(|body| {
        Body::new(DeadlineBody {
            inner: body,
            deadline: None,
            limit,
            expired: expired.clone(),
        })
    });
    let res = next.run(req).await;
    if !expired.load(Ordering::Relaxed) {
        return res;
    }
    let mut res = (
        StatusCode::REQUEST_TIMEOUT,
        "The request body was not received in time.",
    )
        .into_response();
    if http1 {
        res.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    res
}

#[derive(Debug)]
struct BodyTimedOut;

impl std::fmt::Display for BodyTimedOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("request body not received in time")
    }
}

impl std::error::Error for BodyTimedOut {}

pin_project! {
    struct DeadlineBody<B> {
        #[pin]
        inner: B,
        // Set the first time the body has to wait for the client.
        #[pin]
        deadline: Option<Sleep>,
        limit: Duration,
        expired: Arc<AtomicBool>,
    }
}

impl<B> HttpBody for DeadlineBody<B>
where
    B: HttpBody<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        let mut this = self.project();
        // Data already received is delivered even after the deadline.
        if let Poll::Ready(frame) = this.inner.poll_frame(cx) {
            return Poll::Ready(frame.map(|f| f.map_err(Into::into)));
        }
        if this.deadline.is_none() {
            this.deadline.set(Some(sleep(*this.limit)));
        }
        match this.deadline.as_pin_mut().map(|d| d.poll(cx)) {
            Some(Poll::Ready(())) => {
                this.expired.store(true, Ordering::Relaxed);
                Poll::Ready(Some(Err(BodyTimedOut.into())))
            }
            _ => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
