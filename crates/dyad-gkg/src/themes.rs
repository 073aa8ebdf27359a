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
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use dyad_core::Document;
use serde::{Deserialize, Serialize};

use crate::issue_table::{Issues, IGNORE};
use crate::GkgError;

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

// `BUILTIN_ISSUES`: the phrases of the embedded `issues.tsv`, built by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/issue_tables.rs"));

/// The issue phrases, indexed by first word.
#[derive(Debug)]
pub struct IssueTable {
    /// The phrases grouped by first word, and the codes (see `issue_table.rs`).
    t: Issues,
    /// First word to its group in `t.firsts`. A fast hash: every word of every document is
    /// looked up.
    by_first: FxHashMap<Cow<'static, str>, u32>,
}

impl IssueTable {
    /// Parses `phrase<TAB>code<TAB>category` lines; `#` lines are comments. (The embedded
    /// table is built the same way, at build time: [`IssueTable::builtin`].)
    pub fn parse(text: &str, file: &str) -> Result<IssueTable, GkgError> {
        let t = Issues::build(text).map_err(|(line, m)| GkgError::table(file, line, m))?;
        Ok(IssueTable::new(t))
    }

    /// The table over `t`, with its first-word index.
    fn new(t: Issues) -> IssueTable {
        let mut by_first = FxHashMap::default();
        by_first.reserve(t.firsts.len());
        for (g, (w, _, _)) in t.firsts.iter().enumerate() {
            by_first.insert(w.clone(), g as u32);
        }
        IssueTable { t, by_first }
    }

    /// The table of `data/gkg/issues.tsv`, built at build time; only its first-word index
    /// is made at the first call.
    pub fn builtin() -> Result<&'static IssueTable, &'static GkgError> {
        static T: OnceLock<IssueTable> = OnceLock::new();
        Ok(T.get_or_init(|| IssueTable::new(BUILTIN_ISSUES.clone())))
    }

    /// Number of phrases, ignore phrases included.
    pub fn len(&self) -> usize {
        self.t.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.t.firsts.is_empty()
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
                let m = self.by_first.get(words[i].0.as_ref()).and_then(|&g| {
                    let (_, from, to) = &self.t.firsts[g as usize];
                    self.t.phrases[*from as usize..*to as usize]
                        .iter()
                        .find(|&&(start, end, _)| {
                            let p = &self.t.words[start as usize..end as usize];
                            words.len() - i >= p.len()
                                && p.iter().zip(&words[i..]).all(|(x, (w, _))| x == w)
                        })
                });
                match m {
                    Some(&(start, end, code)) => {
                        if code == IGNORE {
                            ignored = true;
                        } else {
                            hits.push((code, words[i].1));
                        }
                        i += (end - start) as usize;
                    }
                    None => i += 1,
                }
            }
            if ignored {
                continue;
            }
            for (c, off) in hits {
                let (code, category) = &self.t.codes[c as usize];
                match found.iter_mut().find(|t| t.code == *code) {
                    Some(t) => {
                        t.count += 1;
                        t.offsets.push(off);
                    }
                    None => found.push(Theme {
                        code: code.to_string(),
                        category: category.to_string(),
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
    fn the_table_built_at_build_time_is_the_one_parse_builds() {
        let built = Issues::build(include_str!("../../../data/gkg/issues.tsv")).unwrap();
        assert!(
            built == BUILTIN_ISSUES,
            "build.rs output differs from Issues::build"
        );
        let t = IssueTable::builtin().unwrap();
        assert_eq!(t.len(), built.phrases.len());
        assert_eq!(t.by_first.len(), built.firsts.len());
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
