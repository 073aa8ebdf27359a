//! libFuzzer entry of `dyad_fuzz::read_html`: the checks live in `fuzz/src/read_html.rs`, so that
//! `cargo test --lib` replays the seeds and known crashes through them without libFuzzer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::read_html::run(data));
