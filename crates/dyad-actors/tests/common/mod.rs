//! A small whitespace-and-punctuation tokenizer for tests, so the tests of this crate do
//! not depend on the tokenizer of `dyad-text` (which may change independently). It splits
//! punctuation off words, keeps abbreviations with inner dots ("U.S.") whole, and splits a
//! possessive "'s" as UD English does.

use dyad_core::{Span, Token};

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (start, word) in words(text) {
        let mut s = start;
        let mut w = word;
        // leading punctuation
        while let Some(c) = w.chars().next().filter(|c| !c.is_alphanumeric()) {
            out.push(Token::new(Span::new(s, s + c.len_utf8()), text));
            s += c.len_utf8();
            w = &w[c.len_utf8()..];
        }
        let mut tail = Vec::new();
        loop {
            let keep_dot = w.ends_with('.') && w[..w.len() - 1].contains('.');
            match w.chars().last() {
                Some(c) if !c.is_alphanumeric() && !keep_dot => {
                    let n = w.len() - c.len_utf8();
                    tail.push((s + n, &w[n..]));
                    w = &w[..n];
                }
                _ => break,
            }
        }
        if w.len() > 2 && (w.ends_with("'s") || w.ends_with("\u{2019}s")) {
            let n = w.rfind(['\'', '\u{2019}']).unwrap_or(w.len());
            out.push(Token::new(Span::new(s, s + n), text));
            out.push(Token::new(Span::new(s + n, s + w.len()), text));
        } else if !w.is_empty() {
            out.push(Token::new(Span::new(s, s + w.len()), text));
        }
        for (p, t) in tail.into_iter().rev() {
            out.push(Token::new(Span::new(p, p + t.len()), text));
        }
    }
    out
}

fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}
