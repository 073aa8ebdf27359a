//! The cleaner: from the body of a decoded page or file to the text every later stage reads.
//!
//! It works on lines and paragraphs (blocks of lines between blank lines), because that is
//! the grain at which web and wire text carries its noise:
//!
//! 1. **Boilerplate lines** are dropped by conservative rules (see [`boilerplate`]): short
//!    lines made of navigation (`Left Menu`, `Skip to content`), share/cookie/subscribe
//!    prompts, `Advertisement`, `Read more`, `Related:` link lists, copyright and credit
//!    lines. A rule only fires on short lines, so a real sentence that happens to mention a
//!    newsletter survives.
//! 2. **Repeated paragraphs** are dropped: pages often print the lead twice, once as a teaser
//!    stitched from sentences of the body. A paragraph goes if all of its sentences occur in
//!    other paragraphs that stay; the shortest paragraphs are tested first and, among equals,
//!    the later one, so an exact duplicate keeps its first occurrence and no sentence is ever
//!    lost.
//! 3. **Characters** are normalised (NFC, spaces, odd dash and quote variants; see
//!    [`crate::normalize`]).
//!
//! Paragraphs are joined by exactly `"\n\n"`; the lines of a paragraph keep their single
//! `"\n"` (trimmed at both ends), because a line break inside a block is often meaningful
//! (a dateline, a list) and the segmenter reads it as a space anyway. Every byte written maps
//! back to the input through the offset map; the newlines map to real newlines of the input.

use std::collections::HashMap;

use dyad_core::{OffsetMap, OffsetMapBuilder, Span};

use crate::normalize::{is_blank, normalize_into};
use crate::tokenizer::Piece;
use crate::{segmenter, tokenizer};

/// The cleaned text, its map back to the input, and what was dropped and why.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    pub offsets: OffsetMap,
    /// Input spans that were removed, with the reason (`boilerplate: navigation`, ...).
    pub dropped: Vec<(Span, String)>,
}

struct Line {
    start: usize,
    end: usize,
}

struct Paragraph {
    lines: Vec<Line>,
    text: String,
    map: OffsetMap,
}

/// Cleans `input[body]`. A body span out of bounds or off char boundaries is clamped to the
/// text and moved to the nearest boundaries inside it.
pub fn clean(input: &str, body: Span) -> Cleaned {
    clean_tokenized(input, body, &mut Vec::new())
}

