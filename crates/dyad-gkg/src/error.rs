//! The one error type of this crate: a data table or gold file that does not parse, with file
//! and line, or a gold file that cannot be read.

/// What went wrong while loading a table of `data/gkg` or an evaluation file.
#[derive(Debug, thiserror::Error)]
pub enum GkgError {
    /// A line of a table is malformed; `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Table {
        file: String,
        line: usize,
        message: String,
    },
    /// A file named by a gold file cannot be read.
    #[error("cannot read {file}: {error}")]
    Io { file: String, error: std::io::Error },
}

impl GkgError {
    pub(crate) fn table(file: &str, line: usize, message: impl Into<String>) -> GkgError {
        GkgError::Table {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
