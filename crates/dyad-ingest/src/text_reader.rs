//! The plain-text reader and the recognition of a news header.
//!
//! Scraped news text often starts with a header before the article: a date line (the
//! devdiscourse pages give ` date 2021-03-25 Left Menu`, a date followed by navigation
//! residue), a headline (a short line without final period, then a blank line), sometimes a
//! byline, and the body may open with a dateline such as `BRUSSELS (Reuters) -` or
//! `WASHINGTON, March 3 (AP) —`. These are metadata, not sentences: the reader records them in
//! [`DocMeta`] and sets [`RawDocument::body`] after them, so the cleaner and everything after it
//! only see the article. The text itself is kept whole, so offsets still point into the input.
//!
//! Recognition is deliberately conservative: a headline needs a blank line after it and a
//! body after that, a date line needs a keyword (`date`, `published`, ...) or to hold nothing
//! but a date, and a dateline needs an upper-case place and an agency or a dash. What is not
//! recognised stays in the body, where it costs less than a lost first paragraph.

use std::sync::LazyLock;

use dyad_core::{DocMeta, Span};
use regex::Regex;

use crate::decode::Decoded;
use crate::RawDocument;

/// What the header of a text told about the article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// ISO `yyyy-mm-dd`.
    pub date: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The dateline's place, e.g. `BRUSSELS` or `KYIV, Ukraine`.
    pub dateline: Option<String>,
    pub agency: Option<String>,
    /// Byte offset where the body starts (after the header and the dateline).
    pub body_start: usize,
}

const MONTHS: &str = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";

static DATE_KEYWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?)\s*:?\s+(.*)$")
        .expect("valid regex")
});

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
        .expect("valid regex")
});

static DMY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Z][a-z]+,?\s+)?(\d{{1,2}})\s+({MONTHS})\.?,?\s+(\d{{4}})"
    ))
    .expect("valid regex")
});

static MDY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Z][a-z]+,?\s+)?({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    ))
    .expect("valid regex")
});

/// A dateline with an upper-case place: `BRUSSELS (Reuters) -`, `WASHINGTON, March 3 (AP) —`,
/// `KYIV, Ukraine (AP) —`, `BRUSSELS -`.
static DATELINE_CAPS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>[A-Z][A-Z'.\-]*[A-Z.](?: [A-Z][A-Z'.\-]*)*)(?:, (?P<region>(?:[A-Z][a-z]+\.?|[A-Z]\.[A-Z]\.)(?: [A-Z][a-z]+\.?){{0,2}}))?(?:,? (?:{MONTHS})\.? \d{{1,2}})?(?: ?\((?P<agency>[A-Z][^()\n]{{0,39}})\))? *(?:--|-|–|—) *"
    ))
    .expect("valid regex")
});

/// A dateline with a title-case place, which needs an agency: `Washington (CNN) -`.
static DATELINE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<place>[A-Z][a-z'.\-]+(?: [A-Z][a-z'.\-]+){{0,2}})(?:, (?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?){{0,2}}))?(?:,? (?:{MONTHS})\.? \d{{1,2}})? ?\((?P<agency>[A-Z][^()\n]{{0,39}})\) *(?:(?:--|-|–|—) *)?"
    ))
    .expect("valid regex")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^By:? ([A-Z][\w.'\-]*(?: (?:[A-Z][\w.'\-]*|and|&|de|van|von))*)\s*$")
        .expect("valid regex")
});

fn month_number(name: &str) -> Option<u32> {
    let m = name.get(..3)?.to_ascii_lowercase();
    let i = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|x| *x == m)?;
    Some(i as u32 + 1)
}

