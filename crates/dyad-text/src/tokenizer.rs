//! A rule-based tokenizer in the style of Universal Dependencies English (EWT, GUM).
//!
//! It returns syntactic *words* with byte spans, each flagged `joined` when it is glued to
//! the previous word inside one surface token: UD writes `Belgium's`, `can't` and `gonna` as
//! multiword tokens (`Belgium` + `'s`, `ca` + `n't`, `gon` + `na`), and the evaluation scores
//! surface tokens and words apart, so both must be recoverable.
//!
//! The conventions follow the treebank data, not a style guide: hyphens split (`long - time`,
//! `COVID - 19`) except after a short list of bound prefixes (`non-`, `re-`, `e-`...) and in
//! phone-like numbers; slashes split between words (`and / or`) but not in dates (`9/11`);
//! periods stay on known abbreviations, initials and dotted acronyms (`Mr.`, `J.`, `U.S.`);
//! punctuation runs stay whole (`...`, `?!`, `--`); URLs, e-mail addresses and emoticons are
//! one token. Whether a final abbreviation period also ends a sentence is left to the
//! segmenter.
//!
//! The scanner walks the text once, looking at chars and short byte windows, and allocates
//! nothing but the output vector, so it runs at tens of MB/s.

use dyad_core::Span;
use unicode_normalization::char::canonical_combining_class;

use crate::lexicon::{
    ABBREVIATIONS, EMOTICONS, EXTENSIONS, NUMBER_ABBREVIATIONS, PREFIXES, SPLIT_WORDS, UNITS,
};

/// One syntactic word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// True if this word continues the surface token of the previous word (`'s` of
    /// `Belgium's`, `n't` of `can't`).
    pub joined: bool,
}

/// Tokenizes `text` into syntactic words, in order, with byte spans into `text`.
pub fn tokenize(text: &str) -> Vec<Piece> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` so a caller can reuse its buffer.
pub fn tokenize_into(text: &str, out: &mut Vec<Piece>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(text, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut e = i;
        while e < bytes.len() {
            let d = char_at(text, e);
            if d.is_whitespace() {
                break;
            }
            e += d.len_utf8();
        }
        chunk(text, i, e, out);
        i = e;
    }
}

/// Groups words into surface tokens: the span of each run of joined words.
pub fn surface_tokens(pieces: &[Piece]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match out.last_mut() {
            Some(last) if p.joined => last.end = p.span.end,
            _ => out.push(p.span),
        }
    }
    out
}

#[inline]
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

#[inline]
fn char_after(text: &str, i: usize, end: usize) -> Option<char> {
    if i < end {
        Some(char_at(text, i))
    } else {
        None
    }
}

fn push(out: &mut Vec<Piece>, start: usize, end: usize, joined: bool) {
    if end > start {
        out.push(Piece {
            span: Span::new(start, end),
            joined,
        });
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || (!c.is_ascii() && canonical_combining_class(c) != 0)
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenizes one whitespace-free chunk `[s, e)`.
fn chunk(text: &str, s: usize, e: usize, out: &mut Vec<Piece>) {
    let whole = &text[s..e];
    if whole.len() <= 3 && EMOTICONS.contains(&whole) {
        push(out, s, e, false);
        return;
    }
    // a chunk of ASCII letters and digits (most words) is one run: no link, no inner or
    // trailing mark, so the loop below would hand it whole to `word`
    if whole.bytes().all(|b| b.is_ascii_alphanumeric()) {
        word(text, s, e, out);
        return;
    }
    let mut i = s;
    while i < e {
        let c = char_at(text, i);
        if is_word_char(c) {
            if let Some(n) = link_len(&text[i..e]) {
                push(out, i, i + n, false);
                i += n;
                continue;
            }
            let j = scan_run(text, i, e);
            let k = run_end(text, s, i, j, e);
            split_run(text, i, j, k, out);
            i = k;
            continue;
        }
        let start = i;
        match c {
            '.' | '!' | '?' => {
                while i < e && matches!(text.as_bytes()[i], b'.' | b'!' | b'?') {
                    i += 1;
                }
            }
            '-' | '=' | '*' | '~' | '<' | '>' => {
                while i < e && text.as_bytes()[i] == c as u8 {
                    i += 1;
                }
            }
            '\'' | '\u{2019}' => {
                // A clitic glued to the word before (`U.S.'s`, `Trump’s`).
                if let Some(len) = clitic_after_apostrophe(text, i, e) {
                    let glued = out.last().is_some_and(|p| p.span.end == i);
                    push(out, i, i + len, glued);
                    i += len;
                    continue;
                }
                i = quote_run_end(text, i, e);
            }
            '`' | '\u{2018}' => i = quote_run_end(text, i, e),
            _ => {
                // Emoticon at the end of a chunk (`great:)`).
                let rest = &text[i..e];
                if let Some(em) = EMOTICONS.iter().find(|em| rest.len() <= 3 && rest == **em) {
                    i += em.len();
                } else {
                    i += c.len_utf8();
                }
            }
        }
        push(out, start, i, false);
    }
}

