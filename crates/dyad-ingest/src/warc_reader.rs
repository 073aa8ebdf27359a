//! The WARC reader: the HTML pages of a web crawl.
//!
//! A WARC file is a sequence of records, each a `WARC/1.x` header block, a blank line, a
//! content block of exactly `Content-Length` bytes, and `\r\n\r\n`. Only `response` records
//! with a successful HTML HTTP payload are articles: the HTTP status line and headers are
//! stripped (a chunked or gzip-encoded payload is undone), the body is decoded with the charset
//! of the HTTP `Content-Type`, else as any HTML, and run through the HTML extractor.
//! `WARC-Target-URI` becomes the url and `WARC-Date` the fallback date. Other records
//! (`warcinfo`, `request`, `metadata`, images, redirects) are skipped without a word.
//!
//! This is a small parser of our own rather than the `warc` crate because a corpus reader must
//! survive damage: a record whose `Content-Length` does not land on the record boundary is an
//! error item naming the record, and reading resumes at the next line that starts a
//! `WARC/` header. Compressed `.warc.gz` files are decompressed whole beforehand (with the
//! size limit), so records can be sliced from one buffer.

use dyad_core::DocMeta;

use crate::decode;
use crate::error::{ErrorKind, ReadError};
use crate::html_reader::read_html_text;
use crate::ReadItem;

/// Iterates over the HTML documents of a decompressed WARC file.
pub struct WarcReader {
    source: String,
    data: Vec<u8>,
    pos: usize,
    /// The decompressed-size limit for gzip-encoded payloads.
    limit: u64,
}

/// The WARC header fields the reader uses.
#[derive(Debug, Default)]
struct WarcHeader {
    kind: String,
    length: Option<usize>,
    uri: Option<String>,
    date: Option<String>,
    id: Option<String>,
}

impl WarcReader {
    pub fn new(source: &str, data: Vec<u8>, limit: u64) -> WarcReader {
        WarcReader {
            source: source.to_string(),
            data,
            pos: 0,
            limit,
        }
    }

    /// Moves to the next line starting with `WARC/` after `from`, or to the end.
    fn resync(&mut self, from: usize) {
        let hay = &self.data[from.min(self.data.len())..];
        self.pos = memchr::memmem::find_iter(hay, b"\nWARC/")
            .next()
            .map_or(self.data.len(), |i| from + i + 1);
    }

    fn error(&self, record: String, kind: ErrorKind, msg: String) -> ReadItem {
        Err(ReadError::at(&self.source, record, kind, msg))
    }

