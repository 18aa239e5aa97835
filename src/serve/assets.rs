//! The web page's files, compiled into the binary: no build step, no CDN,
//! and nothing from the disk is ever served. Each route below is one of
//! these constants; any other path is a 404, so `..` has nothing to reach.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

pub const INDEX_HTML: &str = include_str!("assets/index.html");
pub const APP_JS: &str = include_str!("assets/app.js");
pub const STYLE_CSS: &str = include_str!("assets/style.css");

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // The binary is the version: revalidate, so an upgrade shows.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

/// `GET /`: the page (with any query string: `/?q=…` is a shared search).
pub async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX_HTML)
}

/// `GET /app.js`.
pub async fn app_js() -> Response {
    asset("text/javascript; charset=utf-8", APP_JS)
}

/// `GET /style.css`.
pub async fn style_css() -> Response {
    asset("text/css; charset=utf-8", STYLE_CSS)
}

/// Everything else.
pub async fn not_found() -> Response {
    super::error::ApiError {
        status: StatusCode::NOT_FOUND,
        message: "not found".into(),
    }
    .into_response()
}
