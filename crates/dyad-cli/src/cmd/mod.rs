//! The verbs of the `dyad` command line, one module each.

pub mod eval;
pub mod run;
pub mod train;
