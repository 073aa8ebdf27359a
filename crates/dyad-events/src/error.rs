//! The one error type of this crate.
//!
//! Every reader here takes outside input (dictionary text, validation XML, codebook tables),
//! so every error names the file and the place in it: a line for the line-based formats, a
//! byte offset for XML, whose records span many lines.

use std::path::PathBuf;

/// What went wrong, and where.
#[derive(Debug, thiserror::Error)]
pub enum EventsError {
    /// A line of a line-based file (verb dictionary, codebook table, GSR file) is malformed.
    #[error("{file}:{line}: {message}")]
    Line {
        file: String,
        line: usize,
        message: String,
    },
    /// An XML file is malformed or misses something a validation record needs.
    #[error("{file}: byte {offset}: {message}")]
    Xml {
        file: String,
        offset: u64,
        message: String,
    },
    /// A code that is not in the CAMEO codebook.
    #[error("unknown CAMEO event code {0:?}")]
    UnknownCode(String),
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl EventsError {
    pub(crate) fn line(file: &str, line: usize, message: impl Into<String>) -> EventsError {
        EventsError::Line {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    pub(crate) fn xml(file: &str, offset: u64, message: impl Into<String>) -> EventsError {
        EventsError::Xml {
            file: file.to_string(),
            offset,
            message: message.into(),
        }
    }
}

/// Read a whole file as UTF-8 text, naming it in the error.
pub(crate) fn read_text(path: &std::path::Path) -> Result<String, EventsError> {
    std::fs::read_to_string(path).map_err(|source| EventsError::Io {
        path: path.to_path_buf(),
        source,
    })
}
