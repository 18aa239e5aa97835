//! podium's integration tests: the real binary, real indexes in temporary
//! directories. One test binary (fast to link), one module per area.

#![allow(dead_code)]

mod cjk;
mod config;
mod contract;
mod export;
mod gold;
mod help;
mod inputs;
mod output;
mod term;
mod util;
