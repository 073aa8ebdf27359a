//! dyad-eval
pub mod extract;
pub mod segtok;
pub mod ud; pub mod ner;
