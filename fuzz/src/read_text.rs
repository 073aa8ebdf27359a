//! Fuzzes `dyad_ingest::read_bytes` on arbitrary bytes: with each format forced in turn
//! (text, html, jsonl, warc) and with detection. The readers must return documents or
//! errors, never panic, and every document's body span must lie inside its text on char
//! boundaries. The limits are small so that a single input cannot make a run slow.

use dyad_ingest::{read_bytes, Format, ReaderConfig};

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let formats = [
        None,
        Some(Format::Text),
        Some(Format::Html),
        Some(Format::Jsonl),
        Some(Format::Warc),
    ];
    for format in formats {
        let cfg = ReaderConfig {
            format,
            max_input_bytes: 1 << 20,
            max_decompressed_bytes: 4 << 20,
            ..ReaderConfig::default()
        };
        for item in read_bytes("fuzz.in", data.to_vec(), &cfg) {
            if let Ok(doc) = item {
                assert!(
                    doc.body.is_valid_in(&doc.text),
                    "body {:?} not valid in a text of {} bytes ({format:?})",
                    doc.body,
                    doc.text.len()
                );
                let _ = doc.body_text();
            }
        }
    }
}
