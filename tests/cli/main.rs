//! podium's integration tests: the real binary, real indexes in temporary
//! directories. One test binary (fast to link), one module per area.

#![allow(dead_code)]

mod briefings;
mod context;
mod contract;
mod gold;
mod nohits;
mod output;
mod query;
mod ranking;
mod speakers;
mod term;
mod util;
mod whitehouse;
