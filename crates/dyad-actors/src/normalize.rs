//! Token normalisation shared by the dictionaries and the matcher.
//!
//! Dictionary phrases (PETRARCH writes `BARACK_OBAMA`, the repo TSVs `barack obama`) and
//! document tokens (`Obama`, `Ōbama`) must meet in one form: lower case, diacritics removed
//! (NFD, combining marks dropped), typographic apostrophes made ASCII. The matcher folds
//! every token of every document, so the ASCII case, by far the most common in English
//! news, is a copy-and-lowercase into a reused buffer with no allocation.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds `token` into `out` (cleared first): lower case, no diacritics, ASCII apostrophes.
pub fn fold_into(token: &str, out: &mut String) {
    out.clear();
    if token.is_ascii() {
        out.push_str(token);
        out.make_ascii_lowercase();
        return;
    }
    for c in token.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Folds one token into a new string.
pub fn fold(token: &str) -> String {
    let mut s = String::with_capacity(token.len());
    fold_into(token, &mut s);
    s
}

/// Splits a dictionary phrase into folded words the way a tokenizer splits text:
/// underscores and blanks separate words, a parenthesised acronym (`(AAIA)`) is dropped, and
/// a possessive `'s` becomes a word of its own (`people's` -> `people`, `'s`).
pub fn phrase_words(raw: &str) -> Vec<String> {
    let mut words = Vec::with_capacity(4);
    if !raw.contains('(') {
        // nothing to drop: the words are those of `raw` cut at underscores and blanks
        let cut = |c: char| c == '_' || c.is_whitespace();
        for w in raw.split(cut).filter(|w| !w.is_empty()) {
            push_phrase_word(&mut words, w);
        }
        return words;
    }
    general_phrase_words(raw, words)
}

/// [`phrase_words`] for any phrase: parenthesised parts dropped first, then the words cut
/// at underscores and blanks, appended to `words`.
fn general_phrase_words(raw: &str, mut words: Vec<String>) -> Vec<String> {
    let mut cleaned = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            '_' => cleaned.push(' '),
            _ => cleaned.push(c),
        }
    }
    for w in cleaned.split_whitespace() {
        push_phrase_word(&mut words, w);
    }
    words
}

/// Folds a word of a phrase, a possessive `'s` split off as a word of its own.
fn push_phrase_word(words: &mut Vec<String>, w: &str) {
    let mut w = fold(w);
    if w.len() > 2 && w.ends_with("'s") {
        w.truncate(w.len() - 2);
        words.push(w);
        words.push("'s".to_string());
    } else {
        words.push(w);
    }
}

/// The variant of a phrase with hyphenated words split (`al-qaeda` -> `al - qaeda`), for
/// tokenizers that split at hyphens as UD English does; `None` when nothing is hyphenated.
pub fn hyphen_split(words: &[String]) -> Option<Vec<String>> {
    if !words.iter().any(|w| w.len() > 1 && w.contains('-')) {
        return None;
    }
    let mut out = Vec::with_capacity(words.len() + 2);
    for w in words {
        if w.len() > 1 && w.contains('-') {
            for (i, part) in w.split('-').enumerate() {
                if i > 0 {
                    out.push("-".to_string());
                }
                if !part.is_empty() {
                    out.push(part.to_string());
                }
            }
        } else {
            out.push(w.clone());
        }
    }
    Some(out)
}

/// True if the token carries an upper-case letter (a proper-noun signal).
pub fn has_upper(token: &str) -> bool {
    if token.is_ascii() {
        token.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        token.chars().any(char::is_uppercase)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Ōbama"), "obama");
        assert_eq!(fold("Médecins"), "medecins");
        assert_eq!(fold("U.S."), "u.s.");
        assert_eq!(fold("People\u{2019}s"), "people's");
        assert_eq!(fold("ISTANBUL"), "istanbul");
    }

    #[test]
    fn splits_petrarch_phrases() {
        assert_eq!(phrase_words("BARACK_OBAMA_"), vec!["barack", "obama"]);
        assert_eq!(
            phrase_words("PEOPLE'S_REPUBLIC_OF_CHINA"),
            vec!["people", "'s", "republic", "of", "china"]
        );
        assert_eq!(
            phrase_words("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_"),
            vec!["aden", "abyan", "islamic", "army"]
        );
        assert_eq!(phrase_words("HANS_DIETRICH GENSCHER_").len(), 3);
        // the fast path (no parenthesis) and the general one agree
        assert_eq!(
            phrase_words("A)B_C\u{00A0}D  ÉTAT'S"),
            ["a)b", "c", "d", "etat", "'s"]
        );
        assert_eq!(
            phrase_words("A)B_(X)C\u{00A0}D  ÉTAT'S"),
            ["a)b", "c", "d", "etat", "'s"]
        );
        assert_eq!(phrase_words("'s"), ["'s"]);
    }

    #[test]
    fn the_fast_path_cuts_every_builtin_phrase_as_the_general_one() {
        let d = crate::Dictionary::builtin().unwrap();
        assert!(d.entries().len() > 50_000);
        for e in d.entries() {
            assert_eq!(
                phrase_words(&e.phrase),
                general_phrase_words(&e.phrase, Vec::new()),
                "{:?}",
                e.phrase
            );
        }
    }

    #[test]
    fn splits_hyphens_for_the_variant() {
        let w = phrase_words("AL-QAEDA_IN_IRAQ");
        assert_eq!(
            hyphen_split(&w).unwrap(),
            vec!["al", "-", "qaeda", "in", "iraq"]
        );
        assert!(hyphen_split(&phrase_words("NATO")).is_none());
    }
}
