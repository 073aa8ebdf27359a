//! The text stage as the rest of dyad calls it: clean a decoded input into a [`Document`]'s
//! text and offsets, then fill its sentences and tokens.
//!
//! Tokens are syntactic words (UD style: `can't` gives `ca` and `n't`), each a
//! [`Token::new`] over the cleaned text, because that is what the tagger and parser read.
//!
//! The one limit of this stage is the sentence length ([`TextLimits`]): a longer run of words
//! without a sentence end is split, and the record says so in a warning. [`annotate`] uses
//! the default limit; [`annotate_with`] takes it explicitly (the command line's
//! `--max-sentence-tokens` reaches it through the CLI's pipeline, not through global state).

use dyad_core::{Document, Sentence, Span, Token};

use crate::cleaner::{clean_tokenized, Cleaned};
use crate::segmenter::MAX_SENTENCE_WORDS;
use crate::tokenizer::Piece;
use crate::{segmenter, tokenizer};

/// Limits of the text stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextLimits {
    /// Longest sentence in words (tokens) before a break is forced; at least 1.
    pub max_sentence_words: usize,
}

impl Default for TextLimits {
    fn default() -> Self {
        TextLimits {
            max_sentence_words: MAX_SENTENCE_WORDS,
        }
    }
}

/// Cleans `input[body]` into `doc.text` and `doc.offsets`, records every dropped span as a
/// warning, and returns the full [`Cleaned`] value for callers that want the dropped spans.
/// Sentences and tokens are cleared; call [`annotate`] next.
pub fn clean_into(doc: &mut Document, input: &str, body: Span) -> Vec<(Span, String)> {
    clean_into_tokenized(doc, input, body, &mut Vec::new())
}

/// [`clean_into`], also leaving in `pieces` the words of `doc.text` (see
/// [`crate::cleaner::clean_tokenized`]), for [`annotate_pieces`].
pub fn clean_into_tokenized(
    doc: &mut Document,
    input: &str,
    body: Span,
    pieces: &mut Vec<Piece>,
) -> Vec<(Span, String)> {
    let Cleaned {
        text,
        offsets,
        dropped,
    } = clean_tokenized(input, body, pieces);
    doc.text = text;
    doc.offsets = offsets;
    doc.sentences.clear();
    doc.tokens.clear();
    for (span, reason) in &dropped {
        doc.warnings.push(format!(
            "dropped bytes {}..{}: {reason}",
            span.start, span.end
        ));
    }
    dropped
}

/// Fills `doc.sentences` and `doc.tokens` from `doc.text`, replacing any already there, with
/// the default limits.
pub fn annotate(doc: &mut Document) {
    annotate_with(doc, TextLimits::default());
}

/// [`annotate`] with explicit limits. Sentences cut at `max_sentence_words` are counted in
/// one warning naming the limit.
pub fn annotate_with(doc: &mut Document, limits: TextLimits) {
    let pieces = tokenizer::tokenize(&doc.text);
    annotate_pieces(doc, limits, &pieces);
}

/// [`annotate_with`] over `pieces`, the words of `doc.text` as [`tokenizer::tokenize`]
/// gives them (from [`clean_into_tokenized`]), without tokenizing the text again.
pub fn annotate_pieces(doc: &mut Document, limits: TextLimits, pieces: &[Piece]) {
    let max = limits.max_sentence_words.max(1);
    let sentences = segmenter::segment_with(&doc.text, pieces, max);
    doc.tokens = pieces
        .iter()
        .map(|p| Token::new(p.span, &doc.text))
        .collect();
    let text = &doc.text;
    let tokens = &doc.tokens;
    // A cut sentence is one that reaches the limit and ends without sentence punctuation.
    let cut = sentences
        .iter()
        .filter(|r| r.len() >= max && !ends_sentence(tokens[r.end - 1].span.get(text)))
        .count();
    doc.sentences = sentences
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| Sentence {
            span: Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end),
            tokens: [r.start, r.end],
        })
        .collect();
    if cut > 0 {
        doc.warnings.push(format!(
            "{cut} sentence(s) reached the limit of {max} tokens (max_sentence_tokens) and were split there"
        ));
    }
}

fn ends_sentence(word: Option<&str>) -> bool {
    word.and_then(|w| w.chars().last())
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '…' | '"' | '\'' | ')' | '”' | '’'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::DocMeta;

    #[test]
    fn clean_then_annotate_gives_a_valid_document() {
        let input = "Left Menu\n\nU.S. officials met. They can't agree.";
        let mut doc = Document::new(DocMeta::new("t", input.as_bytes()), String::new());
        let dropped = clean_into(&mut doc, input, Span::new(0, input.len()));
        assert_eq!(dropped.len(), 1);
        annotate(&mut doc);
        assert_eq!(doc.check(), Ok(()));
        assert_eq!(doc.sentences.len(), 2);
        let words: Vec<&str> = doc
            .sentence_tokens(1)
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(words, ["They", "ca", "n't", "agree", "."]);
        let back = doc.offsets.map_span(doc.tokens[0].span);
        assert_eq!(&input[back.start..back.end], "U.S.");
        assert!(doc.warnings.iter().all(|w| !w.contains("max_sentence")));
    }

    #[test]
    fn long_sentences_are_split_at_the_limit_with_a_warning_naming_it() {
        let input = "word ".repeat(25) + "end. Short one.";
        let mut doc = Document::new(DocMeta::new("t", input.as_bytes()), String::new());
        clean_into(&mut doc, &input, Span::new(0, input.len()));
        annotate_with(
            &mut doc,
            TextLimits {
                max_sentence_words: 10,
            },
        );
        assert_eq!(doc.check(), Ok(()));
        let lens: Vec<usize> = doc
            .sentences
            .iter()
            .map(|s| s.tokens[1] - s.tokens[0])
            .collect();
        assert_eq!(lens, [10, 10, 7, 3]);
        let w: Vec<&String> = doc
            .warnings
            .iter()
            .filter(|w| w.contains("limit"))
            .collect();
        assert_eq!(
            w,
            ["2 sentence(s) reached the limit of 10 tokens (max_sentence_tokens) and were split there"]
        );
    }
}
