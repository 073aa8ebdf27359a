//! From command-line arguments to a list of inputs.
//!
//! An argument is `-` (standard input), a file, a directory (walked recursively, hidden
//! files and folders skipped, entries sorted by name so every run reads in the same order), or
//! a glob pattern (matches sorted). An argument that names nothing is an error, reported
//! alongside the inputs that were found, so one typo does not stop a batch.

use std::path::{Path, PathBuf};

use crate::error::{ErrorKind, ReadError};

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    /// The name used in [`dyad_core::DocMeta::source`] and in errors: the path, or `-`.
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// Expands command-line arguments into inputs, in argument order, each directory and glob
/// sorted. Arguments that match nothing come back as errors of kind [`ErrorKind::NotFound`].
pub fn expand_inputs(args: &[String]) -> (Vec<Input>, Vec<ReadError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk_dir(arg, path, &mut inputs, &mut errors);
        } else if path.exists() {
            inputs.push(Input::Path(path.to_path_buf()));
        } else if arg.contains(['*', '?', '[']) {
            expand_glob(arg, &mut inputs, &mut errors);
        } else {
            errors.push(ReadError::new(
                arg,
                ErrorKind::NotFound,
                "no such file or directory",
            ));
        }
    }
    (inputs, errors)
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0
        && entry
            .file_name()
            .to_str()
            .is_some_and(|n| n.starts_with('.'))
}

fn walk_dir(arg: &str, dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<ReadError>) {
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e));
    let before = inputs.len();
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => inputs.push(Input::Path(e.into_path())),
            Ok(_) => {}
            Err(e) => {
                let at = e
                    .path()
                    .map_or(arg.to_string(), |p| p.display().to_string());
                errors.push(ReadError::new(
                    &at,
                    ErrorKind::Io,
                    format!("cannot list: {e}"),
                ));
            }
        }
    }
    if inputs.len() == before {
        errors.push(ReadError::new(
            arg,
            ErrorKind::NotFound,
            "the directory holds no files",
        ));
    }
}

fn expand_glob(pattern: &str, inputs: &mut Vec<Input>, errors: &mut Vec<ReadError>) {
    let paths = match glob::glob(pattern) {
        Ok(p) => p,
        Err(e) => {
            errors.push(ReadError::new(
                pattern,
                ErrorKind::NotFound,
                format!("bad glob pattern: {e}"),
            ));
            return;
        }
    };
    let mut found: Vec<PathBuf> = Vec::new();
    for p in paths {
        match p {
            Ok(p) if p.is_file() => found.push(p),
            Ok(_) => {}
            Err(e) => errors.push(ReadError::new(
                &e.path().display().to_string(),
                ErrorKind::Io,
                format!("cannot read: {}", e.error()),
            )),
        }
    }
    if found.is_empty() {
        errors.push(ReadError::new(
            pattern,
            ErrorKind::NotFound,
            "the pattern matches no file",
        ));
    }
    found.sort();
    inputs.extend(found.into_iter().map(Input::Path));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_sorted_and_missing_paths_reported() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub")).unwrap();
        for f in ["b.txt", "a.txt", "sub/c.txt", ".hidden.txt"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let missing = d.join("nope.txt").display().to_string();
        let args = vec![d.display().to_string(), missing.clone(), "-".to_string()];
        let (inputs, errors) = expand_inputs(&args);
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::Path(p) => p.strip_prefix(d).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, vec!["a.txt", "b.txt", "sub/c.txt", "-"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, ErrorKind::NotFound);
        assert_eq!(
            errors[0].to_string(),
            format!("{missing}: no such file or directory")
        );
    }

    #[test]
    fn globs_are_sorted_and_empty_globs_reported() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in ["z.jsonl", "m.jsonl", "n.txt"] {
            std::fs::write(d.join(f), "x").unwrap();
        }
        let pat = format!("{}/*.jsonl", d.display());
        let none = format!("{}/*.warc", d.display());
        let (inputs, errors) = expand_inputs(&[pat, none.clone()]);
        assert_eq!(
            inputs,
            vec![
                Input::Path(d.join("m.jsonl")),
                Input::Path(d.join("z.jsonl"))
            ]
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].source, none);
    }
}
