//! The HTML reader: main-text extraction and page metadata.
//!
//! The main text is chosen by `rs-trafilatura` (a port of trafilatura: page-type
//! classification, boilerplate removal, fallbacks), and this module shapes its output for
//! dyad, because measured on the article-extraction-benchmark its raw text falls short in
//! three ways that matter to a news pipeline:
//!
//! - paragraphs often run together (`...Biden.Morrison was...`): the text is cut into
//!   paragraphs at the block boundaries of the extractor's own HTML output and joined with a
//!   blank line, which the segmenter relies on;
//! - when a page's JSON-LD `articleBody` wins, it can be unparagraphed and repeated: the
//!   extraction is re-run without JSON-LD and the page text is kept if it is not much shorter;
//! - page furniture rides along (bylines, timestamps, `ADVERTISEMENT`, related-link boxes):
//!   [`crate::boilerplate`] drops such paragraphs by their shape.
//!
//! Metadata (title, publication date from meta tags, JSON-LD or `<time>`, author, language)
//! comes from the extractor; the canonical URL from `<link rel="canonical">` or `og:url`.
//! The page URL is not guessed from the canonical link for the extractor: measured, that
//! changed its page-type decisions for the worse.

use std::sync::LazyLock;

use dyad_core::{DocMeta, Span};
use regex::Regex;

use crate::boilerplate::clean_paragraphs;
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
    // every sign below opens with `<` after the leading blanks: plain text (nearly every
    // JSON Lines record) is told at once, without copying and lower-casing its head
    if !s.trim_start().starts_with('<') {
        return false;
    }
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

/// Extracts the main text and metadata of an HTML page. `url` is where the page came from,
/// if known (it helps the extractor classify the page).
pub fn extract_html(html: &str, url: Option<&str>) -> HtmlExtract {
    let opts = rs_trafilatura::Options {
        url: url.map(str::to_string),
        ..rs_trafilatura::Options::default()
    };
    let mut r = match guarded_extract(html, &opts) {
        Ok(r) => r,
        Err(e) => {
            return HtmlExtract {
                warnings: vec![format!("HTML extraction failed: {e}")],
                ..HtmlExtract::default()
            }
        }
    };
    if r.warnings
        .iter()
        .any(|w| w.starts_with("Using JSON-LD content"))
    {
        // JSON-LD `articleBody` is taken over the page when it is much longer, but it is often
        // unparagraphed and sometimes repeats itself; the page's own text is preferred when
        // it has a fair share of the length.
        let stripped = JSON_LD.replace_all(html, "");
        if let Ok(dom) = guarded_extract(&stripped, &opts) {
            if dom.content_text.len() * 5 >= r.content_text.len() {
                r.content_text = dom.content_text;
                r.content_html = dom.content_html;
            }
        }
    }
    let paras = segment(&r.content_text, r.content_html.as_deref().unwrap_or(""));
    let paras = clean_paragraphs(paras, r.metadata.title.as_deref());
    HtmlExtract {
        text: paras.join("\n\n"),
        title: r
            .metadata
            .title
            .map(|t| decode_char_refs(t.trim()))
            .filter(|t| !t.is_empty()),
        // The extractor normalises dates to UTC, which moves a late-evening local date to the
        // next day; the date as the page writes it wins when a standard field gives one.
        date: written_date(html)
            .or_else(|| r.metadata.date.map(|d| d.format("%Y-%m-%d").to_string())),
        author: r
            .metadata
            .author
            .map(|a| decode_char_refs(a.trim()))
            .filter(|a| !a.is_empty()),
        language: r.metadata.language.filter(|l| !l.trim().is_empty()),
        url: canonical_url(html).or(r.metadata.url),
        warnings: Vec::new(),
    }
}

/// Named character references seen in page titles and bylines; others stay as written.
const NAMED_REFS: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("hellip", '\u{2026}'),
    ("pound", '\u{A3}'),
    ("euro", '\u{20AC}'),
    ("copy", '\u{A9}'),
];