/// End of a run of single-quote marks (`''`, `‘’`, ` `` `) starting at `i`.
fn quote_run_end(text: &str, mut i: usize, e: usize) -> usize {
    while i < e {
        let c = char_at(text, i);
        if !matches!(c, '\'' | '`' | '\u{2018}' | '\u{2019}') {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Length of a URL or e-mail address starting the chunk, without trailing punctuation.
fn link_len(s: &str) -> Option<usize> {
    let lower_starts = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let is_url = lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("ftp://")
        || lower_starts("www.");
    let is_mail = !is_url && {
        match s.find('@') {
            Some(at) if at > 0 => {
                let dom = &s[at + 1..];
                let dot = dom.find('.');
                dot.is_some_and(|d| {
                    d > 0 && dom[d + 1..].starts_with(|c: char| c.is_alphanumeric())
                }) && s[..at]
                    .chars()
                    .all(|c| c.is_alphanumeric() || "._-+".contains(c))
            }
            _ => false,
        }
    };
    if !is_url && !is_mail {
        return None;
    }
    let mut n = s.len();
    let opens = s.matches('(').count();
    while n > 0 {
        let last = s[..n].chars().next_back().unwrap_or(' ');
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | ']' | '}' | '>' => true,
            '\u{201d}' | '\u{2019}' => true,
            ')' => s[..n].matches(')').count() > opens,
            _ => false,
        };
        if !strip {
            break;
        }
        n -= last.len_utf8();
    }
    (n > 0).then_some(n)
}

/// End of the word run starting at `i`: word chars, joined by single inner punctuation marks
/// that are followed by a word char.
fn scan_run(text: &str, i: usize, e: usize) -> usize {
    let mut j = i;
    while j < e {
        let c = char_at(text, j);
        if is_word_char(c) {
            j += c.len_utf8();
            continue;
        }
        let inner = matches!(
            c,
            '.' | ',' | '-' | '&' | '/' | ':' | '\'' | '\u{2019}' | '@'
        );
        if inner {
            let after = j + c.len_utf8();
            if char_after(text, after, e).is_some_and(is_word_char) {
                j = after;
                continue;
            }
        }
        break;
    }
    j
}

/// Where the word that starts at `i` ends, given its run `[i, j)`: the run, or the run plus
/// one trailing mark that belongs to it (an abbreviation period, the apostrophe of a plural
/// possessive `parents'`, the hyphen of a broken-off word `th- the`).
fn run_end(text: &str, s: usize, i: usize, j: usize, e: usize) -> usize {
    if j >= e {
        return j;
    }
    let b = text.as_bytes();
    match b[j] {
        b'.' if attach_period(text, s, i, j, e) => j + 1,
        b'-' if j + 1 == e && text[i..j].chars().all(char::is_alphabetic) => j + 1,
        _ => {
            let c = char_at(text, j);
            let quoted = b[s] == b'\'' || text[s..].starts_with('\u{2018}');
            if is_apostrophe(c)
                && !quoted
                && text[i..j].ends_with(['s', 'S'])
                && j - i > 1
                && char_after(text, j + c.len_utf8(), e).is_none_or(|d| !is_word_char(d))
            {
                j + c.len_utf8()
            } else {
                j
            }
        }
    }
}

/// Decides whether the period at `j` (ending the run `[i, j)`) belongs to the word.
fn attach_period(text: &str, s: usize, i: usize, j: usize, e: usize) -> bool {
    // Only the last part of a hyphenated run can be an abbreviation: `(D-N.J.)`.
    let whole = &text[i..j];
    let run = whole.rsplit(['-', '/']).next().unwrap_or(whole);
    let i = j - run.len();
    let before_number = || {
        let rest = text[j + 1..].trim_start_matches([' ', '\t']);
        j + 1 >= e && rest.starts_with(|c: char| c.is_ascii_digit())
    };
    // A list number at the start of a line: `1. First point`.
    if i == s && j + 1 == e && run.len() <= 2 && digits(run) {
        let line_start = text[..s].trim_end_matches([' ', '\t']);
        return line_start.is_empty() || line_start.ends_with('\n');
    }
    // Dotted acronyms and abbreviations: U.S, e.g, a.m, Ph.D (every part at most 2 letters).
    if run.contains('.') {
        return run.split('.').all(|p| {
            !p.is_empty() && p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)
        });
    }
    let mut chars = run.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.next().is_none() {
        // An initial (J. R. R. Tolkien, Antony J. Blinken) or `c. 1500`, `p. 5`.
        return first.is_uppercase() || (first.is_lowercase() && before_number());
    }
    if ABBREVIATIONS.binary_search(&run).is_err() {
        return false;
    }
    if NUMBER_ABBREVIATIONS.contains(&run) {
        // Only before a number: `No. 10`, not `he said no.`
        return before_number();
    }
    true
}

/// Emits the words of the run `[i, j)` (plus an attached period up to `k`).
fn split_run(text: &str, i: usize, j: usize, k: usize, out: &mut Vec<Piece>) {
    let mut seg = i; // start of the current word
    let mut p = i;
    while p < j {
        let c = char_at(text, p);
        let cl = c.len_utf8();
        if is_word_char(c) || c == '&' || is_apostrophe(c) || c == '@' {
            p += cl;
            continue;
        }
        let left = &text[seg..p];
        let right_end = next_sep(text, p + cl, j);
        let right = &text[p + cl..right_end];
        let keep = match c {
            '.' => keep_inner_period(left, right),
            ',' => {
                digits(
                    left.rsplit(|c: char| !c.is_ascii_digit())
                        .next()
                        .unwrap_or(""),
                ) && right.len() == 3
                    && digits(right)
            }
            ':' => ends_digit(left) && starts_digit(right),
            '/' => {
                (ends_digit(left) && starts_digit(right))
                    || (left.chars().count() == 1 && right.chars().count() == 1)
            }
            '-' => keep_hyphen(text, seg, p, right),
            _ => false,
        };
        if keep {
            p += cl;
            continue;
        }
        word(text, seg, p, out);
        push(out, p, p + cl, false);
        p += cl;
        seg = p;
    }
    word(text, seg, k, out);
}

fn next_sep(text: &str, from: usize, j: usize) -> usize {
    let mut q = from;
    while q < j {
        let c = char_at(text, q);
        if !(is_word_char(c) || is_apostrophe(c)) {
            break;
        }
        q += c.len_utf8();
    }
    q
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn ends_digit(s: &str) -> bool {
    s.as_bytes().last().is_some_and(u8::is_ascii_digit)
}

fn starts_digit(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn keep_inner_period(left: &str, right: &str) -> bool {
    let l = left.rsplit('.').next().unwrap_or("");
    if ends_digit(l) && starts_digit(right) {
        return true; // 3.5, 1.2.3
    }
    if l.chars().count() <= 2 && right.chars().count() <= 2 {
        return true; // U.S, e.g, Ph.D
    }
    // file names and domains: report.doc, ENRON.XLS, enron.com
    let ext = right.len() <= 4 && EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(right));
    (ext || right.starts_with(|c: char| c.is_lowercase())) && !l.is_empty()
}

fn keep_hyphen(text: &str, seg: usize, p: usize, right: &str) -> bool {
    let left = &text[seg..p];
    let last = left.rsplit('-').next().unwrap_or("");
    if digits(last) && digits(right) {
        // Phone-like numbers stay whole (853-3242, 3-5213); ranges (1998-2001) split.
        return left.contains('-') || (last.len() <= 3 && right.len() >= 3);
    }
    if left.contains('-') {
        return false;
    }
    let lower = last.to_ascii_lowercase();
    PREFIXES.binary_search(&lower.as_str()).is_ok() && right.starts_with(char::is_alphabetic)
}

/// Emits one word `[s, e)`, splitting off clitics (`'s`, `n't`) and UD two-word forms.
fn word(text: &str, s: usize, e: usize, out: &mut Vec<Piece>) {
    if e <= s {
        return;
    }
    let w = &text[s..e];
    if let Some(cut) = clitic_cut(w) {
        push(out, s, s + cut, false);
        push(out, s + cut, e, true);
        return;
    }
    if let Some(cut) = unit_cut(w) {
        push(out, s, s + cut, false);
        push(out, s + cut, e, false);
        return;
    }
    // every split word ends in `a` or `t` (`gonna`, `cannot`; a lexicon test holds it):
    // others are not looked up
    let split_end = w
        .as_bytes()
        .last()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'a' | b't'));
    if split_end && (4..=8).contains(&w.len()) {
        if let Some((_, n)) = SPLIT_WORDS.iter().find(|(f, _)| f.eq_ignore_ascii_case(w)) {
            push(out, s, s + n, false);
            push(out, s + n, e, true);
            return;
        }
    }
    push(out, s, e, false);
}

