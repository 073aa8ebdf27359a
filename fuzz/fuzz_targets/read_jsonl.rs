//! libFuzzer entry of `dyad_fuzz::read_jsonl`: the checks live in `fuzz/src/read_jsonl.rs`, so that
//! `cargo test --lib` replays the seeds and known crashes through them without libFuzzer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::read_jsonl::run(data));
