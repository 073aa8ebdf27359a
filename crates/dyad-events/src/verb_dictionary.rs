//! The in-memory verb dictionary: synonym sets, verb blocks, patterns, transformations.
//!
//! This is the shape a coder needs, not the shape of the file: every verb form (lemma,
//! listed irregular forms, generated regular forms) is indexed to the verbs that carry it,
//! and each verb leads to its block's patterns, already split into [`Element`] trees with
//! their active/passive codes. PETRARCH itself stores patterns as string tries keyed by
//! the verb; a dependency-tree matcher instead walks a verb's patterns and checks each
//! element against the verb's dependents, so a plain list per block is the right unit.
//! The text format is read by [`crate::verb_reader`]; this module holds the result and
//! the lookups, and is immutable once built (share it by reference or `Arc`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{read_text, EventsError};
use crate::matcher::WordHash;
use crate::pattern::Element;

const CAMEO_VERBS: &str = include_str!("../../../data/events/CAMEO.2.0.txt");
const NEWS_VERBS: &str = include_str!("../../../data/events/news_verbs.txt");

/// An event code with its passive-voice alternative: `[042:043]` codes 042 for the active
/// verb and 043 when the verb is passive. `None` is PETRARCH's null code `---`: the verb
/// or pattern matches but produces no event. Codes are kept as written: the validation
/// dictionaries use WEIS-era codes such as `075A`, which are not CAMEO.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CodePair {
    pub active: Option<String>,
    pub passive: Option<String>,
    /// The code was written as a pair (`[046:046]`): the second event goes back from the
    /// target to the source even when both codes are the same ("held talks with").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub written_pair: bool,
}

impl CodePair {
    /// True for `[---]`: no event from either voice.
    pub fn is_null(&self) -> bool {
        self.active.is_none() && self.passive.is_none()
    }

    /// The code for a verb in the given voice. Without a `:passive` part, PETRARCH uses the
    /// one code for both voices.
    pub fn for_voice(&self, passive: bool) -> Option<&str> {
        if passive {
            self.passive.as_deref()
        } else {
            self.active.as_deref()
        }
    }
}

/// A verb, possibly of several words, with the index of the word that inflects.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerbPhrase {
    /// Upper-case words: `["CORDON", "OFF"]`.
    pub words: Vec<String>,
    /// Which word is the verb proper (marked `+` in the file): 0 in `CORDON_OFF`.
    pub head: usize,
}

impl VerbPhrase {
    /// The words joined by single spaces: the key under which the form is indexed.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }

    pub fn head_word(&self) -> &str {
        &self.words[self.head]
    }
}

/// One verb line of a block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verb {
    pub lemma: VerbPhrase,
    /// The other forms: those listed in `{...}`, or the generated regular forms when the
    /// file lists none (`{}` lists none on purpose: no other forms).
    pub forms: Vec<VerbPhrase>,
    /// True when the forms came from `{...}` in the file.
    pub listed_forms: bool,
    /// The verb's own code, overriding the block's; a null pair for an explicit `[---]`.
    pub code: Option<CodePair>,
    pub line: usize,
    /// The overlay file this came from ([`VerbDictionary::with_overlay`]); `None` for the
    /// dictionary's own file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// One pattern line: its elements in order, the code it assigns, and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pattern {
    pub elements: Vec<Element>,
    pub code: CodePair,
    /// The text after `#` (often the verb the pattern was written for).
    pub comment: Option<String>,
    /// The pattern as written, without code and comment, for reports ("the pattern that fired").
    pub text: String,
    pub line: usize,
    /// The overlay file this came from ([`VerbDictionary::with_overlay`]); `None` for the
    /// dictionary's own file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

impl Pattern {
    /// The position of the top-level element holding the verb marker `*`.
    pub fn verb_position(&self) -> Option<usize> {
        self.elements.iter().position(Element::holds_verb)
    }

    /// The elements before the verb (subject side), nearest last.
    pub fn before_verb(&self) -> &[Element] {
        match self.verb_position() {
            Some(i) => &self.elements[..i],
            None => &[],
        }
    }

    /// The elements after the verb (object side).
    pub fn after_verb(&self) -> &[Element] {
        match self.verb_position() {
            Some(i) => &self.elements[i + 1..],
            None => &self.elements,
        }
    }
}

/// A verb synonym block `--- NAME [CODE] ---` with its verbs and their shared patterns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerbBlock {
    pub name: String,
    /// The code of the bare verb; `None` for `[---]` or no code.
    pub code: Option<CodePair>,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<Pattern>,
    pub line: usize,
    /// The overlay file this came from ([`VerbDictionary::with_overlay`]); `None` for the
    /// dictionary's own file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// One phrase of a synonym set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SynsetMember {
    /// Words and nested synsets (`+&TIETYPES`) that must be consecutive.
    pub words: Vec<Element>,
    /// False when the phrase (or its set) ends in `_`: no plural is generated.
    pub plural: bool,
    pub line: usize,
}