fn unit_cut(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    if !b.first()?.is_ascii_digit() {
        return None;
    }
    let cut = b.iter().position(|c| c.is_ascii_alphabetic())?;
    let (num, unit) = w.split_at(cut);
    let ok_num = num
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b':' || c == b'.' || c == b',');
    let unit = unit.to_ascii_lowercase();
    (ok_num && ends_digit(num) && UNITS.binary_search(&unit.as_str()).is_ok()).then_some(cut)
}

/// Where a clitic starts inside `w`, if `w` ends with one.
fn clitic_cut(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    let n = b.len();
    // n't / n’t
    for apos in ["'", "\u{2019}"] {
        let nt_len = 2 + apos.len();
        if n > nt_len {
            if let Some(tail) = w.get(n - nt_len..) {
                let t0 = tail.as_bytes()[0];
                if (t0 == b'n' || t0 == b'N')
                    && tail[1..].starts_with(apos)
                    && tail.ends_with(['t', 'T'])
                {
                    return Some(n - nt_len);
                }
            }
        }
    }
    // 's 'm 'd 're 've 'll
    let apos_pos = w.rfind(['\'', '\u{2019}'])?;
    if apos_pos == 0 {
        return None;
    }
    let apos_len = if b[apos_pos] == b'\'' { 1 } else { 3 };
    let suffix = w[apos_pos + apos_len..].to_ascii_lowercase();
    matches!(suffix.as_str(), "s" | "m" | "d" | "re" | "ve" | "ll").then_some(apos_pos)
}

