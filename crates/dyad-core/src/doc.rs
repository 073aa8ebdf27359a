//! The document record that every stage fills in.
//!
//! The record is versioned by [`SCHEMA_VERSION`]; later stages add their own fields (entities,
//! actors, events, quotations, locations, tone) next to `tokens` and `sentences`, and leave the
//! existing ones as they are, so a store or an exporter written against `dyad/1` keeps working.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{OffsetMap, Span};

/// The version tag written into every document record.
pub const SCHEMA_VERSION: &str = "dyad/1";

/// A stable document id: the first 16 bytes of the SHA-256 of the document's input bytes, in
/// hex. The same input gives the same id on every run, so re-runs are idempotent.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(32);
    for b in &digest[..16] {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Where a document came from and what the reader learned about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Stable content hash, see [`content_id`].
    pub id: String,
    /// The file path (or `-` for standard input) the document was read from.
    pub source: String,
    /// Which record of a multi-document source: `line 12` of a JSONL file, a WARC record id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// The input format the reader recognised: `text`, `html`, `jsonl`, `warc`.
    pub format: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date, ISO 8601 (`2021-03-25`, or a full timestamp when the source gives one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// ISO 639-1 language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The place of a dateline such as `BRUSSELS (Reuters) -`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The news agency named in the dateline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
}

impl DocMeta {
    /// Metadata for a document read from `source` whose input bytes are `bytes`.
    pub fn new(source: &str, bytes: &[u8]) -> DocMeta {
        DocMeta {
            id: content_id(bytes),
            source: source.to_string(),
            format: "text".to_string(),
            ..DocMeta::default()
        }
    }
}

/// One token, Universal Dependencies style, with its byte span in the cleaned text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub text: String,
    pub span: Span,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lemma: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upos: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xpos: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feats: Option<String>,
    /// Index of the head token within the document's token list; `None` for the root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprel: Option<String>,
}

impl Token {
    /// A token covering `span` of `text`. An out-of-bounds span gets empty text.
    pub fn new(span: Span, text: &str) -> Token {
        Token {
            text: span.get(text).unwrap_or_default().to_string(),
            span,
            ..Token::default()
        }
    }
}

/// A sentence: its span and the half-open range of its tokens in [`Document::tokens`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: [usize; 2],
}

/// A named entity: its span in the text, its type (`PER`, `ORG`, `LOC`) and the half-open
/// range of its tokens in [`Document::tokens`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub span: Span,
    pub label: String,
    pub tokens: [usize; 2],
}

/// The record of one document, as every stage of dyad reads and writes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    pub doc: DocMeta,
    /// The cleaned text; every span in this record points into it.
    pub text: String,
    /// Maps spans of `text` back to the bytes of the decoded input.
    pub offsets: OffsetMap,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Named entities found by the NER model, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// Things the reader or cleaner had to repair (lossy decoding, dropped lines).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Document {
    pub fn new(doc: DocMeta, text: String) -> Document {
        Document {
            schema: SCHEMA_VERSION.to_string(),
            doc,
            text,
            ..Document::default()
        }
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        match self.sentences.get(i) {
            Some(s) => self.tokens.get(s.tokens[0]..s.tokens[1]).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Checks the invariants every stage relies on: spans inside the text on char boundaries,
    /// tokens in order and inside their sentence. Returns the first violation found.
    pub fn check(&self) -> Result<(), String> {
        for (i, t) in self.tokens.iter().enumerate() {
            if !t.span.is_valid_in(&self.text) {
                return Err(format!(
                    "token {i} span {:?} is not valid in the text",
                    t.span
                ));
            }
        }
        for w in self.tokens.windows(2) {
            if w[1].span.start < w[0].span.end {
                return Err(format!(
                    "tokens overlap or are out of order at {:?}",
                    w[1].span
                ));
            }
        }
        let mut next = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            if !s.span.is_valid_in(&self.text) {
                return Err(format!(
                    "sentence {i} span {:?} is not valid in the text",
                    s.span
                ));
            }
            if s.tokens[0] != next || s.tokens[1] < s.tokens[0] || s.tokens[1] > self.tokens.len() {
                return Err(format!(
                    "sentence {i} token range {:?} is not contiguous",
                    s.tokens
                ));
            }
            next = s.tokens[1];
            for t in &self.tokens[s.tokens[0]..s.tokens[1]] {
                if !s.span.contains(t.span) {
                    return Err(format!("token {:?} lies outside sentence {i}", t.span));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_distinct() {
        assert_eq!(content_id(b"abc"), content_id(b"abc"));
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
        assert_eq!(content_id(b"abc").len(), 32);
        assert_eq!(&content_id(b"abc")[..8], "ba7816bf");
    }

    #[test]
    fn check_finds_token_outside_sentence() {
        let text = "A b. C d.".to_string();
        let mut d = Document::new(DocMeta::new("t", text.as_bytes()), text.clone());
        for (s, e) in [(0, 1), (2, 3), (3, 4), (5, 6), (7, 8), (8, 9)] {
            d.tokens.push(Token::new(Span::new(s, e), &text));
        }
        d.sentences.push(Sentence {
            span: Span::new(0, 4),
            tokens: [0, 3],
        });
        d.sentences.push(Sentence {
            span: Span::new(5, 9),
            tokens: [3, 6],
        });
        assert_eq!(d.check(), Ok(()));
        d.sentences[1].span = Span::new(6, 9);
        assert!(d.check().unwrap_err().contains("outside sentence 1"));
    }

    #[test]
    fn record_serializes_with_schema() {
        let d = Document::new(DocMeta::new("x.txt", b"hi"), "hi".into());
        let v: serde_json::Value = serde_json::to_value(&d).unwrap();
        assert_eq!(v["schema"], "dyad/1");
        assert_eq!(v["doc"]["source"], "x.txt");
        assert!(v["doc"].get("title").is_none());
    }
}
