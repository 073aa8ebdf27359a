//! libFuzzer entry of `dyad_fuzz::automaton_cache`: the checks live in `fuzz/src/automaton_cache.rs`, so that
//! `cargo test --lib` replays the seeds and known crashes through them without libFuzzer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::automaton_cache::run(data));
