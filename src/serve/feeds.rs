//! `GET /feeds/NAME.atom`: each saved search of the index as an Atom feed
//! of its current matches ([`crate::render::atom`]).
//!
//! Links in a feed must be absolute, so they are made from the `Host` the
//! client used (a reader that reached the server at `127.0.0.1:7878`
//! follows links there). The header is taken only when it is a plain host
//! and port; anything else (a forged header with markup or a path) makes
//! the links `http://localhost`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::AppState;
use crate::render::atom::{self, FEED_ENTRIES};
use crate::watch;

/// `http://HOST` for the links of a response, from the request's `Host`.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}

/// `GET /feeds/{NAME}.atom`. A name that is no saved search (or not a
/// name at all) is a 404 that says which names there are.
pub async fn feed(
    State(state): State<Arc<AppState>>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Some(name) = file.strip_suffix(".atom") else {
        return Err(ApiError::not_found(
            "no such feed: feeds are at /feeds/NAME.atom",
        ));
    };
    if watch::check_name(name).is_err() {
        return Err(ApiError::not_found(format!(
            "no saved search named '{}'",
            name.chars().take(64).collect::<String>()
        )));
    }
    let name = name.to_string();
    let base = base_url(&headers);
    let index = state.index.current();
    let opts = state.options.clone();
    state
        .limits
        .blocking(move || {
            let w = watch::get(&index.dir, &name)?;
            let results = watch::current(&index, &w, FEED_ENTRIES, &opts)?;
            let updated = index.manifest()?.committed_at.clone();
            let body = atom::feed(&base, &w, &results.hits, &updated);
            Ok::<_, ApiError>(
                (
                    [
                        (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
                        (header::CACHE_CONTROL, "no-cache"),
                    ],
                    body,
                )
                    .into_response(),
            )
        })
        .await
}