/// [`clean`], also leaving in `pieces` (replacing what it held) the words of the cleaned
/// text, as [`tokenizer::tokenize`] of `Cleaned::text` gives them: the cleaner tokenizes
/// each paragraph to find repeated sentences, and a paragraph's words are the same within
/// the joined text, because the tokenizer works on whitespace-free chunks and paragraphs
/// are joined by newlines (its look-around past a chunk reads only spaces, tabs and line
/// starts, which a paragraph's edge and the newlines around it answer alike). So the text
/// stage tokenizes once.
pub fn clean_tokenized(input: &str, body: Span, pieces: &mut Vec<Piece>) -> Cleaned {
    pieces.clear();
    let (start, end) = clamp(input, body);
    let mut dropped = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    let mut pos = start;
    while pos <= end {
        let nl = input[pos..end].find('\n').map_or(end, |n| pos + n);
        let (s, e) = trim(input, pos, nl);
        if s == e {
            if !current.is_empty() {
                paragraphs.push(build(input, std::mem::take(&mut current)));
            }
        } else if let Some(reason) = boilerplate(&input[s..e]) {
            dropped.push((Span::new(s, e), format!("boilerplate: {reason}")));
        } else {
            current.push(Line { start: s, end: e });
        }
        pos = nl + 1;
    }
    if !current.is_empty() {
        paragraphs.push(build(input, current));
    }
    // each paragraph's words, `words[at[i]..at[i + 1]]` for paragraph i; a lone paragraph
    // (which the repeat search cannot drop) is the text: its words go to `pieces` directly
    let mut words: Vec<Piece> = Vec::new();
    let mut at: Vec<usize> = Vec::with_capacity(paragraphs.len() + 1);
    let keep = if let [p] = &paragraphs[..] {
        tokenizer::tokenize_into(&p.text, pieces);
        vec![true]
    } else {
        words.reserve((end - start) / 5 + 1);
        at.push(0);
        for p in &paragraphs {
            tokenizer::tokenize_into(&p.text, &mut words);
            at.push(words.len());
        }
        dedup(&paragraphs, &words, &at, &mut dropped)
    };
    dropped.sort_by_key(|d| d.0);

    let mut text = String::new();
    let mut map = OffsetMapBuilder::default();
    let mut prev_end: Option<usize> = None;
    for (i, p) in paragraphs.iter().enumerate().filter(|&(i, _)| keep[i]) {
        if p.text.is_empty() {
            continue;
        }
        if let Some(pe) = prev_end {
            newlines(input, pe, 2, &mut text, &mut map);
        }
        if let Some(range) = at.get(i..i + 2) {
            let shift = text.len();
            pieces.extend(words[range[0]..range[1]].iter().map(|w| Piece {
                span: Span::new(w.span.start + shift, w.span.end + shift),
                joined: w.joined,
            }));
        }
        text.push_str(&p.text);
        for s in p.map.segments() {
            map.replace(s.orig_start, s.orig_len, s.clean_len);
        }
        prev_end = p.lines.last().map(|l| l.end);
    }
    Cleaned {
        text,
        offsets: map.finish(),
        dropped,
    }
}

fn clamp(input: &str, body: Span) -> (usize, usize) {
    let mut s = body.start.min(input.len());
    let mut e = body.end.clamp(s, input.len());
    while !input.is_char_boundary(s) {
        s += 1;
    }
    while !input.is_char_boundary(e) {
        e -= 1;
    }
    (s, e.max(s))
}

fn trim(input: &str, s: usize, e: usize) -> (usize, usize) {
    let line = &input[s..e];
    let t = line.trim_start_matches(is_blank);
    let s2 = s + (line.len() - t.len());
    let t = t.trim_end_matches(is_blank);
    (s2, s2 + t.len())
}

/// Writes `n` newlines mapped to the first `n` newline bytes of the input after `from`.
fn newlines(input: &str, from: usize, n: usize, text: &mut String, map: &mut OffsetMapBuilder) {
    let mut pos = from;
    for _ in 0..n {
        match input[pos..].find('\n') {
            Some(k) => {
                map.copy(pos + k, 1);
                pos += k + 1;
            }
            None => map.replace(pos, 0, 1),
        }
        text.push('\n');
    }
}

fn build(input: &str, lines: Vec<Line>) -> Paragraph {
    let mut text = String::new();
    let mut b = OffsetMapBuilder::default();
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            newlines(input, lines[i - 1].end, 1, &mut text, &mut b);
        }
        normalize_into(input, l.start, l.end, &mut text, &mut b);
    }
    Paragraph {
        lines,
        text,
        map: b.finish(),
    }
}

/// A comparison key: a 64-bit FNV-1a hash of the lower-cased alphanumeric words (so case,
/// spacing and punctuation do not matter), and the number of alphanumeric chars hashed.
/// Hashing instead of building key strings keeps the cleaner free of per-sentence
/// allocations; a 64-bit collision between two paragraphs of one page is not a concern.
fn key(s: &str) -> (u64, usize) {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut n = 0;
    let mut gap = false;
    let eat = |b: u8, h: &mut u64| {
        *h ^= u64::from(b);
        *h = h.wrapping_mul(PRIME);
    };
    for c in s.chars() {
        if !c.is_alphanumeric() {
            gap = n > 0;
            continue;
        }
        if gap {
            eat(b' ', &mut h);
            gap = false;
        }
        n += 1;
        if c.is_ascii() {
            eat(c.to_ascii_lowercase() as u8, &mut h);
        } else {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    eat(b, &mut h);
                }
            }
        }
    }
    (h, n)
}

