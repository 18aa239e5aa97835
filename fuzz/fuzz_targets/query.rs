//! Fuzzes the query path: query text, speaker, dates and role through
//! `podium::search::search` on a small real index, then both renderers.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::query(data));
