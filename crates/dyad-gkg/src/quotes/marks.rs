//! Quote marks paired into quoted runs, and the document layout the pairing depends on:
//! paragraph breaks (blank lines), the sentence of each token, word counts and the
//! normalised form used to compare quote texts.
//!
//! Pairing works on tokens rather than characters because the attribution rules look at the
//! tokens around each mark; a paragraph break closes an open run, since news repeats the
//! opening mark on every paragraph of a long quote. British-style single marks (`‘...,’ said
//! X`) quote too, outside double runs; since `’` is also the apostrophe, a single run closes
//! only at a `’` after sentence punctuation or before punctuation, and a paragraph break
//! drops an unclosed one.

use dyad_core::{Document, Token};

use super::{is_close, is_mark, is_open, is_straight};

/// A quoted run: token indexes of the marks (the close may be missing at a paragraph end)
/// and of the words inside, `[first, last]`.
#[derive(Clone, Copy)]
pub(super) struct Run {
    pub(super) open: usize,
    pub(super) close: Option<usize>,
    pub(super) first: usize,
    pub(super) last: usize,
    /// Continues the quote of the previous paragraph (no opening mark of its own).
    pub(super) continues: bool,
}

/// Pairs the quote marks of the document into runs.
///
/// A paragraph break closes an open run. News continues a quote over paragraphs by opening
/// each paragraph with a mark and closing only the last; when the next paragraph lacks its
/// opening mark, its first straight mark written like a closing one (`early." After`)
/// closes a run that starts the paragraph. Runs that continue the quote of the previous
/// paragraph are flagged, so they take its speaker.
pub(super) fn quoted_runs(doc: &Document) -> Vec<Run> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    // The first token of a paragraph that follows a run cut by its paragraph break.
    let mut carry: Option<usize> = None;
    // An open single mark (`‘`), paired only outside double runs.
    let mut single: Option<usize> = None;
    #[allow(clippy::needless_range_loop)] // `i` is also compared with other token indexes
    for i in 0..toks.len() {
        if i > 0 && para_break(doc, i - 1, i) {
            carry = None;
            if let Some(o) = open.take() {
                push_run(&mut out, o, None, i - 1);
                if !is_mark(&toks[i].text) {
                    carry = Some(i);
                }
            }
        }
        let t = toks[i].text.as_str();
        // British style: single marks quote when no double run is open.
        if open.is_none() {
            if let Some(o) = single {
                if i > 0 && para_break(doc, i - 1, i) {
                    single = None;
                } else if single_close(doc, i) {
                    push_run(&mut out, o, Some(i), i - 1);
                    single = None;
                    continue;
                } else {
                    continue;
                }
            }
            if single_open(doc, i) {
                carry = None;
                single = Some(i);
                continue;
            }
        }
        match open {
            Some(o) if is_close(t) || is_straight(t) => {
                push_run(&mut out, o, Some(i), i - 1);
                open = None;
            }
            None if carry.is_some_and(|c| c < i)
                && (is_close(t) || is_straight(t) && looks_closing(doc, i)) =>
            {
                let c = carry.take().unwrap_or(i);
                out.push(Run {
                    open: c,
                    close: Some(i),
                    first: c,
                    last: i - 1,
                    continues: true,
                });
            }
            None if is_open(t) || is_straight(t) => {
                carry = None;
                open = Some(i);
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        push_run(&mut out, o, None, toks.len() - 1);
    }
    out
}

/// Adds the run of the words after the mark at `open` up to `last`, unless it is empty.
fn push_run(out: &mut Vec<Run>, open: usize, close: Option<usize>, last: usize) {
    if last > open {
        out.push(Run {
            open,
            close,
            first: open + 1,
            last,
            continues: false,
        });
    }
}

/// An opening single mark: `‘` after a space (or at the start), glued to a word.
fn single_open(doc: &Document, i: usize) -> bool {
    let toks = &doc.tokens;
    let t = &toks[i];
    t.text == "‘"
        && (i == 0 || toks[i - 1].span.end < t.span.start)
        && toks.get(i + 1).is_some_and(|n| {
            n.span.start == t.span.end && n.text.chars().any(char::is_alphanumeric)
        })
}

/// A closing single mark: `’` as a token of its own glued to the word before, after
/// sentence punctuation (`city,’ Mayor ...`) or before punctuation or the end of its
/// paragraph. A plural possessive (`workers’ union`) is followed by a word, and is none.
fn single_close(doc: &Document, i: usize) -> bool {
    let toks = &doc.tokens;
    let t = &toks[i];
    if t.text != "’" || i == 0 || toks[i - 1].span.end != t.span.start {
        return false;
    }
    let after_punct = matches!(toks[i - 1].text.as_str(), "," | "." | "!" | "?");
    let before_punct = toks
        .get(i + 1)
        .is_none_or(|n| para_break(doc, i, i + 1) || !n.text.chars().any(char::is_alphanumeric));
    after_punct || before_punct
}

/// A straight mark written like a closing one: glued to the word before, not to the next.
fn looks_closing(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i].span;
    let before = doc.text[..t.start].chars().next_back();
    let after = doc.text[t.end..].chars().next();
    before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Whether a blank line separates the end of token `a` from the start of token `b`.
pub(super) fn para_break(doc: &Document, a: usize, b: usize) -> bool {
    let (toks, text) = (&doc.tokens, &doc.text);
    a < b
        && text
            .get(toks[a].span.end..toks[b].span.start)
            // (Bytes: `contains` sets up a string searcher, costly for the mostly
            // empty or one-space gaps between tokens.)
            .is_some_and(|g| g.as_bytes().windows(2).any(|w| w == b"\n\n"))
}

/// Whether token `i` starts a paragraph.
pub(super) fn para_start(doc: &Document, i: usize) -> bool {
    i == 0 || para_break(doc, i - 1, i)
}

pub(super) fn sentence_index(doc: &Document) -> Vec<usize> {
    let mut v = vec![0; doc.tokens.len()];
    for (i, s) in doc.sentences.iter().enumerate() {
        for x in v.iter_mut().take(s.tokens[1]).skip(s.tokens[0]) {
            *x = i;
        }
    }
    v
}

pub(super) fn words(toks: &[Token]) -> usize {
    toks.iter()
        .filter(|t| t.text.chars().any(char::is_alphanumeric))
        .count()
}

pub(super) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            // What `is_alphanumeric` and `to_lowercase` give for ASCII, without their
            // Unicode tables.
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn normalise_keeps_letters_and_digits_lower_cased() {
        let plain = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        for s in [
            "\"That's correct,\" he said: 42 - OK!",
            "İstanbul Ünïcode ΣΑΣ ½ ² Ⅻ — ‘naïve’ CAFÉ\u{a0}x",
            "",
        ] {
            assert_eq!(super::normalise(s), plain(s), "{s}");
        }
    }
}
