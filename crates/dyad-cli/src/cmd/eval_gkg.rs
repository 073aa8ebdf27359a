//! Placeholder of the evaluation verbs that its owner replaces this session.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum GkgEval {
    /// Annotated quotations: speaker accuracy and quote span F1
    Quotes(FileArgs),
    /// Annotated place mentions: country and city accuracy
    Geo(FileArgs),
}

#[derive(Args, Debug)]
pub struct FileArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(cmd: &GkgEval) -> Result<()> {
    match cmd {
        GkgEval::Quotes(a) => bail!("dyad eval quotes is not built yet ({:?})", a.files),
        GkgEval::Geo(a) => bail!("dyad eval geo is not built yet ({:?})", a.files),
    }
}