/// Decodes the character references (`&#39;`, `&#x27;`, `&amp;`) the extractor leaves in
/// some metadata fields (titles taken from `og:title` attributes, JSON-LD). Lenient like a
/// browser: a bare `&` ("PG&E") or an unknown or invalid reference stays as written, and a
/// non-breaking space becomes a plain one.
pub fn decode_char_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // The name runs to a `;` within 10 bytes (`;` is ASCII: slicing there is safe).
        let decoded = rest.as_bytes()[1..]
            .iter()
            .take(11)
            .position(|&b| b == b';')
            .map(|semi| &rest[1..1 + semi])
            .and_then(|name| {
                let c = if let Some(num) = name.strip_prefix('#') {
                    match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    }
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0')
                    .map(|c| if c == '\u{A0}' { ' ' } else { c })
                } else {
                    NAMED_REFS.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
                };
                c.map(|c| (c, name.len() + 2))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Runs the extractor, turning a panic inside it into an error: a corpus reader must survive
/// whatever HTML the web holds, and the extractor is a large third-party parser.
fn guarded_extract(
    html: &str,
    opts: &rs_trafilatura::Options,
) -> Result<rs_trafilatura::ExtractResult, String> {
    let run = std::panic::AssertUnwindSafe(|| rs_trafilatura::extract_with_options(html, opts));
    match std::panic::catch_unwind(run) {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the extractor crashed on this page".to_string()),
    }
}

static JSON_LD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?is)<script[^>]*application/ld\+json[^>]*>.*?</script>").expect("valid regex")
});

/// The extracted text, cut into paragraphs at its own line breaks and where the extracted
/// HTML has block boundaries. Only boundaries are taken from the HTML, never text, so the
/// content stays what the extractor chose.
fn segment(text: &str, html: &str) -> Vec<String> {
    let norm = normalize_paragraphs(text);
    let mut flat = String::with_capacity(norm.len());
    let mut breaks = vec![0];
    for p in norm.split("\n\n") {
        if !flat.is_empty() {
            flat.push(' ');
            breaks.push(flat.len());
        }
        flat.push_str(p);
    }
    let mut cursor = 0;
    if !html.is_empty() {
        for p in html_to_paragraphs(html).split("\n\n") {
            if p.len() < 2 {
                continue;
            }
            if let Some(i) = flat[cursor..].find(p) {
                breaks.push(cursor + i);
                breaks.push(cursor + i + p.len());
                cursor += i + p.len();
            }
        }
    }
    breaks.push(flat.len());
    breaks.sort_unstable();
    breaks.dedup();
    breaks
        .windows(2)
        .map(|w| flat[w[0]..w[1]].trim())
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// The publication date as written in `datePublished` (JSON-LD, microdata) or
/// `article:published_time`, as ISO `yyyy-mm-dd`.
fn written_date(html: &str) -> Option<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?i)(?:"datePublished"\s*:\s*"|itemprop=["']datePublished["'][^>]*?(?:content|datetime)=["']|property=["']article:published_time["'][^>]*?content=["'])(\d{4}-\d{2}-\d{2})"#,
        )
        .expect("valid regex")
    });
    let head = &html[..floor_char_boundary(html, 300_000)];
    RE.captures(head).map(|c| c[1].to_string())
}

/// The page's canonical URL: `<link rel="canonical">` or `og:url`.
pub fn canonical_url(html: &str) -> Option<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?is)<link\s[^>]*rel=["']?canonical["']?[^>]*>|<meta\s[^>]*property=["']og:url["'][^>]*>"#).expect("valid regex")
    });
    static HREF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?is)\b(?:href|content)\s*=\s*["']([^"']+)["']"#).expect("valid regex")
    });
    let head = &html[..floor_char_boundary(html, 200_000)];
    RE.find_iter(head)
        .filter_map(|m| HREF.captures(m.as_str()).map(|c| c[1].trim().to_string()))
        .find(|u| u.starts_with("http://") || u.starts_with("https://"))
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Collapses white space in each line, drops empty lines, and separates the remaining lines
/// (the extractor's blocks) by a blank line.
fn normalize_paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for w in line.split_whitespace() {
            if first {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "html",
    "center",
];

/// The text of an HTML fragment, one paragraph per block element, separated by blank lines.
fn html_to_paragraphs(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    walk(&doc.root(), &mut cur, &mut paras);
    flush(&mut cur, &mut paras);
    paras.join("\n\n")
}

fn flush(cur: &mut String, paras: &mut Vec<String>) {
    let p = cur.split_whitespace().collect::<Vec<_>>().join(" ");
    if !p.is_empty() {
        paras.push(p);
    }
    cur.clear();
}

fn walk(node: &dom_query::NodeRef<'_>, cur: &mut String, paras: &mut Vec<String>) {
    for child in node.children_it(false) {
        if child.is_text() {
            cur.push_str(&child.text());
        } else if child.is_element() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            match name.as_str() {
                "script" | "style" | "noscript" | "template" => {}
                "br" => cur.push('\n'),
                n if BLOCK_TAGS.contains(&n) => {
                    flush(cur, paras);
                    walk(&child, cur, paras);
                    flush(cur, paras);
                }
                _ => walk(&child, cur, paras),
            }
        }
    }
}

/// Builds the document of an HTML input.
/// Pages whose container elements nest deeper than this are refused: real pages stay far below
/// it, and the extractor's time grows with the square of the depth (10,000 levels: 27 s).
pub const MAX_HTML_DEPTH: usize = 1000;