fn iso(year: &str, month: u32, day: &str) -> Option<String> {
    let y: u32 = year.parse().ok()?;
    let d: u32 = day.parse().ok()?;
    ((1800..=2200).contains(&y) && (1..=12).contains(&month) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{month:02}-{d:02}"))
}

/// The ISO date at the start of `s` (`2021-03-25`, `25 March 2021`, `March 25, 2021`), and
/// the length of the date text.
pub fn date_prefix(s: &str) -> Option<(String, usize)> {
    if let Some(c) = ISO_DATE.captures(s) {
        let month: u32 = c[2].parse().ok()?;
        return Some((iso(&c[1], month, &c[3])?, c[0].len()));
    }
    if let Some(c) = DMY_DATE.captures(s) {
        return Some((iso(&c[3], month_number(&c[2])?, &c[1])?, c[0].len()));
    }
    if let Some(c) = MDY_DATE.captures(s) {
        return Some((iso(&c[3], month_number(&c[1])?, &c[2])?, c[0].len()));
    }
    None
}

/// The date of a header line: after a keyword (anything may follow the date), or a line that
/// is only a date.
fn date_line(line: &str) -> Option<String> {
    if let Some(c) = DATE_KEYWORD.captures(line) {
        return date_prefix(c.get(1)?.as_str()).map(|(d, _)| d);
    }
    let t = line.trim();
    let (d, len) = date_prefix(t)?;
    t[len..]
        .trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '-' || c == ',')
        .is_empty()
        .then_some(d)
}

fn is_headline(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let first = t.chars().next();
    (2..=30).contains(&words)
        && t.len() <= 250
        && first.is_some_and(|c| c.is_uppercase() || c.is_numeric() || "\"'‘“".contains(c))
        && !t.ends_with(['.', ',', ';', ':'])
        && date_line(t).is_none()
}

/// A dateline at the start of `s`: (place, agency, length of the dateline with the spaces
/// after it).
pub fn parse_dateline(s: &str) -> Option<(String, Option<String>, usize)> {
    let c = DATELINE_CAPS
        .captures(s)
        .filter(|c| {
            c.name("agency").is_some()
                || c["place"].chars().filter(|ch| ch.is_alphabetic()).count() >= 3
        })
        .or_else(|| DATELINE_AGENCY.captures(s))?;
    let agency = c.name("agency").map(|a| a.as_str().trim().to_string());
    if let Some(a) = &agency {
        if a.split_whitespace().count() > 5 || a.chars().any(|ch| ch.is_ascii_digit()) {
            return None;
        }
    }
    // What follows a dateline is a sentence: it starts with a letter, digit or quote.
    let rest = &s[c[0].len()..];
    if !rest
        .chars()
        .next()
        .is_some_and(|ch| ch.is_alphanumeric() || "\"'‘“".contains(ch))
    {
        return None;
    }
    let place = match c.name("region") {
        Some(r) => format!("{}, {}", &c["place"], r.as_str()),
        None => c["place"].to_string(),
    };
    Some((place, agency, c[0].len()))
}

/// Lines of `text` as (start, end) byte offsets, without their line break.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Recognises the header of a news text: date line, headline, byline and dateline.
pub fn parse_header(text: &str) -> Header {
    let ls = lines(text);
    let line = |i: usize| ls.get(i).map_or("", |&(s, e)| &text[s..e]);
    let blank = |i: usize| line(i).trim().is_empty();
    let next_nonblank = |mut i: usize| {
        while i < ls.len() && blank(i) {
            i += 1;
        }
        i
    };
    let mut h = Header::default();
    let mut i = next_nonblank(0);
    if i < ls.len() {
        if let Some(d) = date_line(line(i)) {
            h.date = Some(d);
            i = next_nonblank(i + 1);
        }
    }
    if i + 1 < ls.len() && is_headline(line(i)) && blank(i + 1) && next_nonblank(i + 1) < ls.len() {
        h.title = Some(line(i).trim().to_string());
        i = next_nonblank(i + 1);
        if let Some(c) = BYLINE.captures(line(i).trim()) {
            if next_nonblank(i + 1) < ls.len() {
                h.author = Some(c[1].to_string());
                i = next_nonblank(i + 1);
            }
        }
        if h.date.is_none() && i < ls.len() {
            if let Some(d) = date_line(line(i)) {
                h.date = Some(d);
                i = next_nonblank(i + 1);
            }
        }
    }
    h.body_start = ls.get(i).map_or(text.len(), |&(s, _)| s);
    let body = &text[h.body_start..];
    let lead = body.len() - body.trim_start().len();
    if let Some((place, agency, len)) = parse_dateline(&body[lead..]) {
        h.dateline = Some(place);
        h.agency = agency;
        h.body_start += lead + len;
    }
    h
}

