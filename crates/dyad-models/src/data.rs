//! Readers of the training and evaluation corpora: CoNLL-U treebanks and BIO/IOB2 NER files.
//!
//! The NER reader accepts the UNER layout (`id<TAB>word<TAB>tag<TAB>...`, `#` comments, blank
//! lines between sentences) and plain CoNLL (`word tag`, whitespace-separated, tag last when
//! there are two columns). UNER's `OTH` type and the stray `B-O` tag map to `O`, as its README
//! says, so the model learns PER, ORG and LOC.

use std::path::Path;

use dyad_text::conllu::{self, ConlluSentence};

use crate::ModelError;

fn read(path: &Path) -> Result<String, ModelError> {
    std::fs::read_to_string(path).map_err(|e| ModelError::Io {
        path: path.display().to_string(),
        source: e,
    })
}

/// Reads one CoNLL-U file.
pub fn read_conllu(path: &Path) -> Result<Vec<ConlluSentence>, ModelError> {
    let text = read(path)?;
    conllu::parse(&text).map_err(|e| ModelError::Data {
        path: path.display().to_string(),
        line: e.line,
        message: e.message,
    })
}

/// One NER sentence: words and their BIO tags (`O`, `B-PER`, `I-PER`, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NerSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// Reads a BIO/IOB2 file (see the module docs for the layouts accepted).
pub fn read_bio(path: &Path) -> Result<Vec<NerSentence>, ModelError> {
    parse_bio(&read(path)?).map_err(|e| e.at(&path.display().to_string()))
}

/// Parses BIO text.
pub fn parse_bio(text: &str) -> Result<Vec<NerSentence>, ModelError> {
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') && !line.contains('\t') {
            continue;
        }
        let cols: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split_whitespace().collect()
        };
        let (word, tag) = match cols.len() {
            0 | 1 => {
                return Err(ModelError::Data {
                    path: String::new(),
                    line: n + 1,
                    message: format!("expected a word and a tag, found {line:?}"),
                })
            }
            2 => (cols[0], cols[1]),
            _ => (cols[1], cols[2]),
        };
        cur.words.push(word.to_string());
        cur.tags
            .push(normalize_tag(tag).map_err(|m| ModelError::Data {
                path: String::new(),
                line: n + 1,
                message: m,
            })?);
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn normalize_tag(tag: &str) -> Result<String, String> {
    if tag == "O" {
        return Ok("O".into());
    }
    let (prefix, ty) = tag
        .split_once('-')
        .ok_or_else(|| format!("tag {tag:?} is not O, B-TYPE or I-TYPE"))?;
    if !matches!(prefix, "B" | "I") {
        return Err(format!("tag {tag:?} is not O, B-TYPE or I-TYPE"));
    }
    if ty == "O" || ty == "OTH" {
        return Ok("O".into());
    }
    Ok(format!("{prefix}-{ty}"))
}

/// Entity spans `(start, end, type)` (end exclusive) of a BIO sequence; an `I-` that does
/// not continue an entity of its type starts a new one (the conlleval convention).
pub fn spans(tags: &[impl AsRef<str>]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (b, ty) = match t.split_once('-') {
            Some((p, ty)) => (p == "B", Some(ty)),
            None => (false, None),
        };
        let continues = matches!((&open, ty), (Some((_, o)), Some(ty)) if !b && o == ty);
        if !continues {
            if let Some((s, ty)) = open.take() {
                out.push((s, i, ty));
            }
            if let Some(ty) = ty {
                open = Some((i, ty.to_string()));
            }
        }
    }
    if let Some((s, ty)) = open {
        out.push((s, tags.len(), ty));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_uner_layout_and_maps_oth() {
        let t = "# sent_id = a\n1\tIn\tO\t-\t-\n2\tNew\tB-LOC\t-\t-\n3\tYork\tI-LOC\t-\t-\n4\tWindows\tB-OTH\t-\t-\n5\tx\tB-O\t-\t-\n\n1\tBob\tB-PER\t-\t-\n";
        let s = parse_bio(t).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tags, ["O", "B-LOC", "I-LOC", "O", "O"]);
        assert_eq!(spans(&s[0].tags), vec![(1, 3, "LOC".to_string())]);
        assert_eq!(spans(&["I-PER", "B-PER", "I-ORG"]).len(), 3);
        let e = parse_bio("1\tx\tZ-PER\n").unwrap_err();
        assert!(e.to_string().contains(":1:"), "{e}");
    }
}
