//! Themes: PETRARCH's issue phrases (`data/gkg/issues.tsv`, converted from
//! `Phoenix.IssueCoding.txt`, MIT) matched over the words of each sentence.
//!
//! PETRARCH matches lower-case phrases with its plural, verb-form and hyphen expansions; the
//! conversion script has done those expansions, so matching here is plain word-sequence
//! equality. Words are the tokens lower-cased, with a glued hyphen (`pre` `-` `school`) and a
//! possessive `'s` joined to their neighbours, as the phrases write them. At each word the
//! longest phrase wins. As in PETRARCH, an ignore phrase (`~`) in a sentence cancels every
//! issue of that sentence. Phrases are indexed by their first word, so a sentence costs one
//! hash lookup per word.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use dyad_core::Document;
use serde::{Deserialize, Serialize};

use crate::GkgError;

const ISSUES_TSV: &str = include_str!("../../../data/gkg/issues.tsv");

/// One theme of a document: an issue code with the offsets of its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// The issue code (`REFUGEES`, `POSTSECONDARY_EDUCATION`).
    pub code: String,
    /// PETRARCH's category of the code (`REFUGEES`, `EDUCATION`).
    pub category: String,
    /// Number of matched phrases.
    pub count: usize,
    /// Byte offsets of the matched phrases in [`Document::text`].
    pub offsets: Vec<usize>,
}

/// A phrase's words and its index into [`IssueTable::codes`] (`None` for an ignore phrase).
type Phrase = (Vec<String>, Option<u32>);

/// The issue phrases, indexed by first word.
#[derive(Debug)]
pub struct IssueTable {
    /// First word to (the phrase's words, index into `codes`; `None` for an ignore phrase).
    /// A fast hash: every word of every document is looked up.
    by_first: FxHashMap<String, Vec<Phrase>>,
    /// (code, category).
    codes: Vec<(String, String)>,
}

impl IssueTable {
    /// Parses `phrase<TAB>code<TAB>category` lines; `#` lines are comments.
    pub fn parse(text: &str, file: &str) -> Result<IssueTable, GkgError> {
        let mut t = IssueTable {
            by_first: FxHashMap::default(),
            codes: Vec::new(),
        };
        // (Keyed by the table's own text: a code's strings are copied once, when new.)
        let mut code_index: HashMap<(&str, &str), u32> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 3 || f[0].trim().is_empty() {
                return Err(GkgError::table(
                    file,
                    n + 1,
                    "expected phrase, code, category",
                ));
            }
            let words: Vec<String> = f[0].split_whitespace().map(str::to_string).collect();
            let code = if f[1] == "~" {
                None
            } else {
                let next = t.codes.len() as u32;
                let i = *code_index.entry((f[1], f[2])).or_insert(next);
                if i == next {
                    t.codes.push((f[1].to_string(), f[2].to_string()));
                }
                Some(i)
            };
            match t.by_first.get_mut(words[0].as_str()) {
                Some(phrases) => phrases.push((words, code)),
                None => {
                    t.by_first.insert(words[0].clone(), vec![(words, code)]);
                }
            }
        }
        for v in t.by_first.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        }
        Ok(t)
    }

    /// The table of `data/gkg/issues.tsv`, parsed once.
    pub fn builtin() -> Result<&'static IssueTable, &'static GkgError> {
        static T: OnceLock<Result<IssueTable, GkgError>> = OnceLock::new();
        T.get_or_init(|| IssueTable::parse(ISSUES_TSV, "data/gkg/issues.tsv"))
            .as_ref()
    }

    /// Number of phrases, ignore phrases included.
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The themes of `doc`, in order of first mention.
    pub fn themes(&self, doc: &Document) -> Vec<Theme> {
        self.themes_lowered(doc, &crate::tone::lowered(&doc.tokens))
    }

    /// [`IssueTable::themes`] given the lower-case forms of the document's tokens.
    pub(crate) fn themes_lowered(&self, doc: &Document, lower: &[Cow<'_, str>]) -> Vec<Theme> {
        let mut found: Vec<Theme> = Vec::new();
        for s in &doc.sentences {
            let [a, b] = s.tokens;
            let words = sentence_words(doc, &lower[a..b], a, b);
            let mut hits: Vec<(u32, usize)> = Vec::new();
            let mut ignored = false;
            let mut i = 0;
            while i < words.len() {
                let m = self.by_first.get(words[i].0.as_ref()).and_then(|c| {
                    c.iter().find(|(p, _)| {
                        words.len() - i >= p.len()
                            && p.iter().zip(&words[i..]).all(|(x, (w, _))| x == w)
                    })
                });
                match m {
                    Some((p, code)) => {
                        match code {
                            Some(c) => hits.push((*c, words[i].1)),
                            None => ignored = true,
                        }
                        i += p.len();
                    }
                    None => i += 1,
                }
            }
            if ignored {
                continue;
            }
            for (c, off) in hits {
                let (code, category) = &self.codes[c as usize];
                match found.iter_mut().find(|t| &t.code == code) {
                    Some(t) => {
                        t.count += 1;
                        t.offsets.push(off);
                    }
                    None => found.push(Theme {
                        code: code.clone(),
                        category: category.clone(),
                        count: 1,
                        offsets: vec![off],
                    }),
                }
            }
        }
        found
    }
}

