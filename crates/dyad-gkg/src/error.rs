//! The one error type of this crate: a data table that does not parse, with file and line.

/// What went wrong while loading a table of `data/gkg`.
#[derive(Debug, thiserror::Error)]
pub enum GkgError {
    /// A line of a table is malformed; `line` is 1-based.
    #[error("{file}:{line}: {message}")]
    Table {
        file: String,
        line: usize,
        message: String,
    },
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
