//! Rule-based sentence segmentation over the tokenizer's words.
//!
//! Segmenting after tokenization lets the tokenizer settle the hard question first: whether a
//! period belongs to a word (`U.S.`, `Mr.`, `J.`, `3.5`) or stands alone. The segmenter then
//! decides at three kinds of places:
//!
//! - a paragraph break (a blank line) always ends a sentence, so headlines and lines without
//!   final punctuation stand alone; a single newline is plain whitespace, so hard-wrapped text
//!   reads as one paragraph;
//! - a standalone `.`, `!`, `?`, `...` or `…` ends a sentence, together with the closing quotes
//!   and brackets glued to it, unless the next word starts in lower case or is punctuation
//!   that continues the sentence (`"Go!" he said` and `"Allies," he said` stay one sentence);
//! - a word whose period was kept (`U.S.`, `Inc.`, `J.`) ends a sentence only if the next word
//!   is a capitalised common sentence starter (`in the U.S. He said` splits,
//!   `U.S. Secretary of State` does not); titles (`Mr.`, `Gen.`, `No.`) never do.
//!
//! A sentence is also cut after [`MAX_SENTENCE_WORDS`] words, to bound later stages. The
//! rules were chosen by measuring on the UD English train/dev sets (see `dyad eval segment`):
//! ending an abbreviation only before a known starter beat both "never" and "before any
//! capitalised word" on GUM.

use std::ops::Range;

use dyad_core::Span;

use crate::lexicon::{STARTERS, TITLES};
use crate::tokenizer::Piece;

/// Longest sentence, in words, before a break is forced: text without punctuation (a list, a
/// table flattened to text) would otherwise make one sentence of a whole page, and the
/// parser's cost grows with sentence length. UD English sentences stay far below this.
pub const MAX_SENTENCE_WORDS: usize = 300;

/// Splits the words `pieces` of `text` into sentences, returned as ranges of word indices.
/// Every word belongs to exactly one sentence; the ranges are in order and contiguous.
pub fn segment(text: &str, pieces: &[Piece]) -> Vec<Range<usize>> {
    segment_with(text, pieces, MAX_SENTENCE_WORDS)
}

/// [`segment`] with the forced break after `max_words` words (at least 1) instead of
/// [`MAX_SENTENCE_WORDS`]. A break never falls inside a surface token (`ca|n't`), so a
/// sentence can exceed `max_words` by the few words glued to its last one.
pub fn segment_with(text: &str, pieces: &[Piece], max_words: usize) -> Vec<Range<usize>> {
    let max_words = max_words.max(1);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < pieces.len() {
        let end = sentence_end_after(text, pieces, i);
        match end {
            Some(last) => {
                out.push(start..last + 1);
                start = last + 1;
                i = last + 1;
            }
            None if i + 1 - start >= max_words && !pieces.get(i + 1).is_some_and(|p| p.joined) => {
                out.push(start..i + 1);
                start = i + 1;
                i += 1;
            }
            None => i += 1,
        }
    }
    if start < pieces.len() {
        out.push(start..pieces.len());
    }
    out
}

/// The byte span of each sentence: from its first word's start to its last word's end.
pub fn sentence_spans(pieces: &[Piece], sentences: &[Range<usize>]) -> Vec<Span> {
    sentences
        .iter()
        .filter(|r| !r.is_empty())
        .map(|r| Span::new(pieces[r.start].span.start, pieces[r.end - 1].span.end))
        .collect()
}

/// If a sentence ends at or just after word `i` (after absorbing closing quotes), the index
/// of its last word.
fn sentence_end_after(text: &str, pieces: &[Piece], i: usize) -> Option<usize> {
    let w = pieces[i].span.get(text).unwrap_or("");
    let next = pieces.get(i + 1)?;
    if next.joined {
        return None;
    }
    if paragraph_break(text, pieces[i].span.end, next.span.start) {
        return Some(i);
    }
    if is_terminal(w) {
        let mut j = i + 1;
        loop {
            if j < pieces.len() && is_closer(text, pieces, j) {
                j += 1;
            } else if let Some(n) = citation(text, &pieces[j..]) {
                j += n;
            } else {
                break;
            }
        }
        let last = j - 1;
        let next = pieces.get(j)?;
        if last > i && paragraph_break(text, pieces[last].span.end, next.span.start) {
            return Some(last);
        }
        let nw = next.span.get(text).unwrap_or("");
        // A bare period before a lower-case word still ends a sentence in web text
        // (`... as well. thanks`); `?` and `!` do not (`"Why?" he asked`, `what? i mean`).
        let bare_period = w == "." && last == i;
        return (starts_sentence(nw) || bare_period && nw.starts_with(char::is_lowercase))
            .then_some(last);
    }
    if w.len() > 1 && w.ends_with('.') && w.chars().any(char::is_alphabetic) {
        if TITLES.binary_search(&w).is_ok() {
            return None;
        }
        // A closing quote or bracket after the period (`in the U.S." He said`) makes the
        // end more likely: then any capitalised word starts the next sentence.
        let mut j = i + 1;
        while j < pieces.len() && is_closer(text, pieces, j) {
            j += 1;
        }
        let nw = pieces.get(j)?.span.get(text).unwrap_or("");
        let ends = if j > i + 1 {
            starts_sentence(nw) && !nw.starts_with(|c: char| c.is_ascii_punctuation())
        } else {
            is_starter(nw)
        };
        return ends.then_some(j - 1);
    }
    None
}