/// Minimum number of alphanumeric chars of a paragraph that may be dropped as a repeat:
/// short lines such as `Yes.` may well be said twice.
const MIN_REPEAT_CHARS: usize = 20;

/// Which paragraphs stay; `words[at[i]..at[i + 1]]` are paragraph i's words.
fn dedup(
    paragraphs: &[Paragraph],
    words: &[Piece],
    at: &[usize],
    dropped: &mut Vec<(Span, String)>,
) -> Vec<bool> {
    // a paragraph goes only when all its sentences stand in other paragraphs too
    if paragraphs.len() < 2 {
        return vec![true; paragraphs.len()];
    }
    let sets: Vec<Vec<u64>> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let pieces = &words[at[i]..at[i + 1]];
            let mut keys: Vec<u64> =
                segmenter::sentence_spans(pieces, &segmenter::segment(&p.text, pieces))
                    .iter()
                    .map(|s| key(s.get(&p.text).unwrap_or("")))
                    .filter(|k| k.1 > 0)
                    .map(|k| k.0)
                    .collect();
            keys.sort_unstable();
            keys.dedup();
            keys
        })
        .collect();
    let whole: Vec<(u64, usize)> = paragraphs.iter().map(|p| key(&p.text)).collect();
    let mut count: HashMap<u64, usize> = HashMap::new();
    for set in &sets {
        for k in set {
            *count.entry(*k).or_default() += 1;
        }
    }
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    order.sort_by_key(|&i| (sets[i].len(), std::cmp::Reverse(i)));
    let mut kept_whole: HashMap<u64, usize> = HashMap::new();
    for w in &whole {
        *kept_whole.entry(w.0).or_default() += 1;
    }
    let mut keep = vec![true; paragraphs.len()];
    for i in order {
        if whole[i].1 < MIN_REPEAT_CHARS || sets[i].is_empty() {
            continue;
        }
        if sets[i]
            .iter()
            .all(|k| count.get(k).copied().unwrap_or(0) >= 2)
        {
            keep[i] = false;
            for k in &sets[i] {
                if let Some(c) = count.get_mut(k) {
                    *c -= 1;
                }
            }
            let same = kept_whole.entry(whole[i].0).or_default();
            *same = same.saturating_sub(1);
            let reason = if *same > 0 {
                "duplicate paragraph"
            } else {
                "paragraph repeats sentences found elsewhere"
            };
            let p = &paragraphs[i];
            let span = Span::new(p.lines[0].start, p.lines.last().map_or(0, |l| l.end));
            dropped.push((span, reason.to_string()));
        }
    }
    keep
}

/// Lines that are only navigation or page furniture.
const EXACT: &[&str] = &[
    "advertisement",
    "advertisements",
    "back to top",
    "close",
    "comments",
    "continue reading",
    "email",
    "follow us",
    "home",
    "left menu",
    "loading",
    "log in",
    "login",
    "main menu",
    "menu",
    "most popular",
    "most read",
    "next article",
    "previous article",
    "print",
    "read more",
    "related",
    "related articles",
    "related content",
    "related news",
    "related stories",
    "right menu",
    "share",
    "share this",
    "share this article",
    "share this story",
    "sign in",
    "sign up",
    "skip to content",
    "skip to main content",
    "sponsored",
    "sponsored content",
    "subscribe",
    "toggle navigation",
    "top stories",
    "trending",
    "tweet",
    "whatsapp",
];

