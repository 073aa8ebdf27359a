//! The error type of dyad-models.

/// Everything that can go wrong loading, saving or training a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: not a dyad model file (bad magic bytes); pass a file written by `dyad train`"
    )]
    BadMagic { path: String },
    #[error("{path}: model format version {found}, this build reads version {expected}; retrain it with `dyad train` or use the models shipped with this version")]
    Version {
        path: String,
        found: u32,
        expected: u32,
    },
    #[error("{path}: this is a {found} model, expected a {expected} model")]
    Kind {
        path: String,
        found: String,
        expected: String,
    },
    #[error("{path}: corrupt model (payload byte {offset}): {what}")]
    Corrupt {
        path: String,
        offset: usize,
        what: String,
    },
    #[error("{path}:{line}: {message}")]
    Data {
        path: String,
        line: usize,
        message: String,
    },
    #[error("training: {0}")]
    Train(String),
}

impl ModelError {
    /// The same error, naming `path` as the file it came from.
    pub fn at(self, path: &str) -> ModelError {
        let p = path.to_string();
        match self {
            ModelError::Io { source, .. } => ModelError::Io { path: p, source },
            ModelError::BadMagic { .. } => ModelError::BadMagic { path: p },
            ModelError::Version {
                found, expected, ..
            } => ModelError::Version {
                path: p,
                found,
                expected,
            },
            ModelError::Kind {
                found, expected, ..
            } => ModelError::Kind {
                path: p,
                found,
                expected,
            },
            ModelError::Corrupt { offset, what, .. } => ModelError::Corrupt {
                path: p,
                offset,
                what,
            },
            ModelError::Data { line, message, .. } => ModelError::Data {
                path: p,
                line,
                message,
            },
            e @ ModelError::Train(_) => e,
        }
    }
}
