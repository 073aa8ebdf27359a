//! A pattern matcher over a simplified clause: verb, subject, object, obliques.
//!
//! The event coder will walk dependency trees; what it hands to pattern matching is, per
//! verb, the verb's lemma and voice and its dependents grouped by role. [`Clause`] is that
//! hand-over point, so this matcher can be built and tested before the parser exists, and
//! the tree-based coder plugs in by filling a `Clause` from each verb node.
//!
//! How a PETRARCH2 pattern matches a clause (an independent reading of dictionaries.rst):
//! - Before `*` (the subject side): `$` binds the subject as source, `+` as target; words,
//!   synonym sets and noun phrases must occur in the subject or among the words before the
//!   verb (adverbs, auxiliaries: `STRONGLY *`).
//! - After `*`: a bare word or synset must be the object's head, or in a noun phrase
//!   `{FINANCIAL AID}` the last element is the head and the others must occur in the
//!   object; `$`/`+` bind the object; `(PREP ...)` needs an oblique with that preposition
//!   whose phrase matches the rest, binding `$`/`+` inside it.
//! - Words compare with the token's text or lemma, case-insensitively; a synonym set
//!   matches any of its phrases (plurals included) as consecutive words.
//! - Unbound roles default as PETRARCH's do: source = subject; target = object, else the
//!   first oblique actor; in the passive, source = the `by` oblique and target = subject,
//!   but a verbal act without agent has its own subject act on the first oblique actor.
//! - The most specific match wins (most lexical elements matched), then file order; with
//!   no pattern matching, the verb's own code applies. A null code (`---`) gives no event.
//!
//! Not handled here (left to the tree-based coder): `%` compounds, `^` skips, patterns that
//! glue the verb to other words (`IN_*`), verb-on-verb transformations.
//!
//! The code is split by stage: this file holds the clause types, the matcher's entry points
//! and its construction; `choice` picks the best pattern and fills the roles, `phrase_match`
//! matches a pattern's elements against the clause's phrases, `sequence` reads flat
//! patterns in text order.

mod choice;
mod phrase_match;
mod sequence;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use crate::pattern::Element;
use crate::verb_dictionary::{form_key, Pattern, VerbDictionary, VerbRef};
use phrase_match::{is_prep, regroup};

/// A word of the sentence: its text and lemma. Built with [`Word::new`], which also keeps
/// the upper-case forms the dictionary is compared with, so matching allocates nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    text: String,
    lemma: String,
    text_key: String,
    lemma_key: String,
}

impl Word {
    pub fn new(text: &str, lemma: &str) -> Word {
        Word {
            text: text.to_string(),
            lemma: lemma.to_string(),
            text_key: text.to_uppercase(),
            lemma_key: lemma.to_uppercase(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn lemma(&self) -> &str {
        &self.lemma
    }

    /// `dict_word` is upper case, as the dictionary stores it.
    fn is(&self, dict_word: &str) -> bool {
        self.text_key == dict_word || self.lemma_key == dict_word
    }
}

/// A noun phrase: its words in order, which is the head, and whether it names an actor.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Phrase {
    pub words: Vec<Word>,
    pub head: usize,
    pub is_actor: bool,
    /// The head's token index in the sentence, when the phrase comes from a parse.
    pub token: Option<usize>,
}

/// A prepositional dependent of the verb.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Oblique {
    pub prep: Word,
    pub phrase: Phrase,
}

/// Where a word of [`Clause::following`] is: its sentence token and the actor mention
/// covering it (an index the caller keeps), if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SurfaceToken {
    pub token: usize,
    pub actor: Option<usize>,
}

/// One verb with its dependents, as the coder extracts it from a dependency tree.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clause {
    /// The verb; `particle` holds a verb particle (`off` in "cordoned off"), if any.
    pub verb: Word,
    pub particle: Option<Word>,
    /// The word right before the verb, for multiword verbs whose first word precedes the
    /// verb proper (`WIRE_+TAP`: "*wire* tapped", which a parser reads as a noun).
    pub preceding: Option<Word>,
    pub passive: bool,
    /// Words between subject and verb that belong to neither (adverbs, auxiliaries).
    pub pre_verb: Vec<Word>,
    pub subject: Option<Phrase>,
    pub object: Option<Phrase>,
    pub obliques: Vec<Oblique>,
    /// The words after the verb in its own subtree, in text order: flat (TABARI-style)
    /// patterns that the grouped reading misses are tried on them in sequence, which
    /// survives a parser attaching a phrase to the wrong word ("act *now* with").
    pub following: Vec<Word>,
    /// The token and actor of each word of `following`.
    pub following_at: Vec<SurfaceToken>,
    /// The subject is a coordination of actors ("Gondor and Osgiliath"), which a `%`
    /// pattern demands.
    pub compound_subject: bool,
    /// The subject was lent by another clause (a coordinated or controlled verb), not
    /// written for this verb.
    pub inherited_subject: bool,
}

/// Where an actor of the event comes from in the clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Subject,
    Object,
    Oblique(usize),
    /// The actor on this sentence token, bound by a flat pattern read in sequence.
    Token(usize),
}

