//! The text stage as the rest of dyad calls it: clean a decoded input into a [`Document`]'s
//! text and offsets, then fill its sentences and tokens.
//!
//! Tokens are syntactic words (UD style: `can't` gives `ca` and `n't`), each a
//! [`Token::new`] over the cleaned text, because that is what the tagger and parser read.

use dyad_core::{Document, Sentence, Span, Token};

use crate::cleaner::{clean, Cleaned};
use crate::{segmenter, tokenizer};

/// Cleans `input[body]` into `doc.text` and `doc.offsets`, records every dropped span as a
/// warning, and returns the full [`Cleaned`] value for callers that want the dropped spans.
/// Sentences and tokens are cleared; call [`annotate`] next.
pub fn clean_into(doc: &mut Document, input: &str, body: Span) -> Vec<(Span, String)> {
    let Cleaned {
        text,
        offsets,
        dropped,
    } = clean(input, body);
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

/// Fills `doc.sentences` and `doc.tokens` from `doc.text`, replacing any already there.
pub fn annotate(doc: &mut Document) {
    let pieces = tokenizer::tokenize(&doc.text);
    let sentences = segmenter::segment(&doc.text, &pieces);
    doc.tokens = pieces
        .iter()
        .map(|p| Token::new(p.span, &doc.text))
        .collect();
    doc.sentences = sentences
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| Sentence {
            span: Span::new(pieces[r.start].span.start, pieces[r.end - 1].span.end),
            tokens: [r.start, r.end],
        })
        .collect();
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
    }
}
