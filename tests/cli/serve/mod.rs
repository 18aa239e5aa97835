//! `podium serve`: the real binary on a free loopback port, real HTTP
//! requests over TCP ([`server`]), and the page in real headless Chromium
//! ([`browser`]).

mod api;
mod browser;
mod feeds;
mod live;
mod safety;
pub mod server;