/// Builds the document of a plain-text input from its decompressed bytes and decoded text.
pub fn read_text(source: &str, bytes: &[u8], decoded: Decoded) -> RawDocument {
    let text = decoded.text;
    let h = parse_header(&text);
    let end = text.trim_end().len().max(h.body_start);
    let meta = DocMeta {
        format: "text".into(),
        title: h.title,
        date: h.date,
        author: h.author,
        dateline: h.dateline,
        agency: h.agency,
        ..DocMeta::new(source, bytes)
    };
    RawDocument {
        meta,
        body: Span::new(h.body_start, end),
        text,
        warnings: decoded.warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLINKEN: &str = include_str!("../../../samples/devdiscourse-2021-03-25-blinken.txt");

    #[test]
    fn blinken_sample_header() {
        let h = parse_header(BLINKEN);
        assert_eq!(h.date.as_deref(), Some("2021-03-25"));
        assert_eq!(
            h.title.as_deref(),
            Some("U.S.'s Blinken says West needs to cooperate more than ever")
        );
        assert!(BLINKEN[h.body_start..].starts_with("He later told U.S. diplomats in Brussels"));
        assert_eq!(h.dateline, None);
    }

    #[test]
    fn datelines_are_recognised() {
        let (p, a, n) = parse_dateline("BRUSSELS (Reuters) - Blinken said").unwrap();
        assert_eq!(
            (p.as_str(), a.as_deref(), n),
            ("BRUSSELS", Some("Reuters"), 21)
        );
        let s = "WASHINGTON, March 3 (AP) — The Senate voted";
        let (p, a, n) = parse_dateline(s).unwrap();
        assert_eq!((p.as_str(), a.as_deref()), ("WASHINGTON", Some("AP")));
        assert_eq!(&s[n..], "The Senate voted");
        let (p, a, _) = parse_dateline("KYIV, Ukraine (AP) — Russia said").unwrap();
        assert_eq!((p.as_str(), a.as_deref()), ("KYIV, Ukraine", Some("AP")));
        let (p, a, _) = parse_dateline("Washington (CNN) President Biden said").unwrap();
        assert_eq!((p.as_str(), a.as_deref()), ("Washington", Some("CNN")));
        assert_eq!(
            parse_dateline("NEW YORK - Stocks fell").unwrap().0,
            "NEW YORK"
        );
        assert!(parse_dateline("The U.S. - China talks").is_none());
        assert!(parse_dateline("NATO allies met").is_none());
        assert!(parse_dateline("US - China").is_none());
    }

    #[test]
    fn header_with_byline_and_dateline() {
        let text = "Senate passes relief bill\n\nBy Jane Doe\n\nWASHINGTON, March 6 (AP) — The Senate passed the bill.\n";
        let h = parse_header(text);
        assert_eq!(h.title.as_deref(), Some("Senate passes relief bill"));
        assert_eq!(h.author.as_deref(), Some("Jane Doe"));
        assert_eq!(h.dateline.as_deref(), Some("WASHINGTON"));
        assert_eq!(&text[h.body_start..], "The Senate passed the bill.\n");
    }

    #[test]
    fn plain_paragraphs_are_not_a_header() {
        let text = "The minister spoke on Monday.\n\nShe said more.\n";
        let h = parse_header(text);
        assert_eq!(h, Header::default());
        // A single short line with nothing after it is the body, not a headline.
        assert_eq!(parse_header("Talks resume\n").title, None);
    }

    #[test]
    fn date_forms() {
        assert_eq!(
            date_line(" date 2021-03-25 Left Menu").as_deref(),
            Some("2021-03-25")
        );
        assert_eq!(
            date_line("Published: March 3, 2021").as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(date_line("25 March 2021").as_deref(), Some("2021-03-25"));
        assert_eq!(date_line("2021-13-40"), None);
        assert_eq!(date_line("March 3, 2021 was a day of talks"), None);
    }

    #[test]
    fn read_text_sets_meta_and_body() {
        let d = read_text(
            "b.txt",
            BLINKEN.as_bytes(),
            Decoded {
                text: BLINKEN.to_string(),
                encoding: "UTF-8",
                warnings: vec![],
            },
        );
        assert_eq!(d.meta.format, "text");
        assert_eq!(d.meta.id, dyad_core::content_id(BLINKEN.as_bytes()));
        assert_eq!(d.meta.date.as_deref(), Some("2021-03-25"));
        assert!(d.body_text().starts_with("He later told"));
        assert!(d.body.is_valid_in(&d.text));
        assert_eq!(d.body.end, BLINKEN.trim_end().len());
    }
}
