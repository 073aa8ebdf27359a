//! Fuzzes the JSON Lines reader alone. Two parts:
//!
//! * the bytes as a JSON Lines file (HTML detection on or off by the first byte): no panic,
//!   every document's body on char boundaries of its text, every record named `line N`
//!   with N within the input's line count, and never more items than lines;
//! * a round trip: the bytes, decoded lossily, written as the `text` of one JSON object by
//!   serde_json and read back with HTML detection off, must come back as exactly that text
//!   (or as an "empty" error when the text is blank).

use dyad_ingest::{read_bytes, ErrorKind, Format, HtmlMode, ReaderConfig};

fn cfg(html: HtmlMode) -> ReaderConfig {
    ReaderConfig {
        format: Some(Format::Jsonl),
        jsonl_html: html,
        max_input_bytes: 1 << 20,
        max_decompressed_bytes: 4 << 20,
        ..ReaderConfig::default()
    }
}

fn line_of(record: Option<&str>) -> Option<usize> {
    record?.strip_prefix("line ")?.parse().ok()
}

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let html = if data.first().is_some_and(|b| b & 1 == 1) {
        HtmlMode::Detect
    } else {
        HtmlMode::Never
    };
    let lines = data.split(|&b| b == b'\n').count();
    let mut items = 0;
    for item in read_bytes("fuzz.jsonl", data.to_vec(), &cfg(html)) {
        items += 1;
        match item {
            Ok(doc) => {
                assert!(doc.body.is_valid_in(&doc.text), "body {:?}", doc.body);
                let n = line_of(doc.meta.record.as_deref()).expect("a record names its line");
                assert!(n >= 1 && n <= lines, "line {n} of {lines}");
            }
            Err(e) => {
                if let Some(n) = line_of(e.record.as_deref()) {
                    assert!(n >= 1 && n <= lines, "error at line {n} of {lines}: {e}");
                }
            }
        }
    }
    assert!(items <= lines.max(1), "{items} items from {lines} lines");

    let text = String::from_utf8_lossy(data).into_owned();
    let line = serde_json::json!({ "text": text, "title": "t" }).to_string();
    let got: Vec<_> = read_bytes("fuzz.jsonl", line.into_bytes(), &cfg(HtmlMode::Never)).collect();
    assert_eq!(got.len(), 1, "one object, one item");
    match &got[0] {
        Ok(doc) => assert_eq!(doc.text, text, "the text field must come back unchanged"),
        Err(e) if e.kind == ErrorKind::Empty || e.kind == ErrorKind::Binary => {}
        Err(e) => panic!("a valid JSON object was refused: {e}"),
    }
}
