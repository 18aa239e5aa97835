//! The JSON API's handlers: thin, each one parameters → a library call on a
//! blocking thread → the CLI's JSON shapes.
//!
//! | route | answers |
//! |---|---|
//! | `GET /api/search?q=&speaker=&role=&since=&until=&n=&offset=&sort=` | `{"query", "total", "offset", "hits": [hit as --json prints it]}` plus how the query was read |
//! | `GET /api/passages/{id}?context=N` | `{"passage", "prompt", "before", "after"}` |
//! | `GET /api/speakers?q=&role=&since=&until=&n=` | `{"query", "total", "speakers": [as speakers --json]}` |
//! | `GET /api/stats` | the object `podium stats --json` prints |
//! | `GET /api/watches`, `POST /api/watches` | saved searches (see [`super::watches`]) |

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::error::ApiError;
use super::params;
use super::AppState;
use crate::render::json::JsonHit;
use crate::search::context::{self, MIN_ID_PREFIX};
use crate::search::facet::SpeakerCount;
use crate::search::{self, Request, StoredPassage};

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The query string as pairs, or a 400 that says what is wrong with it.
fn pairs(q: Pairs) -> Result<Vec<(String, String)>, ApiError> {
    q.map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(format!("invalid query string: {}", e.body_text())))
}

/// A JSON body; API answers are never cached (the index changes under them).
fn json(value: &impl Serialize) -> Result<Response, ApiError> {
    let body = serde_json::to_string(value).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

#[derive(Serialize)]
struct SearchAnswer<'a> {
    query: &'a str,
    /// Passages matching in all.
    total: usize,
    offset: usize,
    /// No passage had all the words: the hits have some of them.
    relaxed: bool,
    /// How the query was read (the CLI's `podium: note:` lines).
    notes: &'a [String],
    /// "did you mean".
    suggestion: Option<&'a str>,
    /// Which filter removed every hit.
    emptied_by: Option<&'a str>,
    hits: Vec<JsonHit<'a>>,
}

/// `GET /api/search`.
pub async fn search(State(state): State<Arc<AppState>>, q: Pairs) -> Result<Response, ApiError> {
    let p = params::search(&pairs(q)?)?;
    let n = params::hits(&p)?;
    let index = state.index.current();
    let opts = state.options.clone();
    state
        .limits
        .blocking(move || {
            let req = Request {
                query: p.q.clone(),
                filters: p.filters.clone(),
                limit: n,
                offset: p.offset,
                sort: p.sort,
            };
            let results = search::search_with(&index, &req, &opts)?;
            // Hits exactly as `search --json` prints them (with `total`).
            let hits: Vec<JsonHit> = results
                .hits
                .iter()
                .map(|h| JsonHit::of_total(h, results.total))
                .collect();
            json(&SearchAnswer {
                query: &p.q,
                total: results.total,
                offset: p.offset,
                relaxed: results.relaxed,
                notes: &results.notes,
                suggestion: results.suggestion.as_deref(),
                emptied_by: results.emptied_by.as_deref(),
                hits,
            })
        })
        .await
}

#[derive(Serialize)]
struct PassageAnswer {
    passage: StoredPassage,
    /// The question it answers (or the end of the previous turn).
    prompt: Vec<StoredPassage>,
    before: Vec<StoredPassage>,
    after: Vec<StoredPassage>,
}

/// `GET /api/passages/{id}`: one passage by id (or a prefix of at least
/// four characters) with its context, as `podium search --context` finds it.
pub async fn passage(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
    q: Pairs,
) -> Result<Response, ApiError> {
    let n = params::context(&pairs(q)?)?;
    if id.len() > 64 {
        return Err(ApiError::not_found("no passage with that id"));
    }
    let index = state.index.current();
    state
        .limits
        .blocking(move || {
            let searcher = index.searcher();
            // A short prefix is a 404 with the hint here (the CLI's error).
            let found = if id.trim().len() < MIN_ID_PREFIX {
                None
            } else {
                context::by_id(&index, &searcher, &id)?
            };
            let Some(p) = found else {
                let hint = if id.len() < MIN_ID_PREFIX {
                    format!(" (give at least {MIN_ID_PREFIX} characters)")
                } else {
                    String::new()
                };
                return Err(ApiError::not_found(format!(
                    "no passage with id '{id}'{hint}"
                )));
            };
            let c = context::around(&index, &searcher, &p, n)?;
            json(&PassageAnswer {
                passage: p,
                prompt: c.prompt,
                before: c.before,
                after: c.after,
            })
        })
        .await
}

#[derive(Serialize)]
struct SpeakersAnswer<'a> {
    query: &'a str,
    /// Speakers with matching passages (more than listed when capped by `n`).
    total: usize,
    notes: &'a [String],
    speakers: &'a [SpeakerCount],
}

/// `GET /api/speakers`: matching passages per speaker, most first (the
/// page's facets; `podium speakers QUERY`).
pub async fn speakers(State(state): State<Arc<AppState>>, q: Pairs) -> Result<Response, ApiError> {
    let p = params::search(&pairs(q)?)?;
    let n = params::speakers(&p)?;
    let index = state.index.current();
    let opts = state.options.clone();
    state
        .limits
        .blocking(move || {
            let req = Request {
                query: p.q.clone(),
                filters: p.filters.clone(),
                limit: 0,
                ..Request::default()
            };
            let (counts, notes) = search::speaker_facet(&index, &req, &opts)?;
            json(&SpeakersAnswer {
                query: &p.q,
                total: counts.len(),
                notes: &notes,
                speakers: &counts[..counts.len().min(n)],
            })
        })
        .await
}

/// `GET /api/stats`: what `podium stats --json` prints.
pub async fn stats(State(state): State<Arc<AppState>>, q: Pairs) -> Result<Response, ApiError> {
    params::none(&pairs(q)?)?;
    let index = state.index.current();
    state
        .limits
        .blocking(move || {
            let (s, _problem) = crate::index::stats::stats(&index)?;
            json(&s)
        })
        .await
}
