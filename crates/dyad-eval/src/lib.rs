//! dyad-eval
pub mod extract;
pub mod segtok;
