//! podium's integration tests: the real binary, real indexes in temporary
//! directories. One test binary (fast to link), one module per area.

#![allow(dead_code)]

mod bad_input;
mod contract;
mod corpusgen;
mod crash;
mod damage;
mod fuzz;
#[path = "../../fuzz/harness.rs"]
mod fuzz_harness;
mod gold;
mod incremental;
mod support;
mod util;