    /// Reads the record at `self.pos`: `None` for a record that is not an article.
    fn record(&mut self) -> Option<ReadItem> {
        let start = self.pos;
        let at_byte = format!("record at byte {start}");
        if !self.data[start..].starts_with(b"WARC/") {
            self.resync(start);
            return Some(self.error(
                at_byte,
                ErrorKind::Warc,
                "expected a `WARC/` record header".into(),
            ));
        }
        let Some(hlen) = memchr::memmem::find(&self.data[start..], b"\r\n\r\n") else {
            self.pos = self.data.len();
            return Some(self.error(
                at_byte,
                ErrorKind::Warc,
                "record header is not terminated by a blank line".into(),
            ));
        };
        let header = parse_header(&self.data[start..start + hlen]);
        let record = header.id.clone().unwrap_or(at_byte);
        let body_start = start + hlen + 4;
        let Some(length) = header.length else {
            self.resync(body_start);
            return Some(self.error(
                record,
                ErrorKind::Warc,
                "missing or invalid Content-Length".into(),
            ));
        };
        let body_end = body_start.saturating_add(length);
        if body_end > self.data.len() {
            self.resync(body_start);
            return Some(self.error(
                record,
                ErrorKind::Warc,
                format!(
                    "Content-Length {length} runs past the end of the file ({} bytes left); the file may be truncated",
                    self.data.len() - body_start
                ),
            ));
        }
        if !self.data[body_end..].starts_with(b"\r\n\r\n") && body_end != self.data.len() {
            self.resync(body_start);
            return Some(self.error(
                record,
                ErrorKind::Warc,
                format!(
                    "Content-Length {length} does not end at the record boundary; record skipped"
                ),
            ));
        }
        self.pos = (body_end + 4).min(self.data.len());
        if header.kind != "response" {
            return None;
        }
        let block = &self.data[body_start..body_end];
        let (status, content_type, payload) = match split_http(block) {
            Some(x) => x,
            None => {
                return Some(self.error(
                    record,
                    ErrorKind::Warc,
                    "response payload is not an HTTP response".into(),
                ))
            }
        };
        if !(200..300).contains(&status) || !is_html_type(content_type.as_deref()) {
            return None;
        }
        let payload = match decode::decompress(&self.source, payload, self.limit) {
            Ok(p) => p,
            Err(e) => return Some(self.error(record, e.kind, e.message)),
        };
        let decoded = match charset_of(content_type.as_deref()) {
            Some(enc) => {
                let (t, had_errors) = enc.decode_without_bom_handling(&payload);
                let mut w = Vec::new();
                if had_errors {
                    w.push(format!(
                        "malformed {} sequences replaced with U+FFFD",
                        enc.name()
                    ));
                }
                decode::Decoded {
                    text: t.into_owned(),
                    encoding: enc.name(),
                    warnings: w,
                }
            }
            None => decode::decode_text(&payload, true),
        };
        let meta = DocMeta {
            format: "warc".into(),
            record: Some(record.clone()),
            url: header.uri.clone(),
            ..DocMeta::new(&self.source, block)
        };
        let item = read_html_text(meta, decoded).map(|mut doc| {
            if doc.meta.date.is_none() {
                doc.meta.date = header
                    .date
                    .as_deref()
                    .map(|d| d.get(..10).unwrap_or(d).to_string());
            }
            // The crawl's URI is what was fetched; keep it over a canonical link.
            doc.meta.url = header.uri.clone().or(doc.meta.url);
            doc
        });
        Some(item.map_err(|e| ReadError {
            record: Some(record),
            ..e
        }))
    }
}

impl Iterator for WarcReader {
    type Item = ReadItem;

    fn next(&mut self) -> Option<ReadItem> {
        loop {
            while self.pos < self.data.len() && self.data[self.pos].is_ascii_whitespace() {
                self.pos += 1;
            }
            if self.pos >= self.data.len() {
                return None;
            }
            if let Some(item) = self.record() {
                return Some(item);
            }
        }
    }
}

fn parse_header(block: &[u8]) -> WarcHeader {
    let text = String::from_utf8_lossy(block);
    let mut h = WarcHeader::default();
    for line in text.split("\r\n").skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => h.kind = value,
            "content-length" => h.length = value.parse().ok(),
            "warc-target-uri" => h.uri = Some(value.trim_matches(['<', '>']).to_string()),
            "warc-date" => h.date = Some(value),
            "warc-record-id" => h.id = Some(value),
            _ => {}
        }
    }
    h
}

/// Splits an HTTP response into status, Content-Type and body (de-chunked).
fn split_http(block: &[u8]) -> Option<(u16, Option<String>, Vec<u8>)> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (hlen, sep) = match memchr::memmem::find(block, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => (memchr::memmem::find(block, b"\n\n")?, 2),
    };
    let head = String::from_utf8_lossy(&block[..hlen]);
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let mut chunked = false;
    for line in lines {
        if let Some((name, value)) = line.split_once(':') {
            match name.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = Some(value.trim().to_string()),
                "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
                _ => {}
            }
        }
    }
    let body = &block[hlen + sep..];
    let body = if chunked {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    Some((status, content_type, body))
}

/// Undoes HTTP chunked transfer encoding; `None` if the body is not validly chunked.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = memchr::memmem::find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..).unwrap_or(&[]);
    }
}

fn is_html_type(content_type: Option<&str>) -> bool {
    content_type.is_none_or(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("html")
    })
}

