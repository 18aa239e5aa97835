//! podium's integration tests: the real binary, real indexes in temporary
//! directories. One test binary (fast to link), one module per area.

#![allow(dead_code)]

mod attribution;
mod bad_input;
mod briefings;
mod cjk;
mod config;
mod context;
mod contract;
mod corpusgen;
mod crash;
mod damage;
mod export;
mod fuzz;
#[path = "../../fuzz/harness.rs"]
mod fuzz_harness;
mod gold;
mod help;
mod incremental;
mod inputs;
mod jsonl;
mod nohits;
mod output;
mod parser;
mod query;
mod ranking;
mod speakers;
mod support;
mod term;
mod util;
mod whitehouse;
