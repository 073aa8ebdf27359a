//! Readers of news documents for dyad: plain text, HTML, JSON Lines and WARC, plain or
//! compressed with gzip or zstd, from files, directories, glob patterns or standard input.
//!
//! Every reader produces [`RawDocument`]s: the decoded text of one article, the range of it
//! that is the article's body (a plain-text header of date, headline and dateline is left out,
//! and recorded in [`DocMeta`] instead), and the warnings of whatever had to be repaired. A
//! problem with one input or one record of it is a [`ReadError`] item in the same stream, so a
//! corrupt file among thousands is reported and the run goes on.
//!
//! The pipeline is: [`expand_inputs`] turns command-line arguments into a sorted list of
//! [`Input`]s; [`read_input`] reads one of them (size limit, decompression, binary check,
//! character decoding, format detection) and hands it to the reader of its format. Documents
//! come out in input order, so runs are deterministic.
//!
//! Conventions: [`DocMeta::id`] hashes the record's own bytes after decompression (the whole
//! file for text and HTML, the line for JSON Lines, the content block for WARC), so a file and
//! its gzipped copy give the same ids. An empty or whitespace-only input is an error of kind
//! [`ErrorKind::Empty`], not an empty document, so that it shows in the run's summary.
//!
//! ```
//! use dyad_ingest::{read_bytes, ReaderConfig};
//!
//! let input = b"BRUSSELS (Reuters) - Blinken met Wilmes on Thursday.".to_vec();
//! let docs: Vec<_> = read_bytes("example.txt", input, &ReaderConfig::default()).collect();
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!(doc.meta.dateline.as_deref(), Some("BRUSSELS"));
//! assert_eq!(doc.meta.agency.as_deref(), Some("Reuters"));
//! assert_eq!(doc.body_text(), "Blinken met Wilmes on Thursday.");
//! ```

mod boilerplate;
pub mod decode;
mod error;
pub mod html_reader;
mod input;
pub mod jsonl_reader;
pub mod text_reader;
pub mod warc_reader;

use std::io::Read;

use dyad_core::{DocMeta, Span};

pub use error::{ErrorKind, ReadError};
pub use html_reader::{extract_html, HtmlExtract};
pub use input::{expand_inputs, Input};

/// One document as a reader produced it, before cleaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDocument {
    pub meta: DocMeta,
    /// The decoded input (plain text), the extracted main text (HTML, WARC), or the text
    /// field (JSON Lines).
    pub text: String,
    /// The range of `text` the cleaner should process: header lines and a dateline are
    /// outside it. Always on char boundaries.
    pub body: Span,
    /// What the reader had to guess or repair (lossy decoding, detected encoding).
    pub warnings: Vec<String>,
}

impl RawDocument {
    /// The body range of the text.
    pub fn body_text(&self) -> &str {
        self.body.get(&self.text).unwrap_or("")
    }
}

/// An item of a reader's output: a document, or an error naming the input and record.
pub type ReadItem = Result<RawDocument, ReadError>;

/// The input formats dyad reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
}

impl Format {
    /// The name written into [`DocMeta::format`].
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "warc" => Ok(Format::Warc),
            _ => Err(format!(
                "unknown input format `{s}`; expected text, html, jsonl or warc"
            )),
        }
    }
}

/// When the text field of a JSON Lines record is run through the HTML extractor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HtmlMode {
    /// When the text looks like HTML (it starts with a tag and has block-level markup).
    #[default]
    Detect,
    Always,
    Never,
}

/// How the readers read. `Default` gives the field names `text`, `title`, `date`, `url`,
/// a 256 MiB input limit and a 1 GiB decompressed-size limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderConfig {
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
    /// JSON Lines field names.
    pub text_field: String,
    pub title_field: String,
    pub date_field: String,
    pub url_field: String,
    /// Whether JSON Lines texts are HTML to extract.
    pub jsonl_html: HtmlMode,
    /// Inputs larger than this (as stored, before decompression) are refused.
    pub max_input_bytes: u64,
    /// Compressed inputs that expand beyond this are refused.
    pub max_decompressed_bytes: u64,
}

impl Default for ReaderConfig {
    fn default() -> Self {
        ReaderConfig {
            format: None,
            text_field: "text".into(),
            title_field: "title".into(),
            date_field: "date".into(),
            url_field: "url".into(),
            jsonl_html: HtmlMode::Detect,
            max_input_bytes: 256 << 20,
            max_decompressed_bytes: 1 << 30,
        }
    }
}

