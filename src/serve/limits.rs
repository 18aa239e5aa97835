//! Request limits: how long a request may take, how long its URI may be,
//! and how many searches run at once.
//!
//! Searches are CPU work, run on blocking threads ([`Limits::blocking`]):
//! the async threads stay free to accept and answer. The semaphore bounds
//! that work, and its permit travels with the work itself, so a request
//! that times out (its response is sent) still holds its permit until its
//! search ends: abandoned work cannot pile up behind the limit.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;

use super::error::ApiError;

/// Longest request URI accepted (path and query string), in bytes: a
/// maximal query, percent-encoded three bytes a byte, and filters fit.
pub const MAX_URI_BYTES: usize = 4096;
/// A request that has no answer after this long gets a 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Searches run at once; more wait for a turn.
pub const MAX_SEARCHES: usize = 16;
/// How long a search waits for a turn before the server says it is busy.
pub const QUEUE_WAIT: Duration = Duration::from_secs(5);

/// The shared limits of one server.
pub struct Limits {
    searches: Arc<Semaphore>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            searches: Arc::new(Semaphore::new(MAX_SEARCHES)),
        }
    }
}

impl Limits {
    /// Runs `work` on a blocking thread once a search slot is free.
    pub async fn blocking<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let permit = tokio::time::timeout(QUEUE_WAIT, Arc::clone(&self.searches).acquire_owned())
            .await
            .map_err(|_| ApiError::unavailable("the server is busy: try again in a moment"))?
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            // A panic is a bug; the request gets a 500, the server lives on
            // (the thread's panic is caught by tokio and reported here).
            work()
        });
        match task.await {
            Ok(r) => r,
            Err(_) => Err(ApiError::internal(
                "internal error while answering this request; if it persists, `podium index --rebuild` rebuilds the index",
            )),
        }
    }
}

/// Refuses URIs longer than [`MAX_URI_BYTES`] and answers 503 for requests
/// slower than [`REQUEST_TIMEOUT`].
pub async fn guard(req: Request, next: Next) -> Response {
    let len = req.uri().to_string().len();
    if len > MAX_URI_BYTES {
        return ApiError {
            status: StatusCode::URI_TOO_LONG,
            message: format!("request too long: {len} bytes, at most {MAX_URI_BYTES}"),
        }
        .into_response();
    }
    match tokio::time::timeout(REQUEST_TIMEOUT, next.run(req)).await {
        Ok(r) => r,
        Err(_) => ApiError::unavailable(format!(
            "the request took more than {} seconds",
            REQUEST_TIMEOUT.as_secs()
        ))
        .into_response(),
    }
}
