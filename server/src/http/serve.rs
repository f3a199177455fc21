//! The accept loop: HTTP/1.1 and HTTP/2 over plain TCP (hyper-util), the peer's address in each
//! request's extensions (`ConnectInfo`), limits on slow and quiet clients, and graceful
//! shutdown.
//!
//! hyper's header read timeout covers HTTP/1 requests once a connection speaks HTTP/1, but not
//! the bytes read to tell HTTP/1 from HTTP/2, nor HTTP/2 at all. So a connection must also
//! deliver its first request within that time, and any connection that carries no request for
//! that long (PINGs do not count) is asked to finish (HTTP/2 `GOAWAY`; requests in progress
//! complete) and closed once it has, or after the drain time at the latest: an idle HTTP/2
//! connection cannot hold a file descriptor for ever.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tower::ServiceExt;

use super::idle::Activity;

/// How long a connection may carry no request, and how long a connection asked to finish may
/// take to do so.
#[derive(Clone, Copy)]
pub struct ConnectionLimits {
    /// Also the time to send a request's headers, and the first request.
    pub quiet: Duration,
    pub drain: Duration,
}

/// Serves `router` until `shutdown` completes, then waits for open requests to finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.quiet);
    // Every connection task holds a clone of `open`; when all are gone, so are the connections.
    let (open, mut all_closed) = mpsc::channel::<()>(1);
    let (stop, stopping) = watch::channel(false);
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    accept_failed(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let connection = Connection {
            builder: builder.clone(),
            router: router.clone(),
            peer,
            limits,
            stopping: stopping.clone(),
            _open: open.clone(),
        };
        tokio::spawn(connection.run(stream));
    }
    drop(listener);
    let _ = stop.send(true);
    drop(open);
    let _ = all_closed.recv().await;
    Ok(())
}

struct Connection {
    builder: Builder<TokioExecutor>,
    router: Router,
    peer: SocketAddr,
    limits: ConnectionLimits,
    stopping: watch::Receiver<bool>,
    _open: mpsc::Sender<()>,
}

impl Connection {
    async fn run(mut self, stream: TcpStream) {
        let peer = self.peer;
        let activity = Activity::default();
        let service = {
            let activity = activity.clone();
            self.router
                .map_request(move |mut req: Request<Incoming>| {
                    req.extensions_mut().insert(ConnectInfo(peer));
                    req
                })
                .map_future(move |response| {
                    let busy = activity.request();
                    async move {
                        let response = response.await;
                        drop(busy);
                        response
                    }
                })
        };
        let io = TokioIo::new(stream);
        let mut conn = pin!(
            self.builder
                .serve_connection(io, TowerToHyperService::new(service))
        );
        let quiet = self.limits.quiet;
        let mut stopping = false;
        loop {
            let wait = quiet.saturating_sub(activity.quiet_for());
            if wait.is_zero() {
                break;
            }
            tokio::select! {
                result = conn.as_mut() => return ended(result),
                () = tokio::time::sleep(wait) => {}
                _ = self.stopping.changed() => {
                    stopping = true;
                    break;
                }
            }
        }
        if !activity.started() {
            // Nothing to finish: dropping a connection that never sent a request closes it.
            return;
        }
        conn.as_mut().graceful_shutdown();
        // At shutdown the process waits for this: bounded well below an orchestrator's usual
        // 30-second grace, so a client that never acknowledges cannot get the process killed.
        let drain = if stopping {
            self.limits.drain.min(SHUTDOWN_DRAIN)
        } else {
            self.limits.drain
        };
        if let Ok(result) = tokio::time::timeout(drain, conn).await {
            ended(result);
        }
    }
}

/// The longest a connection may take to finish once the server is stopping.
const SHUTDOWN_DRAIN: Duration = Duration::from_secs(10);

fn ended(result: Result<(), Box<dyn std::error::Error + Send + Sync>>) {
    if let Err(e) = result {
        tracing::debug!(error = %e, "connection ended with an error");
    }
}

/// Errors of one connection are skipped; others (out of file descriptors) pause accepting, as
/// the next attempt would likely fail the same way.
async fn accept_failed(e: io::Error) {
    if matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!(error = %e, "accept failed");
    tokio::time::sleep(Duration::from_secs(1)).await;
}
