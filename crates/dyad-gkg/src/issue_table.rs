//! The phrase table of the issue themes (`themes.rs`), built by [`Issues::build`] from a
//! `phrase<TAB>code<TAB>category` text. The build script runs that build on the embedded
//! `data/gkg/issues.tsv` and writes the result as static arrays (so a run pays nothing for
//! it); [`IssueTable::parse`](crate::IssueTable::parse) runs it on other texts. This file is
//! compiled twice, into the build script (`build.rs`) and into the crate, so it uses only
//! `std`.

use std::borrow::Cow;
use std::collections::HashMap;

/// The code of an ignore phrase (`~`), in [`Issues::phrases`].
pub const IGNORE: u32 = u32::MAX;

/// The phrases, grouped by first word.
#[derive(Clone, Debug, PartialEq)]
pub struct Issues {
    /// The words of the phrases, phrase after phrase.
    pub words: Cow<'static, [Cow<'static, str>]>,
    /// Per phrase: its words `words[start..end]` and its index into `codes` ([`IGNORE`]
    /// for an ignore phrase). The phrases of one first word are together, longest first,
    /// in table order among equal lengths.
    pub phrases: Cow<'static, [(u32, u32, u32)]>,
    /// The first words, sorted, each with its phrases `phrases[start..end]`.
    pub firsts: Cow<'static, [(Cow<'static, str>, u32, u32)]>,
    /// (code, category), in order of first use.
    pub codes: Cow<'static, [(Cow<'static, str>, Cow<'static, str>)]>,
}

/// A phrase's words and its code.
type Phrase<'a> = (Vec<&'a str>, u32);

impl Issues {
    /// Reads `phrase<TAB>code<TAB>category` lines; `#` lines are comments. A malformed line
    /// is an error with its 1-based number.
    pub fn build(text: &str) -> Result<Issues, (usize, &'static str)> {
        let mut codes: Vec<(Cow<'static, str>, Cow<'static, str>)> = Vec::new();
        // (Keyed by the table's own text: a code's strings are copied once, when new.)
        let mut code_index: HashMap<(&str, &str), u32> = HashMap::new();
        let mut by_first: HashMap<&str, Vec<Phrase>> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 || f[0].trim().is_empty() {
                return Err((n + 1, "expected phrase, code, category"));
            }
            let words: Vec<&str> = f[0].split_whitespace().collect();
            let code = if f[1] == "~" {
                IGNORE
            } else {
                let next = codes.len() as u32;
                let i = *code_index.entry((f[1], f[2])).or_insert(next);
                if i == next {
                    codes.push((Cow::Owned(f[1].to_string()), Cow::Owned(f[2].to_string())));
                }
                i
            };
            by_first.entry(words[0]).or_default().push((words, code));
        }
        let mut groups: Vec<(&str, Vec<Phrase>)> = by_first.into_iter().collect();
        groups.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let (mut words, mut phrases, mut firsts) = (Vec::new(), Vec::new(), Vec::new());
        for (first, mut group) in groups {
            // (A stable sort: equal lengths stay in table order.)
            group.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
            let from = phrases.len() as u32;
            for (w, code) in group {
                let start = words.len() as u32;
                words.extend(w.into_iter().map(|w| Cow::Owned(w.to_string())));
                phrases.push((start, words.len() as u32, code));
            }
            firsts.push((Cow::Owned(first.to_string()), from, phrases.len() as u32));
        }
        Ok(Issues {
            words: Cow::Owned(words),
            phrases: Cow::Owned(phrases),
            firsts: Cow::Owned(firsts),
            codes: Cow::Owned(codes),
        })
    }
}
