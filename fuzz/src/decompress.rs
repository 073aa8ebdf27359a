//! Fuzzes `dyad_ingest::decode::decompress` on arbitrary bytes, which reach the gzip and
//! zstd decoders when they start with either magic number (the seeds do). The output must
//! never exceed the limit: larger streams are errors.

use dyad_ingest::decode::decompress;

const LIMIT: u64 = 64 * 1024;

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    if let Ok(out) = decompress("fuzz.gz", data.to_vec(), LIMIT) {
        assert!(out.len() as u64 <= LIMIT || out == data);
    }
}
