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
mod prefilter;
mod sequence;
#[cfg(test)]
mod tests;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::pattern::Element;
use crate::verb_dictionary::{form_key_into, Pattern, VerbDictionary, VerbRef};
use phrase_match::{is_prep, regroup};
use prefilter::RequiredWords;

/// A word of the sentence: its text and lemma. Built with [`Word::new`], which also keeps
/// the upper-case forms the dictionary is compared with, so matching allocates nothing.
/// The four forms share one buffer (`text`, `lemma`, `TEXT`, `LEMMA`, cut at `cuts`): the
/// coder builds a word per token of every phrase of every clause, one allocation each.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Word {
    buf: String,
    /// Ends of the text, the lemma and the text's key in `buf`.
    cuts: [usize; 3],
}

/// True when `w` names an attack ("shelling", "airstrike", "raid"), whose actor did what
/// happened in it.
pub(crate) fn is_attack_noun(w: &Word) -> bool {
    choice::ATTACK_NOUNS.iter().any(|n| w.is(n))
}

impl Word {
    pub fn new(text: &str, lemma: &str) -> Word {
        let mut buf = String::with_capacity(2 * (text.len() + lemma.len()));
        buf.push_str(text);
        buf.push_str(lemma);
        push_upper(&mut buf, text);
        let key_end = buf.len();
        push_upper(&mut buf, lemma);
        Word {
            buf,
            cuts: [text.len(), text.len() + lemma.len(), key_end],
        }
    }

    pub fn text(&self) -> &str {
        &self.buf[..self.cuts[0]]
    }

    pub fn lemma(&self) -> &str {
        &self.buf[self.cuts[0]..self.cuts[1]]
    }

    /// The text in upper case, as the dictionary spells its words.
    fn text_key(&self) -> &str {
        &self.buf[self.cuts[1]..self.cuts[2]]
    }

    fn lemma_key(&self) -> &str {
        &self.buf[self.cuts[2]..]
    }

    /// `dict_word` is upper case, as the dictionary stores it.
    fn is(&self, dict_word: &str) -> bool {
        self.text_key() == dict_word || self.lemma_key() == dict_word
    }
}

/// Appends `s` in upper case (`str::to_uppercase`), without a temporary for ASCII.
fn push_upper(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let start = buf.len();
        buf.push_str(s);
        buf[start..].make_ascii_uppercase();
    } else {
        buf.push_str(&s.to_uppercase());
    }
}

impl std::fmt::Debug for Word {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Word")
            .field("text", &self.text())
            .field("lemma", &self.lemma())
            .field("text_key", &self.text_key())
            .field("lemma_key", &self.lemma_key())
            .finish()
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
    /// Where (in [`Clause::following`]) the head this word leads up to stands, when the
    /// word opens a phrase whose head comes later ("*with* Eriador", "*the* Gondor"): a
    /// `^` skips the whole phrase.
    pub phrase_head: Option<usize>,
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
    /// For a complement (`ccomp`, `xcomp`), the clause governing it, whose verb stands
    /// among [`Clause::pre_verb`]: a pattern that names that verb reads it in text order
    /// (`NOTED + *`, `+ HOSTING *`).
    pub governor: Option<Governor>,
}

/// The verb governing a complement and its subject: "Falastur *noted* that Cirith Ungol
/// regretted ...", "Mordor will be *hosting* Osgiliath to celebrate ...".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Governor {
    pub verb: Word,
    /// The sentence token heading the governing verb's subject, when it names an actor.
    pub subject: Option<usize>,
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
    singles: HashSet<String, WordHash>,
    multi: Vec<Vec<String>>,
}

/// The hasher of the synonym-set tables, which every word of every clause is looked up
/// in: dictionary words are short and not chosen by an adversary, so a multiply-rotate
/// hash of 8 bytes at a time serves, several times cheaper than the default SipHash.
pub(crate) type WordHash = BuildHasherDefault<WordHasher>;

#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Matches clauses against a verb dictionary; holds the expanded synonym sets and each
/// pattern's object side in structured form.
pub struct Matcher<'d> {
    dict: &'d VerbDictionary,
    synsets: HashMap<String, SynsetIndex, WordHash>,
    /// Per block, per pattern: what matching it needs, worked out once.
    plans: Vec<Vec<PatternPlan>>,
    /// The words patterns require, numbered: a clause's are looked up once per clause.
    required: RequiredWords,
    /// The dictionary is TABARI-style throughout (no pattern marks phrases): its patterns
    /// are word sequences, also read in sequence when the phrase reading fails. In a
    /// PETRARCH2 dictionary a flat pattern names the object's words, nothing more.
    sequential: bool,
}

