//! The accept loop: HTTP/1.1 and HTTP/2 over plain TCP (hyper-util), the peer's address in each
//! request's extensions (`ConnectInfo`), limits on slow clients, and graceful shutdown.
//!
//! hyper's header read timeout covers HTTP/1 requests once a connection speaks HTTP/1, but not
//! the bytes read to tell HTTP/1 from HTTP/2, nor an HTTP/2 connection that never sends a
//! request: so a connection must also deliver its first request within that time.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::Request;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

/// Serves `router` until `shutdown` completes, then waits for open requests to finish.
/// `header_read` bounds the wait for a request's headers.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_read: Duration,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read);
    let graceful = GracefulShutdown::new();
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
        tokio::spawn(connection(
            builder.clone(),
            graceful.watcher(),
            stream,
            peer,
            router.clone(),
            header_read,
        ));
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

async fn connection(
    builder: Builder<TokioExecutor>,
    watcher: Watcher,
    stream: TcpStream,
    peer: SocketAddr,
    router: Router,
    first_request_within: Duration,
) {
    let started = Arc::new(AtomicBool::new(false));
    let service = {
        let started = started.clone();
        router.map_request(move |mut req: Request<Incoming>| {
            started.store(true, Ordering::Relaxed);
            req.extensions_mut().insert(ConnectInfo(peer));
            req
        })
    };
    let conn = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    let mut conn = pin!(watcher.watch(conn));
    tokio::select! {
        result = conn.as_mut() => return ended(result),
        () = tokio::time::sleep(first_request_within) => {}
    }
    // Dropping a connection that has not sent a request closes its socket.
    if started.load(Ordering::Relaxed) {
        ended(conn.await);
    }
}

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
