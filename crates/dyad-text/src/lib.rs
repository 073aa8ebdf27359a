//! Text stages of dyad: cleaning, sentence segmentation and tokenization, each keeping byte
//! offsets into the text, plus the CoNLL-U reader used by training and evaluation.
//!
//! The stages run in this order, and [`pipeline`] chains them for a [`dyad_core::Document`]:
//!
//! - [`cleaner::clean`] drops boilerplate lines and repeated paragraphs and normalises
//!   characters, keeping an offset map back to the input;
//! - [`tokenizer::tokenize`] splits text into Universal Dependencies words, flagged when
//!   they are glued into one surface token (`can't` = `ca` + `n't`);
//! - [`segmenter::segment`] groups the words into sentences.
//!
//! ```
//! use dyad_core::{DocMeta, Document, Span};
//!
//! let input = "Skip to content\n\nU.S. Secretary of State Antony Blinken said it. He left.";
//! let mut doc = Document::new(DocMeta::new("example.txt", input.as_bytes()), String::new());
//! dyad_text::clean_into(&mut doc, input, Span::new(0, input.len()));
//! dyad_text::annotate(&mut doc);
//! assert_eq!(doc.sentences.len(), 2);
//! assert_eq!(doc.tokens[0].text, "U.S.");
//! assert!(doc.check().is_ok());
//! ```

pub mod cleaner;
pub mod conllu;
mod lexicon;
mod normalize;
pub mod pipeline;
pub mod segmenter;
pub mod tokenizer;

pub use cleaner::{clean, clean_tokenized, Cleaned};
pub use pipeline::{
    annotate, annotate_pieces, annotate_with, clean_into, clean_into_tokenized, TextLimits,
};
pub use tokenizer::Piece;