/// A synonym set `&NAME` and its phrases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Synset {
    /// Without `&` and without a trailing `_`.
    pub name: String,
    /// False when the label ends in `_`: none of its phrases get plurals.
    pub plurals: bool,
    pub members: Vec<SynsetMember>,
    pub line: usize,
}

/// A verb-on-verb rewrite `~ a (b c VERB1) VERB2 = x y CODE`, kept as written: the
/// variables are `a`/`b`-style letters, `.` (unspecified actor) or `_` (absent actor),
/// and `Q` stands for any verb.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transformation {
    pub upper_source: String,
    pub lower_source: String,
    pub lower_target: String,
    pub lower_verb: String,
    pub upper_verb: String,
    pub result_source: String,
    pub result_target: String,
    pub result_code: String,
    pub line: usize,
}

/// A recoverable oddity met while reading, with its line: reported, not fatal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReadNote {
    pub line: usize,
    pub message: String,
}

/// Where a verb form points: block and verb within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct VerbRef {
    pub block: usize,
    pub verb: usize,
}

/// Counts of what a dictionary holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct VerbStats {
    pub synsets: usize,
    pub blocks: usize,
    pub verbs: usize,
    /// Distinct indexed forms (lemmas and inflections).
    pub forms: usize,
    /// Pattern lines read.
    pub pattern_lines: usize,
    /// Patterns kept (lines read less those dropped for an undefined synset).
    pub patterns: usize,
    pub transformations: usize,
}

/// A whole verb dictionary file, read and indexed.
#[derive(Clone, Debug, Serialize)]
pub struct VerbDictionary {
    /// The file name used in messages.
    pub file: String,
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub transformations: Vec<Transformation>,
    /// Recoverable oddities (dropped patterns, glued markers, odd codes), in line order.
    pub notes: Vec<ReadNote>,
    /// Malformed lines skipped by a lenient read, with what was wrong.
    pub skipped: Vec<ReadNote>,
    pub(crate) pattern_lines: usize,
    #[serde(skip)]
    pub(crate) synset_index: HashMap<String, usize, WordHash>,
    #[serde(skip)]
    pub(crate) forms: HashMap<String, Vec<VerbRef>, WordHash>,
}

impl VerbDictionary {
    /// Read a dictionary file (PETRARCH verb format).
    pub fn read(path: &Path) -> Result<VerbDictionary, EventsError> {
        let text = read_text(path)?;
        VerbDictionary::parse(&text, &path.display().to_string())
    }

    /// Parse dictionary text; `file` names it in errors and notes. The first malformed
    /// line is an error.
    pub fn parse(text: &str, file: &str) -> Result<VerbDictionary, EventsError> {
        crate::verb_reader::read_verb_dictionary(text, file, false)
    }

    /// Parse dictionary text, skipping malformed lines and listing them in
    /// [`VerbDictionary::skipped`]: for dictionaries from outside, where one bad pattern
    /// should not lose the other thousands.
    pub fn parse_lenient(text: &str, file: &str) -> VerbDictionary {
        crate::verb_reader::read_verb_dictionary(text, file, true)
            .unwrap_or_else(|_| unreachable!("a lenient read reports errors as skipped lines"))
    }

    /// Read a file leniently (see [`VerbDictionary::parse_lenient`]).
    pub fn read_lenient(path: &Path) -> Result<VerbDictionary, EventsError> {
        let text = read_text(path)?;
        Ok(VerbDictionary::parse_lenient(
            &text,
            &path.display().to_string(),
        ))
    }