/// Reads one input: a file or standard input.
pub fn read_input(input: &Input, cfg: &ReaderConfig) -> Box<dyn Iterator<Item = ReadItem>> {
    let source = input.name();
    let limit = cfg.max_input_bytes;
    let too_large = |len: u64| {
        ReadError::new(
            &source,
            ErrorKind::TooLarge,
            format!("input of {len} bytes exceeds the limit of {limit} bytes (max_input_bytes); raise the limit or split the file"),
        )
    };
    let bytes = match input {
        Input::Path(path) => {
            match std::fs::metadata(path) {
                Ok(m) if m.len() > limit => return one(Err(too_large(m.len()))),
                Ok(_) => {}
                Err(e) => {
                    return one(Err(ReadError::new(
                        &source,
                        ErrorKind::Io,
                        format!("cannot read: {e}"),
                    )))
                }
            }
            std::fs::read(path)
        }
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .take(limit.saturating_add(1))
                .read_to_end(&mut buf)
                .map(|_| buf)
        }
    };
    match bytes {
        Ok(b) => read_bytes(&source, b, cfg),
        Err(e) => one(Err(ReadError::new(
            &source,
            ErrorKind::Io,
            format!("cannot read: {e}"),
        ))),
    }
}

fn one(item: ReadItem) -> Box<dyn Iterator<Item = ReadItem>> {
    Box::new(std::iter::once(item))
}

/// Reads the bytes of one input named `source` (a path, whose extension helps detect the
/// format, or `-`). The documents' ids hash the decompressed bytes of each record, so a file
/// and its gzipped copy give the same ids.
pub fn read_bytes(
    source: &str,
    bytes: Vec<u8>,
    cfg: &ReaderConfig,
) -> Box<dyn Iterator<Item = ReadItem>> {
    if bytes.len() as u64 > cfg.max_input_bytes {
        return one(Err(ReadError::new(
            source,
            ErrorKind::TooLarge,
            format!(
                "input exceeds the limit of {} bytes (max_input_bytes); raise the limit or split the file",
                cfg.max_input_bytes
            ),
        )));
    }
    let bytes = match decode::decompress(source, bytes, cfg.max_decompressed_bytes) {
        Ok(b) => b,
        Err(e) => return one(Err(e)),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return one(Err(ReadError::new(
            source,
            ErrorKind::Empty,
            "the input is empty",
        )));
    }
    let format = cfg.format.unwrap_or_else(|| detect_format(source, &bytes));
    if format == Format::Warc {
        return Box::new(warc_reader::WarcReader::new(
            source,
            bytes,
            cfg.max_decompressed_bytes,
        ));
    }
    if let Err(e) = decode::check_binary(source, &bytes) {
        return one(Err(e));
    }
    let decoded = decode::decode_text(&bytes, format == Format::Html);
    match format {
        Format::Text => one(Ok(text_reader::read_text(source, &bytes, decoded))),
        Format::Html => one(html_reader::read_html(source, &bytes, decoded, None)),
        Format::Jsonl => Box::new(jsonl_reader::JsonlReader::new(source, decoded, cfg)),
        Format::Warc => unreachable!("handled above"),
    }
}