/// One pattern as the matcher reads it, worked out when the matcher is built: the
/// matcher tries every pattern of a verb's blocks on every clause.
struct PatternPlan {
    /// The elements after the verb, flat (TABARI-style) patterns regrouped into an object
    /// noun phrase and prepositional phrases.
    after: Vec<Element>,
    /// A flat pattern, whose words may fall anywhere in a phrase; PETRARCH2 patterns (with
    /// `{...}` or `(...)`) name the head last.
    flat: bool,
    /// Where the verb stands among the elements.
    verb_at: Option<usize>,
    /// The pattern's code is a marker (`[+++]`, `[xxy]`), no event code nor null.
    marker: bool,
    /// The pattern skips a phrase (`^`).
    skips: bool,
    /// Words (ids in [`RequiredWords`]) of which a clause must hold one for the pattern
    /// to match it; empty when there is no such set.
    needs: Box<[u32]>,
}

impl PatternPlan {
    fn new(p: &Pattern, is_prep: &dyn Fn(&Element) -> bool, needs: Box<[u32]>) -> PatternPlan {
        let verb_at = p.verb_position();
        PatternPlan {
            after: match verb_at {
                Some(at) => regroup(&p.elements[at + 1..], is_prep),
                None => Vec::new(),
            },
            flat: !p
                .elements
                .iter()
                .any(|e| matches!(e, Element::NounPhrase(_) | Element::Prep { .. })),
            verb_at,
            marker: !p.code.is_null() && !choice::is_event_code(&p.code),
            skips: p.elements.contains(&Element::Skip),
            needs,
        }
    }
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
        let mut required = RequiredWords::default();
        // whether a synonym set is one of prepositions, worked out once per set: expanding
        // a set's phrases for every pattern that names it was most of the build
        let prep_sets: RefCell<HashMap<String, bool>> = RefCell::default();
        let is_prep = |e: &Element| match e {
            Element::Synset(s) => {
                if let Some(&known) = prep_sets.borrow().get(s) {
                    return known;
                }
                let known = is_prep(dict, e);
                prep_sets.borrow_mut().insert(s.clone(), known);
                known
            }
            _ => is_prep(dict, e),
        };
        let plans: Vec<Vec<PatternPlan>> = dict
            .blocks
            .iter()
            .map(|b| {
                b.patterns
                    .iter()
                    .map(|p| PatternPlan::new(p, &is_prep, required.for_pattern(p, &synsets)))
                    .collect()
            })
            .collect();
        let sequential = plans.iter().flatten().all(|p| p.flat);
        Matcher {
            dict,
            synsets,
            plans,
            required,
            sequential,
        }
    }

    /// True when the dictionary is read in sequence too ([`Clause::following`] is used).
    pub fn is_sequential(&self) -> bool {
        self.sequential
    }

    /// The verbs of the dictionary this clause's verb can be (particle verbs first).
    pub fn verbs(&self, clause: &Clause) -> Vec<VerbRef> {
        // the form as written first: the dictionary may list it as a verb of its own
        // ("LEFT [032:033]" apart from LEAVE); the first key the dictionary knows wins, so
        // the keys are made one at a time and the rest never
        let mut out: Vec<VerbRef> = Vec::new();
        let mut key = String::with_capacity(32);
        for w in [clause.verb.text(), clause.verb.lemma()] {
            let preceding = clause.preceding.as_ref().map(|p| [p.text(), w]);
            let particle = clause.particle.as_ref().map(|p| [w, p.lemma()]);
            for parts in preceding.into_iter().chain(particle) {
                form_key_into(&parts, &mut key);
                if self.lookup_into(&key, &mut out) {
                    return out;
                }
            }
            form_key_into(&[w], &mut key);
            if self.lookup_into(&key, &mut out) {
                return out;
            }
        }
        out
    }

    /// Adds the verbs listed under `key` to `out` (once each); true when `out` is then
    /// not empty.
    fn lookup_into(&self, key: &str, out: &mut Vec<VerbRef>) -> bool {
        for r in self.dict.lookup_key(key) {
            if !out.contains(r) {
                out.push(*r);
            }
        }
        !out.is_empty()
    }

    /// Code one clause: the best match, or `None` when the verb is unknown, nothing
    /// matched and the verb has no code, or the winning code is null.
    pub fn code(&self, clause: &Clause) -> Option<Match<'d>> {
        // a TABARI-style dictionary reads each pattern both ways and keeps the fuller
        // match (TABARI's longest pattern wins); a PETRARCH2 one only on the phrases
        let verbs = self.verbs(clause);
        // a verb the dictionary does not know has neither patterns nor a code of its own
        if verbs.is_empty() {
            return None;
        }
        let present = self.required.present(clause);
        self.code_with(clause, &verbs, &present, self.sequential)
            .or_else(|| self.code_bare(clause, &verbs))
            .and_then(|(m, null)| (!null).then_some(m))
    }
}