/// The lower-cased words of tokens `[a, b)` (whose lower-case forms are `lower`) with their
/// byte offsets; glued hyphens and possessives are joined to the word before.
fn sentence_words<'l>(
    doc: &Document,
    lower: &'l [Cow<'_, str>],
    a: usize,
    b: usize,
) -> Vec<(Cow<'l, str>, usize)> {
    let toks = &doc.tokens;
    let mut out: Vec<(Cow<'l, str>, usize)> = Vec::new();
    let mut glue_next = false;
    // (The words borrow the lower-case forms; only joined words are copies.)
    for (k, t) in (a..b).zip(lower.iter().map(|l| Cow::Borrowed(l.as_ref()))) {
        let glued_before = k > a && toks[k - 1].span.end == toks[k].span.start;
        let join = glued_before && (glue_next || matches!(t.as_ref(), "'s" | "’s" | "-"));
        glue_next = t == "-" && glued_before;
        // The apostrophe is made straight only where there is one (few words).
        let t = if !t.is_ascii() && t.contains('’') {
            Cow::Owned(t.replace('’', "'"))
        } else {
            t
        };
        match out.last_mut() {
            Some(last) if join => last.0.to_mut().push_str(&t),
            _ => out.push((t, toks[k].span.start)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        crate::test_doc(text)
    }

    #[test]
    fn builtin_table_finds_issues_with_offsets() {
        let t = IssueTable::builtin().unwrap();
        assert!(t.len() > 4000);
        let text =
            "Refugees crossed the border. Teachers and students protested at the university.";
        let themes = t.themes(&doc(text));
        let codes: Vec<&str> = themes.iter().map(|t| t.code.as_str()).collect();
        assert!(codes.contains(&"REFUGEES"), "{codes:?}");
        assert!(
            codes.contains(&"TEACHERS") && codes.contains(&"STUDENTS"),
            "{codes:?}"
        );
        let r = themes.iter().find(|t| t.code == "REFUGEES").unwrap();
        assert_eq!(r.offsets, vec![0]);
        assert_eq!(r.category, "REFUGEES");
    }

    #[test]
    fn longest_phrase_hyphens_and_ignore_phrases() {
        let t = IssueTable::parse(
            "head start\tEARLY\tEDU\npre-school\tEARLY\tEDU\nschool\tSCHOOLS\tEDU\na head start\t~\tEDU\n",
            "x",
        )
        .unwrap();
        let th = t.themes(&doc(
            "The pre-school opened. The school gave them a head start.",
        ));
        assert_eq!(th.len(), 1, "{th:?}");
        assert_eq!((th[0].code.as_str(), th[0].count), ("EARLY", 1));
        let th = t.themes(&doc("Head Start helps. The school is new."));
        assert_eq!(th.len(), 2);
        assert!(IssueTable::parse("only one field\n", "x")
            .unwrap_err()
            .to_string()
            .contains("x:1"));
    }
}
