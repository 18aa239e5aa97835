//! The accept loop: HTTP/1.1 connections with limits that `axum::serve`
//! does not expose.
//!
//! - A client must send a request's headers within [`HEADER_TIMEOUT`]
//!   (an idle keep-alive connection is closed after as long), so a client
//!   that opens a connection and trickles bytes (slowloris) cannot hold it.
//! - At most [`MAX_CONNECTIONS`] are open at once; a connection beyond
//!   that is closed at once, so open sockets cannot exhaust the process's
//!   file descriptors.
//! - Headers are capped at [`MAX_HEADER_BYTES`] (hyper's buffer).

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Time to send a request's headers (and the idle time of a keep-alive
/// connection between requests).
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Open connections at once.
pub const MAX_CONNECTIONS: usize = 256;
/// Request line and headers, at most (hyper's minimum is 8 KB).
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Serves `app` on `listener` until the process ends.
pub async fn serve(listener: TcpListener, app: Router) {
    let open = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let stream = match listener.accept().await {
            Ok((s, _)) => s,
            // Out of file descriptors or a connection reset before it was
            // accepted: wait a little and go on (as axum::serve does).
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&open).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let conn = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEADER_BYTES)
                .serve_connection(TokioIo::new(stream), service);
            // A client that goes away mid-request is no error of ours.
            let _ = conn.await;
        });
    }
}