/// Container elements whose end tag HTML requires: left open, they nest in the parsed tree,
/// so counting them bounds the depth of the tree the extractor will walk.
const CONTAINERS: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "div",
    "footer",
    "header",
    "main",
    "nav",
    "section",
    "span",
    "table",
];

/// Refuses a page whose container elements nest deeper than [`MAX_HTML_DEPTH`].
pub fn check_depth(source: &str, record: Option<&str>, html: &str) -> Result<(), ReadError> {
    let depth = container_depth(html);
    if depth <= MAX_HTML_DEPTH {
        return Ok(());
    }
    let message = format!(
        "HTML elements nested {depth} deep, beyond the limit of {MAX_HTML_DEPTH}; \
         the page is skipped (extraction time grows with the square of the depth)"
    );
    Err(match record {
        Some(r) => ReadError::at(source, r, ErrorKind::Html, message),
        None => ReadError::new(source, ErrorKind::Html, message),
    })
}

/// The deepest nesting of container elements in `html`, by a linear scan of its tags
/// (comments, scripts and styles skipped).
pub fn container_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = match memchr::memmem::find(&b[i..], b"-->") {
                Some(e) => i + e + 3,
                None => return max,
            };
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let end = b[start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(b.len(), |p| start + p);
        let name = html[start..end].to_ascii_lowercase();
        if !closing && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let rest = html[end..].to_ascii_lowercase();
            i = match rest.find(&close) {
                Some(e) => end + e + close.len(),
                None => return max,
            };
            continue;
        }
        if CONTAINERS.contains(&name.as_str()) {
            let tag_end = memchr::memchr(b'>', &b[end..]).map_or(b.len(), |p| end + p);
            let self_closing = tag_end > 0 && b.get(tag_end - 1) == Some(&b'/');
            if closing {
                depth = depth.saturating_sub(1);
            } else if !self_closing {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end;
    }
    max
}

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
    check_depth(&meta.source, None, &decoded.text)?;
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

#[cfg(test)]
mod tests {
    #[test]
    fn character_references_in_metadata_are_decoded_leniently() {
        use super::decode_char_refs as d;
        assert_eq!(
            d("Why you can&#39;t trust Trump&#039;s &quot;health&quot;"),
            "Why you can't trust Trump's \"health\""
        );
        assert_eq!(
            d("&#163;71.6m &#x2014; win this&nbsp;game"),
            "\u{a3}71.6m \u{2014} win this game"
        );
        assert_eq!(d("PG&E &amp; AT&T"), "PG&E & AT&T");
        for raw in [
            "&bogus; &#xZZ; &#0; &#99999999; & &",
            "&",
            "&#",
            "a&;b",
            "x&#1114112;",
        ] {
            assert_eq!(d(raw), raw);
        }
        assert_eq!(d("caf\u{e9}&eacute"), "caf\u{e9}&eacute");
        assert_eq!(
            d("&amp;\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"),
            "&\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}"
        );
        assert_eq!(
            d("&\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9};"),
            "&\u{e9}\u{e9}\u{e9}\u{e9}\u{e9}\u{e9};"
        );
    }

    #[test]
    fn container_depth_counts_open_containers() {
        use super::container_depth;
        assert_eq!(container_depth("<div><p>a</p><div>b</div></div>"), 2);
        assert_eq!(container_depth("<DIV><Span>x</span></DIV><div/>"), 2);
        assert_eq!(
            container_depth("<!-- <div><div><div> --><script>'<div><div>'</script><div>"),
            1
        );
        assert_eq!(container_depth("<p><p><p><li><li>"), 0);
        assert_eq!(container_depth("<div"), 1);
        assert_eq!(container_depth("<!-- never closed <div>"), 0);
    }

    /// Regression: a page of 100,000 nested <div>s kept the extractor busy for hours.
    #[test]
    fn deeply_nested_page_is_refused_quickly() {
        let html = format!(
            "<html><body>{}text{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let meta = DocMeta::new("deep.html", html.as_bytes());
        let decoded = crate::decode::decode_text(html.as_bytes(), true);
        let err = super::read_html_text(meta, decoded).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Html);
        assert!(err.message.contains("nested 100000 deep"), "{err}");
    }

    use super::*;

    const PARA1: &str =
        "The foreign ministers of the alliance met in Brussels on Thursday and agreed to \
        deepen their cooperation on climate, trade and security in the coming year.";
    const PARA2: &str =
        "Officials said the talks had been frank and that a joint statement would follow \
        later in the week, after consultations with the member governments.";

