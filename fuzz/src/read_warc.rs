//! Fuzzes the WARC reader alone. Two parts:
//!
//! * the bytes as a WARC file: no panic, every document's body on char boundaries;
//! * damage containment: the bytes as the payload of a `response` record whose
//!   `Content-Length` is right, followed by a known good record. Whatever the payload holds
//!   (a fake `WARC/` header, a broken HTTP head, binary), the good record after it must be
//!   read, and be the last item.

use dyad_ingest::{read_bytes, Format, ReaderConfig};

const GOOD_HTML: &str = "<html><body><p>Talks between the two delegations began in Geneva on Monday morning.</p></body></html>";

fn record(payload: &[u8], uri: &str) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// Runs the checks on one input; panics when an invariant fails.
pub fn run(data: &[u8]) {
    let cfg = ReaderConfig {
        format: Some(Format::Warc),
        max_input_bytes: 1 << 20,
        max_decompressed_bytes: 4 << 20,
        ..ReaderConfig::default()
    };
    for item in read_bytes("fuzz.warc", data.to_vec(), &cfg) {
        if let Ok(doc) = item {
            assert!(doc.body.is_valid_in(&doc.text), "body {:?}", doc.body);
        }
    }

    let mut file = record(data, "http://example.com/fuzz");
    let good = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{GOOD_HTML}");
    file.extend(record(good.as_bytes(), "http://example.com/good"));
    let items: Vec<_> = read_bytes("fuzz.warc", file, &cfg).collect();
    match items.last() {
        Some(Ok(doc)) => {
            assert_eq!(doc.meta.url.as_deref(), Some("http://example.com/good"));
            assert!(
                doc.text.contains("Geneva"),
                "good record text: {:?}",
                doc.text
            );
        }
        other => panic!("the good record after a well-framed one was lost: {other:?}"),
    }
    assert!(items.len() <= 2, "{} items from two records", items.len());
}
