//! PETRARCH discard lists: phrases whose presence means a text is not political news.
//!
//! A discard file (`PETR.Validate.discards.txt`, `Phoenix.discards.txt`) lists one phrase
//! per line; `+` marks a story-level discard (the whole document is skipped), a bare
//! phrase a sentence-level one; `#` starts a comment. Sports results ("World Golf
//! Championships") and weather ("typhoon") are the usual entries: their verbs ("beat",
//! "hit", "trashed") would otherwise code as conflict. Phrases match whole tokens,
//! case-insensitively, as consecutive words.

use std::path::Path;

use dyad_core::Token;

use crate::error::{read_text, EventsError};

const PHOENIX_DISCARDS: &str = include_str!("../../../data/events/Phoenix.discards.txt");

/// A read discard list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discards {
    /// Upper-case word sequences, and whether each discards the whole story.
    phrases: Vec<(Vec<String>, bool)>,
}

/// What a discard list says about a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Discard {
    Sentence,
    Story,
}

impl Discards {
    pub fn read(path: &Path) -> Result<Discards, EventsError> {
        Discards::parse(&read_text(path)?, &path.display().to_string())
    }

    /// PETRARCH2's discard list `Phoenix.discards.txt`, compiled in.
    pub fn phoenix() -> Discards {
        Discards::parse(PHOENIX_DISCARDS, "data/events/Phoenix.discards.txt")
            .expect("the compiled-in discard list parses (tested)")
    }

    /// Parses a discard list; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Discards, EventsError> {
        let mut phrases = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let body = line.split('#').next().unwrap_or("").trim();
            if body.is_empty() || body.starts_with("<!--") {
                continue;
            }
            let (story, body) = match body.strip_prefix('+') {
                Some(rest) => (true, rest.trim()),
                None => (false, body),
            };
            let words: Vec<String> = body
                .split(|c: char| c.is_whitespace() || c == '_')
                .filter(|w| !w.is_empty())
                .map(str::to_uppercase)
                .collect();
            if words.is_empty() {
                return Err(EventsError::line(file, i + 1, "a `+` with no phrase"));
            }
            phrases.push((words, story));
        }
        Ok(Discards { phrases })
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The strongest discard the tokens hit: a story-level phrase wins.
    pub fn check(&self, toks: &[Token]) -> Option<Discard> {
        let upper: Vec<String> = toks.iter().map(|t| t.text.to_uppercase()).collect();
        // a token touching its neighbour is part of a longer blank-delimited word
        let glued =
            |i: usize| i > 0 && i < toks.len() && toks[i - 1].span.end == toks[i].span.start;
        let mut found = None;
        for (words, story) in &self.phrases {
            let n = words.len();
            let hit = upper
                .windows(n)
                .enumerate()
                .any(|(i, w)| w == words.as_slice() && !glued(i) && !glued(i + n));
            if hit {
                if *story {
                    return Some(Discard::Story);
                }
                found = Some(Discard::Sentence);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens of `s` split at blanks, a trailing comma or bracket split off as its own
    /// token touching the word, as a tokenizer does.
    fn toks(s: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut at = 0;
        for w in s.split(' ') {
            let (word, punct) = match w.strip_suffix([',', ')']) {
                Some(x) => (x, &w[x.len()..]),
                None => (w, ""),
            };
            let (open, word) = match word.strip_prefix('(') {
                Some(x) => ("(", x),
                None => ("", word),
            };
            for part in [open, word, punct] {
                if !part.is_empty() {
                    out.push(Token {
                        text: part.into(),
                        span: dyad_core::Span::new(at, at + part.len()),
                        ..Default::default()
                    });
                    at += part.len();
                }
            }
            at += 1;
        }
        out
    }

    #[test]
    fn discard_words_are_blank_delimited() {
        let d = Discards::parse("YEARS AGO\n1994\n", "d.txt").unwrap();
        assert_eq!(
            d.check(&toks("slain three years ago today")),
            Some(Discard::Sentence)
        );
        assert_eq!(
            d.check(&toks("slain three years ago, a senior official said")),
            None
        );
        assert_eq!(d.check(&toks("the 1994 genocide")), Some(Discard::Sentence));
        assert_eq!(d.check(&toks("the genocide (1994) was")), None);
        assert_eq!(d.check(&toks("the genocide (1994 and 1995)")), None);
    }

    #[test]
    fn phoenix_list_is_compiled_in() {
        let d = Discards::phoenix();
        assert!(d.len() > 400, "{} phrases", d.len());
        assert_eq!(
            d.check(&toks("in the 1994 genocide")),
            Some(Discard::Sentence)
        );
        assert_eq!(d.check(&toks("Rwanda accused France")), None);
    }

    #[test]
    fn sentence_and_story_discards() {
        let d = Discards::parse(
            "# comment\nBASEBALL\n+World Golf Championships   # pas\nMONTHS LATER\n",
            "d.txt",
        )
        .unwrap();
        assert_eq!(d.len(), 3);
        assert_eq!(d.check(&toks("a baseball game")), Some(Discard::Sentence));
        assert_eq!(
            d.check(&toks("the World Golf Championships and baseball")),
            Some(Discard::Story)
        );
        assert_eq!(d.check(&toks("the World Golf")), None);
        assert_eq!(d.check(&toks("Arnor restored ties")), None);
        let err = Discards::parse("OK\n+\n", "d.txt").unwrap_err();
        assert_eq!(err.to_string(), "d.txt:2: a `+` with no phrase");
    }
}
