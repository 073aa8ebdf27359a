//! Fuzzes the loader of the compiled-automaton cache of dyad-actors: the input is written
//! where the cache file of a fixed phrase list belongs, and the automaton is loaded through
//! the cache as the dictionaries load theirs. Invariant: whatever the file holds (garbage,
//! a truncated or damaged file, a file of another phrase list), no panic, and the automaton
//! that results finds exactly what a freshly built one finds. The input is also tried behind
//! a valid header (magic and format version) so the fuzzer's bytes reach the length and
//! checksum checks.
//!
//! A file whose checksum is right is trusted (the payload goes to daachorse's unchecked
//! deserializer), so a forged checksum is outside the invariant: libFuzzer forges one by
//! reading the expected SHA-256 off the comparison (CI's run of 2026-12-01 found an empty
//! payload behind a forged checksum, `regressions/automaton_cache/`), and such inputs are
//! skipped here ([`is_forged`]).

use std::sync::OnceLock;

use dyad_actors::automaton_cache::{is_forged, matches_built, matches_with_cache_file};

static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();

const TEXT: &str = "the foreign minister met the prime minister of the republic; ministers met";

fn phrases() -> Vec<String> {
    [
        "minister",
        "foreign minister",
        "prime minister",
        "republic",
        "met",
        "the",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let dir = DIR.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    let phrases = phrases();
    let want = matches_built(&phrases, TEXT).expect("the fixed phrases build");
    let mut headed = b"DYADDAAC\x01\0\0\0".to_vec();
    headed.extend_from_slice(data);
    for bytes in [data, &headed[..]] {
        if is_forged(bytes, &phrases).expect("the fixed phrases build") {
            continue;
        }
        match matches_with_cache_file(dir.path(), bytes, &phrases, TEXT) {
            Ok(got) => assert_eq!(got, want, "a cache file changed the matches"),
            Err(e) => panic!("loading through the cache failed: {e}"),
        }
    }
}
