//! `podium serve`: the real binary on a free loopback port, real HTTP
//! requests over TCP ([`server`]), and the page in real headless Chromium
//! ([`browser`]), typed into and clicked over DevTools ([`devtools`]).

mod api;
mod browser;
mod devtools;
mod feeds;
mod hands;
mod live;
mod safety;
pub mod server;
