//! libFuzzer entry of `dyad_fuzz::petrarch_dicts`: the checks live in `fuzz/src/petrarch_dicts.rs`, so that
//! `cargo test --lib` replays the seeds and known crashes through them without libFuzzer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::petrarch_dicts::run(data));
