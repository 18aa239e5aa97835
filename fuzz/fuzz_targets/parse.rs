//! Fuzzes the transcript parser: any bytes, decoded as podium decodes
//! files, parsed alone and with the knowledge of its own survey.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::parse(data));
