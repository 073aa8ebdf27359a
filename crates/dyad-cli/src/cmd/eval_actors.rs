//! Placeholder of the evaluation verbs that its owner replaces this session.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum ActorsEval {
    /// Annotated actor mentions: country and sector accuracy, share unresolved
    Actors(FileArgs),
}

#[derive(Args, Debug)]
pub struct FileArgs {
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(cmd: &ActorsEval) -> Result<()> {
    match cmd {
        ActorsEval::Actors(a) => bail!("dyad eval actors is not built yet ({:?})", a.files),
    }
}
