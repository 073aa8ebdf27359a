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
    /// The sentence starts a document (`# newdoc` before it, or a `-DOCSTART-` line): the
    /// recognizer's document-level features start afresh there.
    pub newdoc: bool,
}

/// Reads a BIO/IOB2 file (see the module docs for the layouts accepted).
pub fn read_bio(path: &Path) -> Result<Vec<NerSentence>, ModelError> {
    parse_bio(&read(path)?).map_err(|e| e.at(&path.display().to_string()))
}

/// Parses BIO text.
pub fn parse_bio(text: &str) -> Result<Vec<NerSentence>, ModelError> {
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    let mut newdoc = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') && !line.contains('\t') {
            newdoc |= line
                .trim_start_matches('#')
                .trim_start()
                .starts_with("newdoc");
            continue;
        }
        if line.split_whitespace().next() == Some("-DOCSTART-") {
            newdoc = true;
            continue;
        }
        if cur.words.is_empty() {
            cur.newdoc = std::mem::take(&mut newdoc);
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

/// Reads the named people, places and organizations of a CoNLL-U file with GUM's `Entity=`
/// annotation (MISC) as NER sentences, so that GUM can add training data to UNER.
///
/// GUM marks every mention (pronouns and common nouns too) and nests them; UNER tags only
/// names, flat. A GUM mention of type `person`, `place` or `organization` becomes a `PER`,
/// `LOC` or `ORG` entity when, after dropping a leading determiner, it starts with a proper
/// noun and holds only proper nouns, numbers and a few connectors (`of`, `and`, `&`, `'s`,
/// hyphens, periods) — "the University of Portsmouth" -> ORG "University of Portsmouth";
/// outer mentions win over the mentions inside them.
pub fn read_conllu_entities(path: &Path) -> Result<Vec<NerSentence>, ModelError> {
    Ok(read_conllu(path)?.iter().map(gum_entities).collect())
}

fn gum_entities(s: &ConlluSentence) -> NerSentence {
    let n = s.words.len();
    let mut open: Vec<(String, usize, &str)> = Vec::new();
    let mut mentions: Vec<(usize, usize, &str)> = Vec::new();
    for (i, w) in s.words.iter().enumerate() {
        let Some(v) = w.misc.split('|').find_map(|m| m.strip_prefix("Entity=")) else {
            continue;
        };
        let mut rest = v;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('(') {
                let end = r.find(['(', ')']).unwrap_or(r.len());
                let fields: Vec<&str> = r[..end].split('-').collect();
                let id = fields.first().copied().unwrap_or("").to_string();
                let ty = fields.get(1).copied().unwrap_or("");
                rest = &r[end..];
                if let Some(r2) = rest.strip_prefix(')') {
                    mentions.push((i, i + 1, ty));
                    rest = r2;
                } else {
                    open.push((id, i, ty));
                }
            } else {
                let end = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..end];
                if let Some(k) = open.iter().rposition(|(o, _, _)| o == id) {
                    let (_, start, ty) = open.remove(k);
                    mentions.push((start, i + 1, ty));
                }
                rest = rest.get(end + 1..).unwrap_or("");
            }
        }
    }
    let words = &s.words;
    let connector = |f: &str| matches!(f, "of" | "and" | "&" | "'s" | "-" | "." | "de" | "for");
    let mut spans: Vec<(usize, usize, &str)> = mentions
        .into_iter()
        .filter_map(|(mut b, e, ty)| {
            let ty = match ty {
                "person" => "PER",
                "place" => "LOC",
                "organization" => "ORG",
                _ => return None,
            };
            while b < e && words[b].upos == "DET" {
                b += 1;
            }
            let name = b < e
                && words[b].upos == "PROPN"
                && words[e - 1].upos != "ADP"
                && words[b..e]
                    .iter()
                    .all(|w| matches!(w.upos.as_str(), "PROPN" | "NUM") || connector(&w.form));
            name.then_some((b, e, ty))
        })
        .collect();
    // Longest first, then keep those that do not overlap a kept one.
    spans.sort_by_key(|&(b, e, _)| (std::cmp::Reverse(e - b), b));
    let mut tags = vec!["O".to_string(); n];
    let mut taken = vec![false; n];
    for (b, e, ty) in spans {
        if taken[b..e].iter().any(|&t| t) {
            continue;
        }
        for (k, t) in tags[b..e].iter_mut().enumerate() {
            *t = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
        }
        taken[b..e].iter_mut().for_each(|t| *t = true);
    }
    NerSentence {
        words: words.iter().map(|w| w.form.clone()).collect(),
        tags,
        newdoc: s.newdoc,
    }
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
    fn gum_names_become_flat_entities() {
        let t = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new-x-University_of_Portsmouth
2\tUniversity\tUniversity\tPROPN\tNNP\t_\t0\troot\t_\t_
3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_
4\tPortsmouth\tPortsmouth\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(2-place-new-x-Portsmouth)1)
5\thired\thire\tVERB\tVBD\t_\t2\tdep\t_\t_
6\ther\tshe\tPRON\tPRP\t_\t5\tobj\t_\tEntity=(3-person-new-x)
7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_
8\tOslo\tOslo\tPROPN\tNNP\t_\t5\tobl\t_\tEntity=(4-place-new-x-Oslo)

";
        let sents: Vec<NerSentence> = conllu::parse(t).unwrap().iter().map(gum_entities).collect();
        assert_eq!(
            sents[0].tags,
            ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "B-LOC"]
        );
    }

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

    #[test]
    fn marks_document_starts() {
        let t =
            "# newdoc id = d1\n# sent_id = d1-1\n1\tA\tO\n\n1\tB\tO\n\n# newdoc id = d2\n1\tC\tO\n";
        let s = parse_bio(t).unwrap();
        let docs: Vec<bool> = s.iter().map(|x| x.newdoc).collect();
        assert_eq!(docs, [true, false, true]);
        let s = parse_bio("-DOCSTART- O\n\nA O\n\nB O\n\n-DOCSTART- O\n\nC I-PER\n").unwrap();
        let docs: Vec<(bool, &str)> = s.iter().map(|x| (x.newdoc, x.words[0].as_str())).collect();
        assert_eq!(docs, [(true, "A"), (false, "B"), (true, "C")]);
    }
}
