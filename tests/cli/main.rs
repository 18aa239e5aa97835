//! podium's integration tests: the real binary, real indexes in temporary
//! directories. One test binary (fast to link), one module per area.

#![allow(dead_code)]

mod contract;
mod gold;
mod parser;
mod util;
mod whitehouse;
