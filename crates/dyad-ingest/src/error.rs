//! The one error type of the readers.
//!
//! A [`ReadError`] names the input (`source`, a path or `-`), the record inside it when there
//! is one (`line 12`, a WARC record id, `byte 4096`), what kind of failure it was and a message
//! that says what the user can do. Readers yield errors as items next to documents, so one bad
//! line or record is reported and the run goes on.
//!
//! `Display` and `Error` are written by hand rather than derived with `thiserror`: thiserror
//! treats a field named `source` as the underlying cause, and the field name `source` matches
//! [`dyad_core::DocMeta::source`], which matters more for the readers' users.

use std::fmt;

/// What went wrong, for callers that want to count or filter errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A path or glob named on the command line matched nothing.
    NotFound,
    /// Reading the file or standard input failed.
    Io,
    /// The input or its decompressed form is larger than the configured limit.
    TooLarge,
    /// A gzip or zstd stream is corrupt or truncated.
    Decompress,
    /// The input looks like a binary file (NUL bytes, control characters, known magic).
    Binary,
    /// The input is empty (or only whitespace).
    Empty,
    /// A JSON Lines record is not a JSON object or lacks the text field.
    Json,
    /// A WARC record is malformed (bad header, wrong Content-Length).
    Warc,
    /// HTML main-text extraction found no text.
    Html,
}

/// An input, or one record of it, that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    /// The path the input was read from, or `-` for standard input.
    pub source: String,
    /// The record inside the input, e.g. `line 12` or a WARC-Record-ID.
    pub record: Option<String>,
    pub kind: ErrorKind,
    pub message: String,
}

impl ReadError {
    /// An error about a whole input.
    pub fn new(source: &str, kind: ErrorKind, message: impl Into<String>) -> ReadError {
        ReadError {
            source: source.to_string(),
            record: None,
            kind,
            message: message.into(),
        }
    }

    /// An error about one record of an input.
    pub fn at(
        source: &str,
        record: impl Into<String>,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> ReadError {
        ReadError {
            record: Some(record.into()),
            ..ReadError::new(source, kind, message)
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.record {
            Some(r) => write!(f, "{}: {}: {}", self.source, r, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for ReadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_and_line() {
        let e = ReadError::at(
            "a/b.jsonl",
            "line 12",
            ErrorKind::Json,
            "expected a JSON object",
        );
        assert_eq!(e.to_string(), "a/b.jsonl: line 12: expected a JSON object");
        let e = ReadError::new("-", ErrorKind::Empty, "the input is empty");
        assert_eq!(e.to_string(), "-: the input is empty");
    }
}