/// Detects the format of decompressed input: a WARC header wins, then the file extension
/// (after `.gz`/`.zst`), then the content (a JSON object on the first line, HTML markup near
/// the start), and plain text otherwise.
pub fn detect_format(source: &str, bytes: &[u8]) -> Format {
    if bytes.starts_with(b"WARC/") {
        return Format::Warc;
    }
    let name = source.to_ascii_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .or_else(|| name.strip_suffix(".zstd"))
        .unwrap_or(&name);
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    match ext {
        "txt" | "text" => return Format::Text,
        "html" | "htm" | "xhtml" | "shtml" => return Format::Html,
        "jsonl" | "ndjson" => return Format::Jsonl,
        "warc" => return Format::Warc,
        _ => {}
    }
    let head = &bytes[..bytes.len().min(4096)];
    let head_str = String::from_utf8_lossy(head);
    let trimmed = head_str.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        let line_end = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
        let first_line = String::from_utf8_lossy(&bytes[..line_end]);
        let first_line = first_line.trim_start_matches('\u{feff}');
        if serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first_line).is_ok() {
            return Format::Jsonl;
        }
    }
    if html_reader::looks_like_html(trimmed) {
        return Format::Html;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(source: &str, bytes: Vec<u8>) -> Vec<ReadItem> {
        read_bytes(source, bytes, &ReaderConfig::default()).collect()
    }

    const STORY: &str =
        "Talks resume in Geneva\n\nGENEVA (Reuters) - Negotiators met again on Monday.\n";

    #[test]
    fn compressed_text_reads_like_plain_text() {
        let plain = read_all("a.txt", STORY.as_bytes().to_vec())
            .remove(0)
            .unwrap();
        let gz = read_all("a.txt.gz", gzip(STORY.as_bytes()))
            .remove(0)
            .unwrap();
        let zst = zstd::encode_all(STORY.as_bytes(), 3).unwrap();
        let zst = read_all("a.txt.zst", zst).remove(0).unwrap();
        assert_eq!(plain.meta.id, gz.meta.id);
        assert_eq!(plain.meta.id, zst.meta.id);
        assert_eq!(gz.text, STORY);
        assert_eq!(plain.meta.title.as_deref(), Some("Talks resume in Geneva"));
        assert_eq!(plain.meta.dateline.as_deref(), Some("GENEVA"));
        assert_eq!(plain.body_text(), "Negotiators met again on Monday.");
    }

    #[test]
    fn truncated_gzip_empty_and_binary_inputs_are_errors() {
        let gz = gzip(&STORY.repeat(50).into_bytes());
        let e = read_all("t.txt.gz", gz[..gz.len() - 30].to_vec())
            .remove(0)
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Decompress);
        let e = read_all("e.txt", Vec::new()).remove(0).unwrap_err();
        assert_eq!(e.to_string(), "e.txt: the input is empty");
        let e = read_all("p.txt", b"\x89PNG\r\n\x1a\n....".to_vec())
            .remove(0)
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Binary);
    }

    #[test]
    fn latin1_file_is_decoded_with_a_warning() {
        let bytes = b"Le pr\xe9sident fran\xe7ais a re\xe7u le ministre \xe0 l'\xc9lys\xe9e mardi."
            .to_vec();
        let d = read_all("f.txt", bytes).remove(0).unwrap();
        assert!(d.text.contains("président français a reçu"), "{}", d.text);
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
    }

    #[test]
    fn limits_are_enforced_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, STORY.repeat(10)).unwrap();
        let cfg = ReaderConfig {
            max_input_bytes: 100,
            ..ReaderConfig::default()
        };
        let e = read_input(&Input::Path(path.clone()), &cfg)
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.contains("limit of 100 bytes"), "{e}");
        let cfg = ReaderConfig {
            max_decompressed_bytes: 100,
            ..ReaderConfig::default()
        };
        let e = read_bytes("b.gz", gzip(&STORY.repeat(10).into_bytes()), &cfg)
            .next()
            .unwrap()
            .unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        let ok = read_input(&Input::Path(path), &ReaderConfig::default())
            .next()
            .unwrap();
        assert!(ok.is_ok());
    }

    #[test]
    fn formats_are_detected_by_extension_and_content() {
        assert_eq!(detect_format("x.jsonl.gz", b"{}"), Format::Jsonl);
        assert_eq!(detect_format("x", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(
            detect_format("-", b"{\"text\": \"a\"}\n{\"text\": \"b\"}"),
            Format::Jsonl
        );
        assert_eq!(
            detect_format("-", b"  <!DOCTYPE html><html></html>"),
            Format::Html
        );
        assert_eq!(detect_format("x.txt", b"<html>"), Format::Text);
        assert_eq!(detect_format("-", b"{braces} in plain text"), Format::Text);
        assert_eq!("JSONL".parse::<Format>(), Ok(Format::Jsonl));
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn warc_gz_members_are_read_in_order() {
        let para =
            "Delegates from both countries signed the agreement in the capital on Friday morning. ";
        let mut file = Vec::new();
        for (i, city) in ["Paris", "Rome"].iter().enumerate() {
            let html = format!(
                "<html><body><article><p>{city}: {}</p><p>{}</p></article></body></html>",
                para.repeat(3),
                para.repeat(2)
            );
            let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
            let rec = format!(
                "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{i}>\r\n\
                 WARC-Target-URI: http://x/{city}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
                block.len()
            );
            file.extend(gzip(rec.as_bytes()));
        }
        let docs: Vec<RawDocument> = read_all("c.warc.gz", file)
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs.len(), 2);
        assert!(docs[0].text.starts_with("Paris:"));
        assert!(docs[1].text.starts_with("Rome:"));
        assert_eq!(docs[1].meta.record.as_deref(), Some("<urn:uuid:1>"));
    }

    proptest::proptest! {
        #[test]
        fn damaged_warc_and_jsonl_never_panic(
            tail in proptest::collection::vec(proptest::num::u8::ANY, 0..400),
            len in 0usize..500,
        ) {
            let mut warc = format!(
                "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {len}\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>"
            )
            .into_bytes();
            warc.extend_from_slice(&tail);
            for item in read_bytes("f.warc", warc, &ReaderConfig::default()) {
                if let Err(e) = item {
                    proptest::prop_assert!(e.to_string().starts_with("f.warc: "));
                }
            }
            let mut jsonl = b"{\"text\": \"a\"}\n".to_vec();
            jsonl.extend_from_slice(&tail);
            let _ = read_bytes("f.jsonl", jsonl, &ReaderConfig::default()).count();
        }

        #[test]
        fn body_is_always_a_valid_span(text in "\\PC{0,200}", nl in proptest::collection::vec(0usize..200, 0..6)) {
            let mut t = text;
            for n in nl {
                let mut i = n.min(t.len());
                while !t.is_char_boundary(i) { i -= 1; }
                t.insert(i, '\n');
            }
            for d in read_bytes("p.txt", t.clone().into_bytes(), &ReaderConfig::default()).flatten() {
                proptest::prop_assert!(d.body.is_valid_in(&d.text));
            }
        }
    }
}
