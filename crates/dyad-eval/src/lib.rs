//! Evaluation harnesses behind `dyad eval`: each module scores one stage of the pipeline
//! against a gold standard the way the stage's literature does, and returns a serializable
//! report that the command line prints as a table or as JSON.
//!
//! - [`extract`]: HTML main-text extraction, token-shingle P/R/F1 as the article-extraction
//!   benchmark computes it;
//! - [`segtok`]: sentence segmentation and tokenization from raw text, CoNLL 2018 style;
//! - [`ud`]: tagging, lemmas and dependency parsing on gold tokenization (UPOS ... LAS);
//! - [`ner`]: named-entity span precision/recall/F1 per type.

pub mod extract;
pub mod ner;
pub mod segtok;
pub mod ud;
