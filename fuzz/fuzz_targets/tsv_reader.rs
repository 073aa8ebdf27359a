//! libFuzzer entry of `dyad_fuzz::tsv_reader`: the checks live in `fuzz/src/tsv_reader.rs`, so that
//! `cargo test --lib` replays the seeds and known crashes through them without libFuzzer.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dyad_fuzz::tsv_reader::run(data));
