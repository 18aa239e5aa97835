//! Security headers on every response.
//!
//! The page builds its DOM from transcript text with `textContent`, so
//! text cannot become markup; the Content-Security-Policy is the second
//! wall: only the server's own script and style run (no inline script, no
//! `eval`, no event-handler attributes), nothing is loaded from elsewhere,
//! and the page cannot be framed.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// The policy: everything from this server only, scripts as files.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the policy and its companions to a response.
pub async fn secure(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    // Served types are meant: a JSON answer is never sniffed as HTML.
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Queries are the user's business: not sent to other sites.
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}