fn charset_of(content_type: Option<&str>) -> Option<&'static encoding_rs::Encoding> {
    let t = content_type?.to_ascii_lowercase();
    let (_, rest) = t.split_once("charset=")?;
    let label = rest.split(';').next()?.trim().trim_matches(['"', '\'']);
    encoding_rs::Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, para: &str) -> String {
        format!(
            "<html><head><title>{title}</title></head><body><div class=\"menu\"><a href=\"/\">Home</a></div>\
             <article><h1>{title}</h1><p>{}</p><p>{}</p></article></body></html>",
            para.repeat(3),
            para.repeat(2)
        )
    }

    fn record(kind: &str, id: &str, uri: &str, block: &[u8], length_delta: i64) -> Vec<u8> {
        let len = (block.len() as i64 + length_delta) as usize;
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {id}\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2021-03-25T10:00:00Z\r\nContent-Length: {len}\r\n\r\n"
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(html: &str, extra: &str) -> Vec<u8> {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}\r\n{html}")
            .into_bytes()
    }

    #[test]
    fn reads_responses_skips_others_and_survives_bad_length() {
        let para = "Foreign ministers of the alliance met in Brussels on Thursday to discuss cooperation. ";
        let mut warc = record("warcinfo", "<urn:uuid:0>", "", b"software: test\r\n", 0);
        warc.extend(record(
            "request",
            "<urn:uuid:1>",
            "http://a/1",
            b"GET /1 HTTP/1.1\r\n\r\n",
            0,
        ));
        warc.extend(record(
            "response",
            "<urn:uuid:2>",
            "http://a/1",
            &http(&page("First", para), ""),
            0,
        ));
        warc.extend(record(
            "response",
            "<urn:uuid:3>",
            "http://a/2",
            &http(&page("Broken", para), ""),
            -7,
        ));
        let img = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....";
        warc.extend(record("response", "<urn:uuid:4>", "http://a/i.png", img, 0));
        warc.extend(record(
            "response",
            "<urn:uuid:5>",
            "http://a/3",
            &http(&page("Third", para), ""),
            0,
        ));
        let items: Vec<ReadItem> = WarcReader::new("crawl.warc", warc, 1 << 20).collect();
        assert_eq!(items.len(), 3, "{items:?}");
        let d = items[0].as_ref().unwrap();
        assert_eq!(d.meta.format, "warc");
        assert_eq!(d.meta.record.as_deref(), Some("<urn:uuid:2>"));
        assert_eq!(d.meta.url.as_deref(), Some("http://a/1"));
        assert_eq!(d.meta.date.as_deref(), Some("2021-03-25"));
        assert!(d.text.starts_with("Foreign ministers"), "{}", d.text);
        assert!(!d.text.contains("HTTP/1.1"));
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Warc);
        assert!(
            e.to_string()
                .starts_with("crawl.warc: <urn:uuid:3>: Content-Length"),
            "{e}"
        );
        assert_eq!(
            items[2].as_ref().unwrap().meta.url.as_deref(),
            Some("http://a/3")
        );
    }

    #[test]
    fn chunked_payload_and_truncated_file() {
        let para =
            "The summit ended with a joint statement on trade, climate and security policy. ";
        let html = page("Chunked", para);
        let (a, b) = html.split_at(40);
        let chunked = format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len());
        let block = http(&chunked, "Transfer-Encoding: chunked\r\n");
        let mut warc = record("response", "<urn:uuid:9>", "http://c/1", &block, 0);
        let items: Vec<ReadItem> = WarcReader::new("c.warc", warc.clone(), 1 << 20).collect();
        assert!(items[0]
            .as_ref()
            .unwrap()
            .text
            .starts_with("The summit ended"));
        warc.truncate(warc.len() - 100);
        let items: Vec<ReadItem> = WarcReader::new("c.warc", warc, 1 << 20).collect();
        let e = items[0].as_ref().unwrap_err();
        assert!(e.message.contains("runs past the end of the file"), "{e}");
    }
}
