//! `GET /api/watches` (the saved searches, with their feeds) and
//! `POST /api/watches` (save the page's search): the only route that
//! writes, and what it writes is the index's `watches.json`, never the
//! index itself.
//!
//! The POST takes a JSON body (`{"name", "q", "speaker", "outlet", "role",
//! "since"}`) and nothing else: a page on another site can make a browser
//! send a form (`text/plain`, `application/x-www-form-urlencoded`) without
//! asking, but not `application/json`, which needs a CORS preflight this
//! server never grants. So only podium's own page (or a program) can save.

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::error::ApiError;
use super::feeds::base_url;
use super::AppState;
use crate::render::atom::feed_url;
use crate::search;
use crate::watch::{self, Spec, Watch};

/// Longest body accepted, in bytes: a name, a query and filters.
pub const MAX_BODY_BYTES: usize = 8 * 1024;

/// A saved search as the API lists it: the watch and where its feed is.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    watch: &'a Watch,
    /// The feed's path on this server.
    feed: String,
    /// The feed's address as this request reached the server.
    feed_url: String,
}

fn listed<'a>(w: &'a Watch, base: &str) -> Listed<'a> {
    Listed {
        watch: w,
        feed: feed_url("", &w.name),
        feed_url: feed_url(base, &w.name),
    }
}

fn json(status: StatusCode, value: &impl Serialize) -> Result<Response, ApiError> {
    let body = serde_json::to_string(value).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok((
        status,
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

/// `GET /api/watches`: `{"watches": [watch with "feed" and "feed_url"]}`.
pub async fn list(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    q: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let pairs = q
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(format!("invalid query string: {}", e.body_text())))?;
    super::params::none(&pairs)?;
    let base = base_url(&headers);
    let index = state.index.current();
    let watches = watch::store::load(&index.dir)?;
    let rows: Vec<Listed> = watches.iter().map(|w| listed(w, &base)).collect();
    json(StatusCode::OK, &serde_json::json!({ "watches": rows }))
}

/// What `POST /api/watches` takes: the page's search and a name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Save {
    name: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    since: Option<String>,
}

/// A field the page sends empty when unset.
fn given(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// `POST /api/watches`: saves a search, as `podium watch add` does (the
/// same checks, the same errors), and answers 201 with the saved search
/// and its feed; a taken name is a 409, a bad name or search a 400.
pub async fn add(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, ApiError> {
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    if !json_body {
        return Err(ApiError {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            message: "send the search as JSON (Content-Type: application/json)".into(),
        });
    }
    if body.len() > MAX_BODY_BYTES {
        return Err(ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: format!(
                "request body too long: {} bytes, at most {MAX_BODY_BYTES}",
                body.len()
            ),
        });
    }
    let save: Save = serde_json::from_str(&body)
        .map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))?;
    let role = match given(save.role) {
        Some(r) => Some(search::role::parse(&r).map_err(ApiError::bad_request)?),
        None => None,
    };
    let spec = Spec {
        name: save.name.trim().to_string(),
        query: save.q,
        speakers: given(save.speaker).into_iter().collect(),
        outlets: given(save.outlet).into_iter().collect(),
        role,
        since: given(save.since),
    };
    let base = base_url(&headers);
    let index = state.index.current();
    let opts = state.options.clone();
    state
        .limits
        .blocking(move || {
            let w = watch::add(&index, spec, &opts)?;
            json(StatusCode::CREATED, &listed(&w, &base))
        })
        .await
}
