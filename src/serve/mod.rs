//! `podium serve`: the index over HTTP, as a JSON API and a web page.
//!
//! One process, one shared index ([`live::LiveIndex`]) that follows
//! `podium index` commits; read-only but for one route: GET and HEAD
//! everywhere, and `POST /api/watches`, which saves a search next to the
//! index ([`watches`]; the index itself is never written). Each saved
//! search is an Atom feed at `/feeds/NAME.atom` ([`feeds`]). Handlers are
//! thin ([`api`], [`assets`], [`feeds`], [`watches`]); limits ([`limits`])
//! and security headers ([`headers`]) wrap every route. [`routes`] is the
//! whole surface: add a route there.

pub mod api;
pub mod assets;
pub mod error;
pub mod feeds;
pub mod headers;
pub mod limits;
pub mod listen;
pub mod live;
pub mod params;
pub mod watches;

use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;

use crate::index::PodiumIndex;
use crate::search::Options;

/// What every handler shares.
pub struct AppState {
    pub index: live::LiveIndex,
    pub options: Options,
    pub limits: limits::Limits,
}

impl AppState {
    pub fn new(index: PodiumIndex, options: Options) -> Arc<AppState> {
        Arc::new(AppState {
            index: live::LiveIndex::new(index),
            options,
            limits: limits::Limits::default(),
        })
    }
}

/// Every route the server answers; anything else is a 404.
pub fn routes(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::app_js))
        .route("/style.css", get(assets::style_css))
        .route("/api/search", get(api::search))
        .route("/api/passages/{id}", get(api::passage))
        .route("/api/speakers", get(api::speakers))
        .route("/api/stats", get(api::stats))
        .route(
            "/api/watches",
            get(watches::list)
                .post(watches::add)
                .layer(DefaultBodyLimit::max(watches::MAX_BODY_BYTES)),
        )
        .route("/feeds/{file}", get(feeds::feed))
        .fallback(assets::not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(limits::guard))
        .layer(axum::middleware::from_fn(headers::secure))
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// Binds `addr` (port 0: any free port), calls `bound` with the address
/// actually bound, then serves until the process ends.
pub fn run(
    state: Arc<AppState>,
    addr: SocketAddr,
    bound: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let listener = TcpListener::bind(addr).map_err(|source| ServeError::Bind { addr, source })?;
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    // Two async threads answer; searches run on blocking threads, bounded
    // by the limits (see `limits`).
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        bound(local);
        listen::serve(listener, routes(state)).await;
        Ok::<(), std::io::Error>(())
    })?;
    Ok(())
}