    fn page() -> String {
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <title>Ministers agree to deepen cooperation - Example News</title>
            <meta property="og:title" content="Ministers agree to deepen cooperation">
            <meta property="article:published_time" content="2021-03-25T09:30:00Z">
            <meta name="author" content="Jane Doe">
            <link rel="canonical" href="https://news.example.com/world/ministers-agree">
            </head><body>
            <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/contact">Contact</a></li></ul></nav>
            <article><h1>Ministers agree to deepen cooperation</h1>
            <p>{PARA1} {PARA1}</p><p>ADVERTISEMENT</p><p>{PARA2} {PARA2}</p><p>{PARA1}</p></article>
            <footer><p>Copyright 2021 Example News. All rights reserved.</p></footer>
            </body></html>"#
        )
    }

    #[test]
    fn extracts_text_in_paragraphs_and_metadata() {
        let x = extract_html(&page(), None);
        let paras: Vec<&str> = x.text.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{}", x.text);
        assert!(paras[0].starts_with("The foreign ministers"));
        assert!(paras[1].starts_with("Officials said"));
        assert!(!x.text.contains("ADVERTISEMENT"));
        assert!(!x.text.contains("Contact"));
        assert!(!x.text.contains("Copyright"));
        assert_eq!(x.date.as_deref(), Some("2021-03-25"));
        assert_eq!(x.author.as_deref(), Some("Jane Doe"));
        assert_eq!(x.language.as_deref(), Some("en"));
        assert_eq!(
            x.url.as_deref(),
            Some("https://news.example.com/world/ministers-agree")
        );
        assert!(x.title.as_deref().unwrap_or("").contains("Ministers agree"));
    }

    #[test]
    fn run_together_paragraphs_are_split_at_html_blocks() {
        let text = "First paragraph ends here.Second paragraph follows.\nThird line.";
        let html = "<div><p>First paragraph ends here.</p><p>Second paragraph follows.</p></div><p>Third line.</p>";
        assert_eq!(
            segment(text, html),
            vec![
                "First paragraph ends here.",
                "Second paragraph follows.",
                "Third line."
            ]
        );
        assert_eq!(
            segment("One.\n\n  \nTwo  words.", ""),
            vec!["One.", "Two words."]
        );
    }

    #[test]
    fn html_is_recognised() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("<div class=\"a\"><p>text</p></div>"));
        assert!(!looks_like_html(
            "BRUSSELS (Reuters) - <b> is rare in news text"
        ));
        assert!(!looks_like_html("<3 plain text"));
        // leading blanks, upper case
        assert!(looks_like_html(" \n\u{a0}\t<HTML><body>x</body></HTML>"));
        assert!(!looks_like_html("Said <div> once"));
    }

    #[test]
    fn read_html_builds_a_document_or_an_error() {
        let html = page();
        let decoded = Decoded {
            text: html.clone(),
            encoding: "UTF-8",
            warnings: vec![],
        };
        let d = read_html("p.html", html.as_bytes(), decoded, None).unwrap();
        assert_eq!(d.meta.format, "html");
        assert_eq!(d.meta.id, dyad_core::content_id(html.as_bytes()));
        assert_eq!(d.body_text(), d.text.trim());
        let empty = Decoded {
            text: "<html><body></body></html>".into(),
            encoding: "UTF-8",
            warnings: vec![],
        };
        let e = read_html("e.html", b"", empty, None).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Html);
        assert_eq!(e.to_string(), "e.html: no main text found in the HTML page");
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;

    fn article(head: &str, before: &str) -> String {
        let p = "The parliament approved the budget after a long debate that lasted well into the night, \
                 with the opposition voting against every amendment proposed by the government.";
        format!(
            "<html><head>{head}<title>Budget approved</title></head><body><article>{before}\
             <p>{p} {p}</p><p>{p}</p><p>{p} {p}</p></article></body></html>"
        )
    }

    #[test]
    fn date_from_json_ld() {
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Budget approved","datePublished":"2020-02-11T08:00:00+01:00","author":{"@type":"Person","name":"Ana Lima"}}</script>"#;
        let x = extract_html(&article(ld, ""), None);
        assert_eq!(x.date.as_deref(), Some("2020-02-11"));
        assert_eq!(x.author.as_deref(), Some("Ana Lima"));
    }

    #[test]
    fn local_date_is_kept_over_utc() {
        let meta =
            r#"<meta property="article:published_time" content="2021-03-25T00:30:00+01:00">"#;
        let x = extract_html(&article(meta, ""), None);
        assert_eq!(x.date.as_deref(), Some("2021-03-25"));
    }

    #[test]
    fn date_from_time_element() {
        let x = extract_html(
            &article("", r#"<time datetime="2019-11-20T10:00:00Z">Nov 20</time>"#),
            None,
        );
        assert_eq!(x.date.as_deref(), Some("2019-11-20"));
    }
}
