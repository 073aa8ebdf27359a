//! libFuzzer entry of `dyad_fuzz::model_loader`: the checks live in `fuzz/src/model_loader.rs`, so that
//! `cargo test --lib` replays the seeds and known crashes through them without libFuzzer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::model_loader::run(data));
