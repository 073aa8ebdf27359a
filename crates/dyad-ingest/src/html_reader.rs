//! HTML main-text extraction.
//!
//! Work in progress: baseline over rs-trafilatura.

use dyad_core::{DocMeta, Span};

use crate::decode::Decoded;
use crate::error::{ErrorKind, ReadError};
use crate::text_reader::parse_dateline;
use crate::ReadItem;

/// The main text and metadata of one HTML page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlExtract {
    /// The main text, paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub warnings: Vec<String>,
}

/// True if `s` (trimmed at the start) looks like an HTML document or fragment.
pub fn looks_like_html(s: &str) -> bool {
    let head: String = s
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let head = head.trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && [
                "<p>", "<p ", "<div", "<body", "<article", "<br", "<head", "<span",
            ]
            .iter()
            .any(|t| head.contains(t)))
}

/// Extracts the main text and metadata of an HTML page.
pub fn extract_html(html: &str, url: Option<&str>) -> HtmlExtract {
    let opts = rs_trafilatura::Options {
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    match rs_trafilatura::extract_with_options(html, &opts) {
        Ok(r) => HtmlExtract {
            text: r.content_text,
            title: r.metadata.title,
            date: r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string()),
            author: r.metadata.author,
            language: r.metadata.language,
            url: r.metadata.url,
            warnings: r.warnings,
        },
        Err(e) => HtmlExtract {
            warnings: vec![format!("extraction failed: {e}")],
            ..HtmlExtract::default()
        },
    }
}

/// Builds the document of an HTML input.
pub fn read_html(source: &str, bytes: &[u8], decoded: Decoded, url: Option<String>) -> ReadItem {
    let meta = DocMeta {
        format: "html".into(),
        url,
        ..DocMeta::new(source, bytes)
    };
    read_html_text(meta, decoded)
}

/// Extracts the document of decoded HTML, completing `meta` with what the page tells.
pub fn read_html_text(mut meta: DocMeta, decoded: Decoded) -> ReadItem {
    let x = extract_html(&decoded.text, meta.url.as_deref());
    if x.text.trim().is_empty() {
        return Err(ReadError::new(
            &meta.source,
            ErrorKind::Html,
            "no main text found in the HTML page",
        ));
    }
    meta.title = meta.title.or(x.title);
    meta.date = meta.date.or(x.date);
    meta.author = meta.author.or(x.author);
    meta.language = meta.language.or(x.language);
    meta.url = meta.url.or(x.url);
    let text = x.text;
    let lead = text.len() - text.trim_start().len();
    let mut start = lead;
    if let Some((place, agency, len)) = parse_dateline(&text[lead..]) {
        meta.dateline = Some(place);
        meta.agency = agency;
        start += len;
    }
    let mut warnings = decoded.warnings;
    warnings.extend(x.warnings);
    Ok(crate::RawDocument {
        meta,
        body: Span::new(start, text.trim_end().len().max(start)),
        text,
        warnings,
    })
}
