//! Placeholder of the evaluation verbs that its owner replaces this session.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum EventsEval {
    /// PETRARCH validation file (XML) coded from raw text: codings found, missed, false positives
    Petrarch(FileArgs),
    /// PLOVER gold-standard examples: PLOVER type accuracy
    Plover(FileArgs),
}

#[derive(Args, Debug)]
pub struct FileArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(cmd: &EventsEval) -> Result<()> {
    match cmd {
        EventsEval::Petrarch(a) => bail!("dyad eval petrarch is not built yet ({:?})", a.files),
        EventsEval::Plover(a) => bail!("dyad eval plover is not built yet ({:?})", a.files),
    }
}