/// A clitic that starts at the apostrophe at `i` and ends at a non-word char, such as the
/// `'s` of `U.S.'s`, returned as its byte length.
fn clitic_after_apostrophe(text: &str, i: usize, e: usize) -> Option<usize> {
    let apos_len = char_at(text, i).len_utf8();
    let mut q = i + apos_len;
    while q < e && text.as_bytes()[q].is_ascii_alphabetic() {
        q += 1;
    }
    if q < e && is_word_char(char_at(text, q)) {
        return None;
    }
    let suffix = text[i + apos_len..q].to_ascii_lowercase();
    let prev_is_word = i > 0 && {
        let prev = text[..i].chars().next_back().unwrap_or(' ');
        prev.is_alphanumeric() || prev == '.'
    };
    (prev_is_word && matches!(suffix.as_str(), "s" | "m" | "d" | "re" | "ve" | "ll"))
        .then_some(q - i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|p| {
                let w = p.span.get(text).unwrap();
                if p.joined {
                    format!("+{w}")
                } else {
                    w.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn splits_clitics_as_joined_words() {
        assert_eq!(words("Belgium's"), ["Belgium", "+'s"]);
        assert_eq!(
            words("can't don't I'm"),
            ["ca", "+n't", "do", "+n't", "I", "+'m"]
        );
        assert_eq!(
            words("we've they'll he'd"),
            ["we", "+'ve", "they", "+'ll", "he", "+'d"]
        );
        assert_eq!(words("gonna cannot"), ["gon", "+na", "can", "+not"]);
        assert_eq!(words("Trump’s"), ["Trump", "+’s"]);
        assert_eq!(words("U.S.'s Blinken"), ["U.S.", "+'s", "Blinken"]);
        assert_eq!(words("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn numbers_money_and_abbreviations() {
        assert_eq!(
            words("$308 3.5 1,000 10:30"),
            ["$", "308", "3.5", "1,000", "10:30"]
        );
        assert_eq!(
            words("Mr. Smith of the U.S. said."),
            ["Mr.", "Smith", "of", "the", "U.S.", "said", "."]
        );
        assert_eq!(words("No. 10 and no."), ["No.", "10", "and", "no", "."]);
        assert_eq!(words("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(words("3.5%"), ["3.5", "%"]);
        assert_eq!(words("(D-N.J.)"), ["(", "D", "-", "N.J.", ")"]);
    }

    #[test]
    fn hyphens_follow_the_treebank() {
        assert_eq!(words("long-time"), ["long", "-", "time"]);
        assert_eq!(words("COVID-19"), ["COVID", "-", "19"]);
        assert_eq!(words("non-profit e-mail"), ["non-profit", "e-mail"]);
        assert_eq!(
            words("713-853-3989 1998-2001"),
            ["713-853-3989", "1998", "-", "2001"]
        );
        assert_eq!(words("and/or 9/11"), ["and", "/", "or", "9/11"]);
    }

    #[test]
    fn punctuation_quotes_links_and_emoticons() {
        assert_eq!(
            words("\"Hi,\" he said..."),
            ["\"", "Hi", ",", "\"", "he", "said", "..."]
        );
        assert_eq!(words("“Yes!?”"), ["“", "Yes", "!?", "”"]);
        assert_eq!(
            words("(see https://x.org/a?b=1)."),
            ["(", "see", "https://x.org/a?b=1", ")", "."]
        );
        assert_eq!(
            words("mail a.b@enron.com, now"),
            ["mail", "a.b@enron.com", ",", "now"]
        );
        assert_eq!(words("great :) ok"), ["great", ":)", "ok"]);
    }

    #[test]
    fn surface_tokens_merge_joined_words() {
        let t = "I can't.";
        let s: Vec<&str> = surface_tokens(&tokenize(t))
            .iter()
            .map(|s| s.get(t).unwrap())
            .collect();
        assert_eq!(s, ["I", "can't", "."]);
    }
}