    /// PETRARCH2's `CAMEO.2.0.txt`, compiled in from `data/events/` and read leniently
    /// once (its one malformed pattern line is in `skipped`). Line numbers are those of the
    /// repository copy (five header lines above the original).
    pub fn cameo() -> &'static VerbDictionary {
        static DICT: OnceLock<VerbDictionary> = OnceLock::new();
        DICT.get_or_init(|| VerbDictionary::parse_lenient(CAMEO_VERBS, "data/events/CAMEO.2.0.txt"))
    }

    /// dyad's default verb dictionary: [`VerbDictionary::cameo`] with the overlay
    /// `data/events/news_verbs.txt` (common news verbs PETRARCH2 lacks or codes otherwise,
    /// coded from the CAMEO codebook) read on top by [`VerbDictionary::with_overlay`].
    pub fn news() -> &'static VerbDictionary {
        static DICT: OnceLock<VerbDictionary> = OnceLock::new();
        DICT.get_or_init(|| {
            VerbDictionary::cameo()
                .with_overlay(NEWS_VERBS, "data/events/news_verbs.txt")
                .unwrap_or_else(|e| panic!("the compiled-in overlay does not read: {e}"))
        })
    }

    /// This dictionary with `text`, a verb dictionary in the same format, read on top of
    /// it; `file` names it in errors and in the events its patterns code. The overlay sees
    /// this dictionary's synonym sets (and may define or redefine sets). A verb it lists
    /// replaces every verb of the same lemma here (so `REJECT [120]` in a block of its own
    /// takes "reject" out of `REFUSE`, with that block's patterns). A block header naming a
    /// block of this dictionary, written without a code (`--- REFUSE ---`), extends that
    /// block: its verbs and patterns are added to the block's. Any other block is new.
    /// Strict: the first malformed line is an error naming `file` and the line.
    pub fn with_overlay(&self, text: &str, file: &str) -> Result<VerbDictionary, EventsError> {
        crate::verb_reader::read_overlay(self, text, file)
    }

    /// [`VerbDictionary::with_overlay`] of a file.
    pub fn read_overlay(&self, path: &Path) -> Result<VerbDictionary, EventsError> {
        let text = read_text(path)?;
        self.with_overlay(&text, &path.display().to_string())
    }

    /// The verbs that have `form` as lemma or inflection. Case-insensitive; words may be
    /// separated by spaces or underscores (`"cordoned off"`, `"CORDONED_OFF"`).
    pub fn lookup(&self, form: &str) -> &[VerbRef] {
        self.lookup_key(&form_key(form))
    }

    /// [`VerbDictionary::lookup`] of a form already normalized by `form_key`.
    pub(crate) fn lookup_key(&self, key: &str) -> &[VerbRef] {
        self.forms.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn verb(&self, r: VerbRef) -> &Verb {
        &self.blocks[r.block].verbs[r.verb]
    }

    /// The code of the bare verb: its own if it has one (possibly the null code), else its
    /// block's.
    pub fn verb_code(&self, r: VerbRef) -> Option<&CodePair> {
        self.verb(r)
            .code
            .as_ref()
            .or(self.blocks[r.block].code.as_ref())
    }

    /// The patterns that apply to `form`, with the block and verb they come through.
    pub fn patterns_for<'a>(
        &'a self,
        form: &str,
    ) -> impl Iterator<Item = (VerbRef, &'a Pattern)> + 'a {
        let refs = self.lookup(form).to_vec();
        refs.into_iter()
            .flat_map(move |r| self.blocks[r.block].patterns.iter().map(move |p| (r, p)))
    }

    pub fn synset(&self, name: &str) -> Option<&Synset> {
        let name = name
            .trim_start_matches('&')
            .trim_end_matches('_')
            .to_ascii_uppercase();
        self.synset_index.get(&name).map(|&i| &self.synsets[i])
    }

    /// Every phrase a synset matches, as upper-case word lists: nested sets expanded and
    /// regular plurals added where allowed. A set that nests itself is cut at depth 8.
    pub fn synset_phrases(&self, name: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        if let Some(s) = self.synset(name) {
            self.expand(s, 0, &mut out);
        }
        out.sort();
        out.dedup();
        out
    }

    fn expand(&self, set: &Synset, depth: usize, out: &mut Vec<Vec<String>>) {
        if depth > 8 {
            return;
        }
        for m in &set.members {
            let mut phrases: Vec<Vec<String>> = vec![Vec::new()];
            for el in &m.words {
                let alts: Vec<Vec<String>> = match el {
                    Element::Word(w) => vec![vec![w.clone()]],
                    Element::Synset(n) => match self.synset(n) {
                        Some(inner) => {
                            let mut v = Vec::new();
                            self.expand(inner, depth + 1, &mut v);
                            v
                        }
                        None => Vec::new(),
                    },
                    _ => Vec::new(),
                };
                phrases = phrases
                    .iter()
                    .flat_map(|p| {
                        alts.iter().map(move |a| {
                            let mut q = p.clone();
                            q.extend(a.iter().cloned());
                            q
                        })
                    })
                    .collect();
            }
            for p in phrases {
                if p.is_empty() {
                    continue;
                }
                let ends_in_word = matches!(m.words.last(), Some(Element::Word(_)));
                if m.plural && ends_in_word {
                    let mut pl = p.clone();
                    let last = pl.len() - 1;
                    pl[last] = plural(&pl[last]);
                    out.push(pl);
                }
                out.push(p);
            }
        }
    }

    pub fn stats(&self) -> VerbStats {
        VerbStats {
            synsets: self.synsets.len(),
            blocks: self.blocks.len(),
            verbs: self.blocks.iter().map(|b| b.verbs.len()).sum(),
            forms: self.forms.len(),
            pattern_lines: self.pattern_lines,
            patterns: self.blocks.iter().map(|b| b.patterns.len()).sum(),
            transformations: self.transformations.len(),
        }
    }

    /// Every code used by blocks, verbs and patterns (active and passive), with its line.
    pub fn codes(&self) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for b in &self.blocks {
            push_codes(&mut out, b.line, b.code.as_ref());
            for v in &b.verbs {
                push_codes(&mut out, v.line, v.code.as_ref());
            }
            for p in &b.patterns {
                push_codes(&mut out, p.line, Some(&p.code));
            }
        }
        out
    }
}

