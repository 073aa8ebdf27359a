//! Fuzzes the HTML reader alone (`read_bytes` with the format forced to HTML) and the
//! extractor on the same bytes decoded lossily. `read_text` also reaches HTML, but through
//! five readers per input; this target spends all its executions on the extractor, the
//! depth check and the charset sniffing. Invariants: no panic; a document's body span lies
//! on char boundaries of its text; a document that was read has a non-blank body.

use dyad_ingest::{html_reader, read_bytes, Format, ReaderConfig};

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let cfg = ReaderConfig {
        format: Some(Format::Html),
        max_input_bytes: 1 << 20,
        max_decompressed_bytes: 4 << 20,
        ..ReaderConfig::default()
    };
    for item in read_bytes("fuzz.html", data.to_vec(), &cfg) {
        if let Ok(doc) = item {
            assert!(
                doc.body.is_valid_in(&doc.text),
                "body {:?} not valid in a text of {} bytes",
                doc.body,
                doc.text.len()
            );
            assert_eq!(doc.meta.format, "html");
        }
    }
    let s = String::from_utf8_lossy(data);
    let depth = html_reader::container_depth(&s);
    let checked = html_reader::check_depth("fuzz.html", None, &s);
    assert_eq!(
        checked.is_ok(),
        depth <= html_reader::MAX_HTML_DEPTH,
        "check_depth disagrees with container_depth {depth}"
    );
    if checked.is_ok() {
        let _ = html_reader::extract_html(&s, Some("http://example.com/a"));
        let _ = html_reader::canonical_url(&s);
    }
}
