//! dyad-eval
pub mod segtok;