/// Phrases that mark a short line as page furniture.
const PHRASES: &[(&str, &str)] = &[
    ("left menu", "navigation"),
    ("skip to content", "navigation"),
    ("skip to main", "navigation"),
    ("toggle navigation", "navigation"),
    ("share on facebook", "share prompt"),
    ("share on twitter", "share prompt"),
    ("share on whatsapp", "share prompt"),
    ("share on linkedin", "share prompt"),
    ("share via email", "share prompt"),
    ("follow us on", "share prompt"),
    ("sign up for our", "subscription prompt"),
    ("sign up to our", "subscription prompt"),
    ("subscribe to our", "subscription prompt"),
    ("subscribe now", "subscription prompt"),
    ("our newsletter", "subscription prompt"),
    ("newsletter sign", "subscription prompt"),
    ("use cookies", "cookie notice"),
    ("uses cookies", "cookie notice"),
    ("accept cookies", "cookie notice"),
    ("accept all cookies", "cookie notice"),
    ("cookie policy", "cookie notice"),
    ("cookie settings", "cookie notice"),
    ("trust principles", "publisher notice"),
    ("privacy policy", "legal notice"),
    ("terms of use", "legal notice"),
    ("terms of service", "legal notice"),
    ("click here", "link prompt"),
    ("read more", "link prompt"),
    ("download our app", "app prompt"),
    ("advertisement", "advertisement"),
];

/// Prefixes of link lists.
const LIST_PREFIXES: &[&str] = &[
    "related:",
    "also read:",
    "read also:",
    "read more:",
    "see also:",
    "more:",
    "recommended:",
    "more from",
    "related coverage:",
    "also see:",
];