/// The length of a citation mark such as `[12]` at the start of `pieces`, which Wikipedia
/// puts after the period of the sentence it supports.
fn citation(text: &str, pieces: &[Piece]) -> Option<usize> {
    let w = |k: usize| pieces.get(k).and_then(|p| p.span.get(text)).unwrap_or("");
    let number = w(1);
    (w(0) == "[" && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && w(2) == "]")
        .then_some(3)
}

fn paragraph_break(text: &str, from: usize, to: usize) -> bool {
    // two newlines take two bytes: the usual gap between words (none, or a space) holds no
    // break, and is answered without a search
    if to.saturating_sub(from) < 2 {
        return false;
    }
    let gap = text.get(from..to).unwrap_or("");
    match gap.find('\n') {
        Some(n) => gap[n + 1..].contains('\n'),
        None => false,
    }
}

fn is_terminal(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

/// A closing quote or bracket at word `j` that belongs to the sentence before it.
fn is_closer(text: &str, pieces: &[Piece], j: usize) -> bool {
    let w = pieces[j].span.get(text).unwrap_or("");
    let glued = pieces[j].span.start == pieces[j - 1].span.end;
    match w {
        "”" | "’" | "»" => true,
        "\"" | "'" | "''" | ")" | "]" | "}" => glued,
        _ => false,
    }
}

fn starts_sentence(w: &str) -> bool {
    match w.chars().next() {
        Some(c) if c.is_lowercase() => false,
        Some(',' | ';' | ':' | ')' | ']' | '}' | '%') => false,
        Some(_) => true,
        None => false,
    }
}

fn is_starter(w: &str) -> bool {
    STARTERS.binary_search(&w).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let p = tokenize(text);
        sentence_spans(&p, &segment(text, &p))
            .iter()
            .map(|s| s.get(text).unwrap())
            .collect()
    }

    #[test]
    fn abbreviations_end_a_sentence_only_before_a_starter() {
        assert_eq!(
            sents("U.S. Secretary of State Antony Blinken said so. He left."),
            [
                "U.S. Secretary of State Antony Blinken said so.",
                "He left."
            ]
        );
        assert_eq!(
            sents("He lives in the U.S. He said so."),
            ["He lives in the U.S.", "He said so."]
        );
        assert_eq!(
            sents("\"They live in the U.S.\" Blinken said so."),
            ["\"They live in the U.S.\"", "Blinken said so."]
        );
        assert_eq!(
            sents("Mr. Smith met Gen. Lee at No. 10 Downing St."),
            ["Mr. Smith met Gen. Lee at No. 10 Downing St."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("\"Some of our allies are moving in the wrong direction,\" he said. \"We will act.\" Then he left."),
            [
                "\"Some of our allies are moving in the wrong direction,\" he said.",
                "\"We will act.\"",
                "Then he left."
            ]
        );
        assert_eq!(sents("“Go!” he said."), ["“Go!” he said."]);
    }

    #[test]
    fn paragraph_breaks_end_sentences() {
        assert_eq!(
            sents("A headline\n\nThe body. More"),
            ["A headline", "The body.", "More"]
        );
        assert_eq!(
            sents("one line\nand the next."),
            ["one line\nand the next."]
        );
    }

    #[test]
    fn unpunctuated_text_is_cut_at_the_maximum_length() {
        let text = "word ".repeat(MAX_SENTENCE_WORDS * 2 + 10);
        let p = tokenize(&text);
        let s = segment(&text, &p);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], 0..MAX_SENTENCE_WORDS);
        assert_eq!(s[2].end, p.len());
    }

    #[test]
    fn the_maximum_length_can_be_chosen_and_never_splits_a_surface_token() {
        let text = "they can't ".repeat(10);
        let p = tokenize(&text);
        assert_eq!(p.len(), 30);
        let s = segment_with(&text, &p, 2);
        // A cut after `ca` would split `can't`: the sentence takes `n't` too.
        assert!(s.iter().all(|r| !p.get(r.end).is_some_and(|x| x.joined)));
        assert!(s.iter().all(|r| r.len() <= 3), "{s:?}");
        assert_eq!(s.last().unwrap().end, p.len());
        assert_eq!(segment_with(&text, &p, 0), segment_with(&text, &p, 1));
    }

    #[test]
    fn numbers_and_ellipses() {
        assert_eq!(
            sents("It rose 3.5 percent. Wait... what? Yes."),
            ["It rose 3.5 percent.", "Wait... what?", "Yes."]
        );
    }
}
