//! The one error type of this crate.
//!
//! Every error that comes from reading a dictionary names the file and the 1-based line, so
//! a user who brings their own PETRARCH or overlay dictionary can go straight to the fault.

use std::path::PathBuf;

/// What went wrong while reading or compiling actor dictionaries.
#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    /// A line of a dictionary file could not be read.
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An entry's code is not valid against the CAMEO codebook.
    #[error("{origin}: code {code:?} is not valid against the CAMEO codebook")]
    Code { origin: String, code: String },
    /// The compiled matcher could not be built (too many or too long patterns).
    #[error("cannot build the actor matcher: {0}")]
    Build(String),
}

impl ActorError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> ActorError {
        ActorError::Syntax {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