/// Why a line is boilerplate, or `None` for a line to keep. Conservative: only short lines.
pub fn boilerplate(line: &str) -> Option<&'static str> {
    let line = line.trim();
    if line.len() > 400 {
        return None;
    }
    if !line.chars().any(char::is_alphanumeric) {
        return Some("no text");
    }
    let lower = line.to_lowercase();
    let bare = lower
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .trim();
    let bare = bare.trim_start_matches(|c: char| !c.is_alphanumeric());
    if EXACT.contains(&bare) {
        return Some("navigation");
    }
    let words = line.split_whitespace().count();
    // every rule below is for lines of 30 words at most: a paragraph of prose is none
    if words > 30 {
        return None;
    }
    let sentence_like = line.ends_with(['.', '!', '?', '"', '\u{201d}']) && words > 6;
    let copyright = lower.starts_with('\u{a9}')
        || lower.starts_with("copyright")
        || lower.contains("all rights reserved")
        || (lower.starts_with("(c) ") && lower[4..].starts_with(|c: char| c.is_ascii_digit()));
    if copyright && words <= 30 {
        return Some("copyright");
    }
    if (lower.starts_with("(reporting by") || lower.starts_with("reporting by"))
        && lower.contains("editing by")
        && words <= 30
    {
        return Some("credit line");
    }
    if LIST_PREFIXES.iter().any(|p| lower.starts_with(p)) && words <= 30 {
        return Some("link list");
    }
    if words <= 8 || (words <= 16 && !sentence_like) {
        for (phrase, reason) in PHRASES {
            if lower.contains(phrase) {
                return Some(reason);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_rules_spare_real_sentences() {
        assert_eq!(
            boilerplate(" date 2021-03-25 Left Menu"),
            Some("navigation")
        );
        assert_eq!(boilerplate("Advertisement"), Some("navigation"));
        assert_eq!(
            boilerplate("Related: Five things to know | More"),
            Some("link list")
        );
        assert_eq!(
            boilerplate("© 2021 Reuters. All rights reserved."),
            Some("copyright")
        );
        assert_eq!(
            boilerplate("Sign up for our daily newsletter"),
            Some("subscription prompt")
        );
        assert_eq!(
            boilerplate(
                "The ministry said in its weekly newsletter that prices would rise sharply."
            ),
            None
        );
        assert_eq!(
            boilerplate("He said he would read more about it later."),
            None
        );
        assert_eq!(boilerplate("Girl Scout cookie sales soar"), None);
        assert_eq!(
            boilerplate("This site uses cookies. Accept"),
            Some("cookie notice")
        );
    }

    #[test]
    fn paragraphs_are_joined_by_a_blank_line_and_map_back() {
        let input = "  Skip to content\r\nFirst  line\nsecond\u{a0}line\r\n\r\n\r\nNext para.";
        let c = clean(input, Span::new(0, input.len()));
        assert_eq!(c.text, "First line\nsecond line\n\nNext para.");
        let k = c.text.find("Next").unwrap();
        let back = c.offsets.map_span(Span::new(k, c.text.len()));
        assert_eq!(&input[back.start..back.end], "Next para.");
        assert_eq!(c.dropped.len(), 1);
        assert_eq!(
            &input[c.dropped[0].0.start..c.dropped[0].0.end],
            "Skip to content"
        );
        let nl = c.text.find("\n\n").unwrap();
        assert_eq!(c.offsets.map_start(nl), input.find("\r\n\r\n").unwrap() + 1);
    }

    #[test]
    fn exact_duplicate_keeps_first_and_subset_paragraph_goes() {
        let a = "The minister arrived in Brussels on Monday for talks.";
        let b = "He met his counterpart. They spoke for an hour about trade.";
        let input = format!("{b}\n\n{a}\n\nIntro sentence here. {b}\n\n{a}");
        let c = clean(&input, Span::new(0, input.len()));
        assert_eq!(c.text, format!("{a}\n\nIntro sentence here. {b}"));
        assert_eq!(c.dropped.len(), 2);
        assert_eq!(
            c.dropped[0].1,
            "paragraph repeats sentences found elsewhere"
        );
        assert_eq!(c.dropped[1].1, "duplicate paragraph");
    }

    #[test]
    fn the_cleaners_words_are_the_tokenizers_words_of_the_cleaned_text() {
        // paragraph edges next to what the tokenizer looks at past a chunk: a list number
        // at a line start, `No.` before a number, a clitic after an apostrophe at a
        // paragraph's start, a repeated paragraph dropped between kept ones, a dropped
        // boilerplate line
        let inputs = [
            "1. First point\n\n2. Second point",
            "He is No.\n\n10 Downing Street said so.",
            "'s wonderful\n\nU.S.'s aid can't wait.\n\n'tis the season",
            "The minister arrived in Brussels on Monday for talks.\n\nShare this\n\n\
             Gondor's envoy met Eriador's. \"Go!\" he said.\n\n\
             The minister arrived in Brussels on Monday for talks.\n\nc.\n\n5 p. 5",
            "  Zoë\u{a0}met him\u{2019}s aide.  \r\n\r\n\t(D-N.J.) said e.g. no.\n",
            "one paragraph only, U.S. officials said.",
            "",
        ];
        for input in inputs {
            let mut pieces = vec![Piece {
                span: Span::new(0, 0),
                joined: true,
            }];
            let c = clean_tokenized(input, Span::new(0, input.len()), &mut pieces);
            assert_eq!(c, clean(input, Span::new(0, input.len())), "{input:?}");
            assert_eq!(pieces, tokenizer::tokenize(&c.text), "{input:?}");
        }
    }

    #[test]
    fn keys_ignore_case_spacing_and_punctuation() {
        assert_eq!(key("He said: \"No!\""), key("he  said no"));
        assert_ne!(key("he said no"), key("hesaid no"));
        assert_eq!(key("Zoë, ÉTÉ").1, 6);
        assert_eq!(key("Zoë ÉTÉ"), key("zoë été"));
    }

    #[test]
    fn bad_body_span_is_clamped() {
        let input = "Zoë met him.";
        let c = clean(input, Span::new(3, 999));
        assert_eq!(c.text, "met him.");
        assert_eq!(c.offsets.map_span(Span::new(0, 3)), Span::new(5, 8));
        let c = clean(input, Span::new(50, 60));
        assert_eq!(c.text, "");
    }
}
