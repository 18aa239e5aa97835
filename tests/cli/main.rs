//! podium's integration tests: the real binary, real indexes in temporary
//! directories. One test binary (fast to link), one module per area.

#![allow(dead_code)]

mod attribution;
mod bad_input;
mod bench;
mod briefings;
mod cjk;
mod config;
mod context;
mod contract;
mod corpusgen;
mod crash;
mod damage;
mod docs;
mod export;
mod export_rules;
mod file_filter;
mod fuzz;
#[path = "../../fuzz/harness.rs"]
mod fuzz_harness;
mod gold;
mod help;
mod hints;
mod incremental;
mod inputs;
mod jsonl;
mod layers;
mod nohits;
mod offices;
mod outlets;
mod output;
mod paging;
mod parser;
mod query;
mod ranking;
mod republished;
mod resume;
mod roles;
mod serve;
mod similar;
mod speakers;
mod support;
mod term;
mod util;
mod watch;
mod whitehouse;