/// A coded clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Match<'d> {
    pub verb: VerbRef,
    /// The pattern that fired; `None` when the verb's own code applied.
    pub pattern: Option<&'d Pattern>,
    /// The code of the event from source to target (empty when only `paired` applies).
    pub code: String,
    /// The second code of a paired pattern (`[042:043]`): the event from target to source
    /// ("A visited B" is also "B hosted A").
    pub paired: Option<String>,
    pub source: Option<Role>,
    pub target: Option<Role>,
    /// Lexical elements the pattern matched (0 for the bare verb).
    pub specificity: usize,
}

/// A synonym set's phrases, one-word ones in a set for constant-time lookup.
struct SynsetIndex {
    singles: HashSet<String>,
    multi: Vec<Vec<String>>,
}

/// Matches clauses against a verb dictionary; holds the expanded synonym sets and each
/// pattern's object side in structured form.
pub struct Matcher<'d> {
    dict: &'d VerbDictionary,
    synsets: HashMap<String, SynsetIndex>,
    /// Per block, per pattern: the elements after the verb, flat (TABARI-style) patterns
    /// regrouped into an object noun phrase and prepositional phrases.
    after: Vec<Vec<Vec<Element>>>,
    /// Per block, per pattern: true for flat patterns, whose words may fall anywhere in a
    /// phrase; PETRARCH2 patterns (with `{...}` or `(...)`) name the head last.
    flat: Vec<Vec<bool>>,
    /// The dictionary is TABARI-style throughout (no pattern marks phrases): its patterns
    /// are word sequences, also read in sequence when the phrase reading fails. In a
    /// PETRARCH2 dictionary a flat pattern names the object's words, nothing more.
    sequential: bool,
}

#[derive(Default, Clone)]
struct Bindings {
    source: Option<Role>,
    target: Option<Role>,
    lexical: usize,
    /// Matching a flat pattern: phrase words need not end at the head.
    flat: bool,
    /// Head words matched by their written form, not only the lemma: breaks ties
    /// (`* SANCTIONS [085]` over `* SANCTION [0351]` for "sanctions").
    exact: usize,
}

impl<'d> Matcher<'d> {
    pub fn new(dict: &'d VerbDictionary) -> Matcher<'d> {
        let synsets = dict
            .synsets
            .iter()
            .map(|s| {
                let (singles, multi): (Vec<_>, Vec<_>) = dict
                    .synset_phrases(&s.name)
                    .into_iter()
                    .partition(|p| p.len() == 1);
                let singles = singles.into_iter().flatten().collect();
                (s.name.clone(), SynsetIndex { singles, multi })
            })
            .collect();
        let after = dict
            .blocks
            .iter()
            .map(|b| {
                b.patterns
                    .iter()
                    .map(|p| match p.verb_position() {
                        Some(at) => regroup(&p.elements[at + 1..], &|e| is_prep(dict, e)),
                        None => Vec::new(),
                    })
                    .collect()
            })
            .collect();
        let flat: Vec<Vec<bool>> = dict
            .blocks
            .iter()
            .map(|b| {
                b.patterns
                    .iter()
                    .map(|p| {
                        !p.elements
                            .iter()
                            .any(|e| matches!(e, Element::NounPhrase(_) | Element::Prep { .. }))
                    })
                    .collect()
            })
            .collect();
        let sequential = flat.iter().flatten().all(|f| *f);
        Matcher {
            dict,
            synsets,
            after,
            flat,
            sequential,
        }
    }

    /// True when the dictionary is read in sequence too ([`Clause::following`] is used).
    pub fn is_sequential(&self) -> bool {
        self.sequential
    }

    /// The verbs of the dictionary this clause's verb can be (particle verbs first).
    pub fn verbs(&self, clause: &Clause) -> Vec<VerbRef> {
        let mut keys = Vec::new();
        // the form as written first: the dictionary may list it as a verb of its own
        // ("LEFT [032:033]" apart from LEAVE)
        for w in [clause.verb.text(), clause.verb.lemma()] {
            if let Some(p) = &clause.preceding {
                keys.push(form_key(&format!("{} {w}", p.text())));
            }
            if let Some(p) = &clause.particle {
                keys.push(form_key(&format!("{w} {}", p.lemma)));
            }
            keys.push(form_key(w));
        }
        let mut out: Vec<VerbRef> = Vec::new();
        for k in keys {
            for r in self.dict.lookup(&k) {
                if !out.contains(r) {
                    out.push(*r);
                }
            }
            if !out.is_empty() {
                break;
            }
        }
        out
    }

    /// Code one clause: the best match, or `None` when the verb is unknown, nothing
    /// matched and the verb has no code, or the winning code is null.
    pub fn code(&self, clause: &Clause) -> Option<Match<'d>> {
        // a TABARI-style dictionary reads each pattern both ways and keeps the fuller
        // match (TABARI's longest pattern wins); a PETRARCH2 one only on the phrases
        self.code_with(clause, self.sequential)
            .or_else(|| self.code_bare(clause))
            .and_then(|(m, null)| (!null).then_some(m))
    }
}