fn push_codes<'a>(out: &mut Vec<(usize, &'a str)>, line: usize, c: Option<&'a CodePair>) {
    if let Some(c) = c {
        for s in [&c.active, &c.passive].into_iter().flatten() {
            out.push((line, s.as_str()));
        }
    }
}

/// The index key of a form: upper case, words separated by single spaces.
/// [`form_key`] of `parts` joined by spaces, written into `key` (cleared first): the words
/// of each part, upper case, one space between.
pub(crate) fn form_key_into(parts: &[&str], key: &mut String) {
    key.clear();
    for part in parts {
        for w in part
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
    }
    key.make_ascii_uppercase();
}

pub(crate) fn form_key(form: &str) -> String {
    // one word (the common case): its upper case, without the split and join
    if !form.contains(|c: char| c == '_' || c.is_whitespace()) {
        return form.to_ascii_uppercase();
    }
    form.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The regular plural of an upper-case noun, by the documented rule: +S, Y -> IES, SS -> SSES.
pub fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('Y') {
        format!("{stem}IES")
    } else if word.ends_with("SS") {
        format!("{word}ES")
    } else {
        format!("{word}S")
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}

/// The regular inflections of an upper-case English verb: 3rd singular, past, gerund.
/// Consonant doubling is not guessed (it depends on stress): the dictionary lists those.
pub fn regular_forms(verb: &str) -> [String; 3] {
    let b = verb.as_bytes();
    let n = b.len();
    let cons_y = n >= 2 && b[n - 1] == b'Y' && !is_vowel(b[n - 2]);
    let third = if cons_y {
        format!("{}IES", &verb[..n - 1])
    } else if ["S", "X", "Z", "CH", "SH", "O"]
        .iter()
        .any(|s| verb.ends_with(s))
    {
        format!("{verb}ES")
    } else {
        format!("{verb}S")
    };
    let past = if cons_y {
        format!("{}IED", &verb[..n - 1])
    } else if verb.ends_with('E') {
        format!("{verb}D")
    } else {
        format!("{verb}ED")
    };
    let gerund = if let Some(stem) = verb.strip_suffix("IE") {
        format!("{stem}YING")
    } else if n > 2 && verb.ends_with('E') && !verb.ends_with("EE") && !verb.ends_with("YE") {
        format!("{}ING", &verb[..n - 1])
    } else {
        format!("{verb}ING")
    };
    [third, past, gerund]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(regular_forms("ACCUSE"), ["ACCUSES", "ACCUSED", "ACCUSING"]);
        assert_eq!(regular_forms("CARRY"), ["CARRIES", "CARRIED", "CARRYING"]);
        assert_eq!(regular_forms("PLAY"), ["PLAYS", "PLAYED", "PLAYING"]);
        assert_eq!(regular_forms("REACH"), ["REACHES", "REACHED", "REACHING"]);
        assert_eq!(regular_forms("AGREE"), ["AGREES", "AGREED", "AGREEING"]);
        assert_eq!(regular_forms("TIE"), ["TIES", "TIED", "TYING"]);
        assert_eq!(plural("ARMY"), "ARMIES");
        assert_eq!(plural("PASS"), "PASSES");
        assert_eq!(plural("TANK"), "TANKS");
        assert_eq!(form_key(" cordoned_off  "), "CORDONED OFF");
    }

    #[test]
    fn code_pair_voices() {
        let c = CodePair {
            active: Some("042".into()),
            passive: Some("043".into()),
            written_pair: true,
        };
        assert_eq!(c.for_voice(false), Some("042"));
        assert_eq!(c.for_voice(true), Some("043"));
        assert!(!c.is_null());
        assert!(CodePair::default().is_null());
    }
}
