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

mod sequence;

use std::collections::{HashMap, HashSet};

use crate::codebook::quad_class_of_root;
use crate::pattern::Element;
use crate::verb_dictionary::{form_key, CodePair, Pattern, VerbDictionary, VerbRef};

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

    /// The best pattern match, read on the tree's phrases and (`surface`) in sequence;
    /// with the flag of a null code.
    fn code_with(&self, clause: &Clause, surface: bool) -> Option<(Match<'d>, bool)> {
        // (match, code is null, exact, written for this verb)
        let mut best: Option<(Match<'d>, bool, usize, bool)> = None;
        for r in self.verbs(clause) {
            let block = &self.dict.blocks[r.block];
            for (pi, p) in block.patterns.iter().enumerate() {
                let flat = self.flat[r.block][pi];
                let tree = self.match_pattern(p, &self.after[r.block][pi], flat, clause);
                let seq = (surface && flat)
                    .then(|| self.match_surface(p, clause))
                    .flatten();
                // `^` skips a phrase, which the phrase reading cannot honour: the sequence
                // reading decides such a pattern's actors
                let skips = p.elements.contains(&Element::Skip);
                let b = match (tree, seq) {
                    (Some(t), Some(s)) if s.lexical > t.lexical || skips => Some(s),
                    (Some(t), _) => Some(t),
                    (None, s) => s,
                };
                let Some(b) = b else {
                    continue;
                };
                // between equal matches, the pattern written for this very verb (its
                // comment names it: `- * &TREATY [057] # RATIFY` in APPROVE's block)
                let own = written_for(p, clause);
                // a pattern written again later in the block replaces the earlier one, as
                // PETRARCH2 reads a block (`- * &INVESTIGATION [091]`, then `[1014]`)
                let better = best.as_ref().is_none_or(|(m, _, exact, mine)| {
                    let key = (b.lexical, b.exact, own);
                    let theirs = (m.specificity, *exact, *mine);
                    key > theirs
                        || (key == theirs
                            && m.verb.block == r.block
                            && m.pattern.is_some_and(|q| q.text == p.text))
                });
                if better {
                    let exact = b.exact;
                    let m = self.finish(r, Some(p), &p.code, b, clause);
                    best = Some((m, p.code.is_null(), exact, own));
                }
            }
        }
        best.map(|(m, null, _, _)| (m, null))
    }

    /// The verb's own code when no pattern matched.
    fn code_bare(&self, clause: &Clause) -> Option<(Match<'d>, bool)> {
        for r in self.verbs(clause) {
            if let Some(c) = self.dict.verb_code(r) {
                let m = self.finish(r, None, c, Bindings::default(), clause);
                return Some((m, c.is_null()));
            }
        }
        None
    }

    fn finish(
        &self,
        verb: VerbRef,
        pattern: Option<&'d Pattern>,
        codes: &CodePair,
        b: Bindings,
        c: &Clause,
    ) -> Match<'d> {
        let code = codes.active.clone().unwrap_or_default();
        let paired = codes
            .passive
            .clone()
            .filter(|p| codes.active.as_ref() != Some(p));
        let subject = c
            .subject
            .as_ref()
            .filter(|s| s.is_actor)
            .map(|_| Role::Subject);
        let object = c
            .object
            .as_ref()
            .filter(|o| o.is_actor)
            .map(|_| Role::Object);
        let first_obl = |skip: Option<Role>| {
            c.obliques
                .iter()
                .enumerate()
                .find(|(i, o)| {
                    o.phrase.is_actor && Some(Role::Oblique(*i)) != skip && !o.prep.is("BY")
                })
                .map(|(i, _)| Role::Oblique(i))
        };
        let by = c
            .obliques
            .iter()
            .position(|o| o.prep.is("BY") && o.phrase.is_actor)
            .map(Role::Oblique);
        let (mut source, mut target) = (b.source, b.target);
        if c.passive
            && by.is_none()
            && source.is_none()
            && target.is_none()
            && !material(&code)
            && !c.inherited_subject
        {
            // a verbal act in the passive without an agent reads as PETRARCH2 reads it: the
            // subject acts on the first actor after the verb ("Manila was criticized over
            // its dispute with Hanoi"); not a material one, whose subject is its victim
            // ("four were killed in Gaza")
            source = subject;
            target = first_obl(source).filter(|_| source.is_some());
        } else if c.passive {
            // a material act in the passive without a `by` agent: who did it is named by
            // the phrase telling where it came from ("fired *from the Gaza Strip*", "freed
            // *from Barad-dur*") or the attack it happened in ("killed *in Israeli
            // shelling*"), the prepositional noun PETRARCH reads as the source; not a
            // place ("arrested in Gondor" says where, not by whom)
            let origin = || {
                c.obliques
                    .iter()
                    .position(|o| {
                        let act = o
                            .phrase
                            .words
                            .get(o.phrase.head)
                            .is_some_and(|w| ATTACK_NOUNS.iter().any(|n| w.is(n)));
                        o.phrase.is_actor && (o.prep.is("FROM") || (o.prep.is("IN") && act))
                    })
                    .map(Role::Oblique)
                    .filter(|_| material(&code))
            };
            source = source.or(by).or_else(origin);
            if target.is_none() && source != subject {
                target = subject;
            }
        } else {
            if source.is_none() && target != subject {
                source = subject;
            }
            if target.is_none() {
                target = object
                    .filter(|o| Some(*o) != source)
                    .or_else(|| first_obl(source));
            }
        }
        Match {
            verb,
            pattern,
            code,
            paired,
            source,
            target,
            specificity: b.lexical,
        }
    }

    fn match_pattern(
        &self,
        p: &Pattern,
        after: &[Element],
        flat: bool,
        c: &Clause,
    ) -> Option<Bindings> {
        let at = p.verb_position()?;
        if p.elements[at] != Element::Verb {
            return None; // verb glued to words (`IN_*`): left to the tree coder
        }
        let mut b = Bindings {
            flat,
            ..Bindings::default()
        };
        for e in &p.elements[..at] {
            self.subject_side(e, c, &mut b)?;
        }
        let mut used_obl = Vec::new();
        for e in after {
            self.object_side(e, c, &mut b, &mut used_obl)?;
        }
        Some(b)
    }

    fn subject_side(&self, e: &Element, c: &Clause, b: &mut Bindings) -> Option<()> {
        let subj = c.subject.as_ref();
        match e {
            // `$`/`+` require the subject to be an actor; `%` (a compound actor) binds it
            // as the source, the coder pairs its conjuncts
            Element::Source | Element::Target | Element::Compound => {
                subj.filter(|s| s.is_actor)?;
                // `%` holds only for a compound subject, and is then the fuller match
                if matches!(e, Element::Compound) {
                    if !c.compound_subject {
                        return None;
                    }
                    b.lexical += 1;
                }
                if matches!(e, Element::Target) {
                    b.target = Some(Role::Subject);
                } else {
                    b.source = Some(Role::Subject);
                }
                Some(())
            }
            Element::Skip => Some(()),
            Element::Verb | Element::Prep { .. } => None,
            lexical => {
                let in_subj = subj.is_some_and(|s| self.occurs(lexical, &s.words));
                if !in_subj && !self.occurs(lexical, &c.pre_verb) {
                    return None;
                }
                // a closed group (`MOST_CERTAINLY_&NEGATVAUXVRB_EVER`) weighs as its parts,
                // so it beats a shorter pattern it contains (`&NEGATVAUXVRB EVER *`)
                b.lexical += match lexical {
                    Element::Consecutive(parts) => parts.len(),
                    _ => 1,
                };
                Some(())
            }
        }
    }

    fn object_side(
        &self,
        e: &Element,
        c: &Clause,
        b: &mut Bindings,
        used: &mut Vec<usize>,
    ) -> Option<()> {
        match e {
            Element::Source | Element::Target => {
                c.object.as_ref().filter(|o| o.is_actor)?;
                if matches!(e, Element::Source) {
                    b.source = Some(Role::Object);
                } else {
                    b.target = Some(Role::Object);
                }
                Some(())
            }
            Element::Prep { prep, object } => {
                let (i, _) = c.obliques.iter().enumerate().find(|(i, o)| {
                    !used.contains(i) && self.occurs(prep, std::slice::from_ref(&o.prep)) && {
                        let mut trial = b.clone();
                        self.phrase_matches(object, &o.phrase, Role::Oblique(*i), &mut trial)
                    }
                })?;
                used.push(i);
                b.lexical += 1;
                self.phrase_matches(object, &c.obliques[i].phrase, Role::Oblique(i), b)
                    .then_some(())
            }
            Element::Skip => Some(()),
            // `%` after the verb: a coordination of actors, each a target
            Element::Compound => {
                c.object.as_ref().filter(|o| compound(o))?;
                b.target = Some(Role::Object);
                b.lexical += 1;
                Some(())
            }
            Element::Verb => None,
            lexical => {
                let obj = c.object.as_ref()?;
                self.phrase_matches(std::slice::from_ref(lexical), obj, Role::Object, b)
                    .then_some(())
            }
        }
    }

    /// Elements inside a phrase slot: actors bind, the last lexical element is the head.
    fn phrase_matches(&self, els: &[Element], ph: &Phrase, role: Role, b: &mut Bindings) -> bool {
        let lexical: Vec<&Element> = els
            .iter()
            .flat_map(|e| match e {
                Element::NounPhrase(inner) => inner.iter().collect::<Vec<_>>(),
                other => vec![other],
            })
            .collect();
        let mut words_needed = Vec::new();
        for e in lexical {
            match e {
                Element::Source | Element::Target => {
                    if !ph.is_actor {
                        return false;
                    }
                    if matches!(e, Element::Source) {
                        b.source = Some(role);
                    } else {
                        b.target = Some(role);
                    }
                }
                // "agrees *with the Philippines and France*" (`* WITH %`)
                Element::Compound => {
                    if !compound(ph) {
                        return false;
                    }
                    b.target = Some(role);
                    b.lexical += 1;
                }
                Element::Skip | Element::Verb | Element::Prep { .. } => return false,
                other => words_needed.push(other),
            }
        }
        if let Some((head, mods)) = words_needed.split_last() {
            let Some(head_word) = ph.words.get(ph.head) else {
                return false;
            };
            let head_word = std::slice::from_ref(head_word);
            // the head element may span several words (a synset phrase); accept it ending at the head
            // TABARI-style patterns name words of the phrase, not always its head
            // (`* ARTILLERY` for "fired artillery shells"): accept them anywhere in it
            let head_ok = self.occurs(head, head_word)
                || self.ends_at(head, &ph.words, ph.head)
                || (b.flat && self.occurs(head, &ph.words));
            if !head_ok || !mods.iter().all(|m| self.occurs(m, &ph.words)) {
                return false;
            }
            if let Element::Word(w) = head {
                if head_word[0].text_key == *w {
                    b.exact += 1;
                }
            }
            b.lexical += words_needed.len();
        }
        true
    }

    /// The phrases of a consecutive group (`NEW_&TIETYPES_RELATIONS`), as word sequences.
    fn phrases(&self, e: &Element) -> Vec<Vec<String>> {
        match e {
            Element::Word(w) => vec![vec![w.clone()]],
            Element::Alternatives(a) => a.iter().map(|w| vec![w.clone()]).collect(),
            Element::Synset(s) => self.synsets.get(s).map_or_else(Vec::new, |ix| {
                ix.singles
                    .iter()
                    .map(|w| vec![w.clone()])
                    .chain(ix.multi.iter().cloned())
                    .collect()
            }),
            Element::Consecutive(parts) => {
                let mut acc: Vec<Vec<String>> = vec![Vec::new()];
                for p in parts {
                    let alts = self.phrases(p);
                    acc = acc
                        .iter()
                        .flat_map(|a| {
                            alts.iter().map(move |x| {
                                let mut v = a.clone();
                                v.extend(x.iter().cloned());
                                v
                            })
                        })
                        .collect();
                }
                acc
            }
            Element::NounPhrase(inner) => inner.iter().flat_map(|x| self.phrases(x)).collect(),
            _ => Vec::new(),
        }
    }

    /// True if `e` occurs in `words` (a phrase of it as consecutive words).
    fn occurs(&self, e: &Element, words: &[Word]) -> bool {
        (0..words.len()).any(|end| self.ends_at(e, words, end))
    }

    /// True if some phrase of `e` occurs ending at word `end`.
    fn ends_at(&self, e: &Element, words: &[Word], end: usize) -> bool {
        let Some(last) = words.get(end) else {
            return false;
        };
        match e {
            Element::Word(w) => last.is(w),
            Element::Alternatives(a) => a.iter().any(|w| last.is(w)),
            Element::Synset(s) => self.synsets.get(s).is_some_and(|ix| {
                ix.singles.contains(&last.text_key)
                    || ix.singles.contains(&last.lemma_key)
                    || ix.multi.iter().any(|ph| seq_ends_at(ph, words, end))
            }),
            Element::NounPhrase(inner) => inner.iter().any(|x| self.ends_at(x, words, end)),
            Element::Consecutive(_) => self.phrases(e).iter().any(|ph| seq_ends_at(ph, words, end)),
            _ => false,
        }
    }
}

/// True for the codes of material cooperation and conflict (quad classes 2 and 4).
/// A phrase naming several actors joined by a conjunction ("the Philippines and France"),
/// which a `%` after the verb demands.
fn compound(ph: &Phrase) -> bool {
    ph.is_actor
        && ph
            .words
            .iter()
            .any(|w| w.is("AND") || w.is("OR") || w.is("NOR"))
}

fn material(code: &str) -> bool {
    let root = code.get(..2).and_then(|r| r.parse().ok());
    matches!(root.and_then(quad_class_of_root), Some(2 | 4))
}

/// Nouns of an attack, whose actor did what a material passive reports happened *in* it
/// ("killed in Israeli *shelling*", "wounded in an air *strike* by government forces").
const ATTACK_NOUNS: &[&str] = &[
    "SHELLING",
    "STRIKE",
    "STRIKES",
    "AIRSTRIKE",
    "AIRSTRIKES",
    "ATTACK",
    "ATTACKS",
    "RAID",
    "RAIDS",
    "BOMBING",
    "BOMBINGS",
    "BOMBARDMENT",
    "AMBUSH",
    "OFFENSIVE",
    "ASSAULT",
    "FIRE",
    "CROSSFIRE",
    "SHOOTING",
    "CLASH",
    "CLASHES",
];

/// Words read as prepositions when a flat pattern is regrouped.
const PREPOSITIONS: &[&str] = &[
    "ABOUT", "AGAINST", "AMONG", "AT", "BETWEEN", "BY", "DURING", "FOR", "FROM", "IN", "INTO",
    "NEAR", "OF", "ON", "OVER", "THROUGH", "TO", "TOWARD", "TOWARDS", "UNDER", "UPON", "WITH",
    "WITHOUT",
];

/// The pattern's comment names the clause's verb (`# RATIFY`): it was written for it.
/// Compared without allocating; a multiword verb's comment (`+CORDON_OFF`) names its first
/// word.
fn written_for(p: &Pattern, c: &Clause) -> bool {
    let Some(w) = p
        .comment
        .as_deref()
        .and_then(|t| t.split_whitespace().next())
    else {
        return false;
    };
    let w = w.trim_start_matches('+');
    let w = w.split('_').next().unwrap_or(w);
    c.verb.lemma_key == w || c.verb.text_key == w
}

/// The object side of a pattern in structured form. PETRARCH2 patterns already mark
/// phrases; a flat TABARI-style run of words (`* DIPLOMATIC TIES`, `* OVER EFFORTS`,
/// `* AT ^ +`, `* WITH %`) is regrouped: words before the first preposition form the
/// object noun phrase, each preposition opens a prepositional phrase holding what follows
/// it, `^` is dropped.
fn regroup(after: &[Element], is_prep: &dyn Fn(&Element) -> bool) -> Vec<Element> {
    let mut out = Vec::new();
    let mut np: Vec<Element> = Vec::new();
    let mut prep: Option<(Element, Vec<Element>)> = None;
    let flush_np = |np: &mut Vec<Element>, out: &mut Vec<Element>| {
        if np
            .iter()
            .all(|e| matches!(e, Element::Source | Element::Target | Element::Compound))
        {
            out.append(np);
        } else if !np.is_empty() {
            out.push(Element::NounPhrase(std::mem::take(np)));
        }
    };
    for e in after {
        match e {
            Element::Skip => {}
            e if is_prep(e) => {
                if let Some((p, object)) = prep.take() {
                    out.push(Element::Prep {
                        prep: Box::new(p),
                        object,
                    });
                }
                flush_np(&mut np, &mut out);
                prep = Some((e.clone(), Vec::new()));
            }
            Element::Word(_)
            | Element::Alternatives(_)
            | Element::Synset(_)
            | Element::Consecutive(_)
            | Element::Source
            | Element::Target
            | Element::Compound => match prep.as_mut() {
                Some((_, object)) => object.push(e.clone()),
                None => np.push(e.clone()),
            },
            Element::NounPhrase(inner) => match prep.as_mut() {
                Some((_, object)) => object.extend(inner.iter().cloned()),
                None => np.extend(inner.iter().cloned()),
            },
            other => {
                if let Some((p, object)) = prep.take() {
                    out.push(Element::Prep {
                        prep: Box::new(p),
                        object,
                    });
                }
                flush_np(&mut np, &mut out);
                out.push(other.clone());
            }
        }
    }
    if let Some((p, object)) = prep.take() {
        out.push(Element::Prep {
            prep: Box::new(p),
            object,
        });
    }
    flush_np(&mut np, &mut out);
    out
}

/// A preposition word, or a synonym set of prepositions (`&PREPOSIT1`).
fn is_prep(dict: &VerbDictionary, e: &Element) -> bool {
    match e {
        Element::Word(w) => PREPOSITIONS.contains(&w.as_str()),
        Element::Synset(s) => {
            let phrases = dict.synset_phrases(s);
            !phrases.is_empty()
                && phrases
                    .iter()
                    .all(|p| p.len() == 1 && PREPOSITIONS.contains(&p[0].as_str()))
        }
        _ => false,
    }
}

/// True if the word sequence `ph` occurs in `words` ending at `end`.
fn seq_ends_at(ph: &[String], words: &[Word], end: usize) -> bool {
    !ph.is_empty()
        && end < words.len()
        && end + 1 >= ph.len()
        && words[end + 1 - ph.len()..=end]
            .iter()
            .zip(ph)
            .all(|(w, d)| w.is(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = "\
&MILITARY
+ARMY
+TROOP
+SPECIAL_FORCES_

--- RUSH [---] ---
RUSH
- * (TO)                    [042:043]
- * (TO BORDER)             [154]
- * POLICE (TO BORDER)      [153]
- &MILITARY *               [154]
- * {RELIEF AID}            [073]
- * AID                     [070]

--- ACCUSE [112] ---
ACCUSE
- * + (OF {WAR CRIMES})     [1124]
- $ * (OF CORRUPTION) +     [1121]

--- VISIT [042:043] ---
VISIT
- PILGRIMS *                [---]

--- CORDON [---] ---
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF} [1723]
";

    fn w(s: &str) -> Word {
        Word::new(s, &s.to_lowercase())
    }
    fn np(words: &str, actor: bool) -> Phrase {
        let words: Vec<Word> = words.split(' ').map(w).collect();
        Phrase {
            head: words.len() - 1,
            words,
            is_actor: actor,
            token: None,
        }
    }
    fn obl(prep: &str, words: &str, actor: bool) -> Oblique {
        Oblique {
            prep: w(prep),
            phrase: np(words, actor),
        }
    }
    fn clause(verb: &str, lemma: &str) -> Clause {
        Clause {
            verb: Word::new(verb, lemma),
            ..Default::default()
        }
    }

    #[test]
    fn most_specific_pattern_wins_and_roles_default() {
        let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
        let m = Matcher::new(&d);

        // "Gondor rushed police to the border": POLICE (TO BORDER) beats (TO BORDER) and (TO)
        let mut c = clause("rushed", "rush");
        c.subject = Some(np("Gondor", true));
        c.object = Some(np("police", false));
        c.obliques = vec![obl("to", "the border", false)];
        let r = m.code(&c).unwrap();
        assert_eq!((r.code.as_str(), r.specificity), ("153", 3));
        assert_eq!(r.pattern.unwrap().text, "* POLICE (TO BORDER)");
        assert_eq!((r.source, r.target), (Some(Role::Subject), None));

        // "Gondor rushed to Arnor": (TO) with the oblique actor as default target
        let mut c = clause("rushed", "rush");
        c.subject = Some(np("Gondor", true));
        c.obliques = vec![obl("to", "Arnor", true)];
        let r = m.code(&c).unwrap();
        assert_eq!(r.code, "042");
        assert_eq!(
            (r.source, r.target),
            (Some(Role::Subject), Some(Role::Oblique(0)))
        );
        let r = m.code(&c).unwrap();
        assert_eq!(
            r.paired.as_deref(),
            Some("043"),
            "paired code: Arnor hosts Gondor"
        );

        // synset on the subject side, with plural: "Troops rushed"
        let mut c = clause("rushed", "rush");
        c.subject = Some(Phrase {
            words: vec![Word::new("Troops", "troop")],
            head: 0,
            is_actor: true,
            token: None,
        });
        assert_eq!(m.code(&c).unwrap().code, "154");

        // noun phrase: head must be the object's head, the modifier inside the object
        let mut c = clause("rushes", "rush");
        c.subject = Some(np("Rohan", true));
        c.object = Some(np("emergency relief aid", false));
        assert_eq!(m.code(&c).unwrap().code, "073");
        c.object = Some(np("food aid", false));
        assert_eq!(
            m.code(&c).unwrap().code,
            "070",
            "no RELIEF: only * AID matches"
        );
        c.object = Some(np("aid relief", false));
        assert_eq!(
            m.code(&c).unwrap().code,
            "070",
            "a flat pattern's word may be anywhere in the object"
        );
        c.object = Some(np("relief supplies", false));
        assert_eq!(m.code(&c), None, "{{RELIEF AID}} needs AID as the head");

        // nothing matches and the block code is null: no event
        let mut c = clause("rushed", "rush");
        c.subject = Some(np("Gondor", true));
        assert_eq!(m.code(&c), None);
    }

    #[test]
    fn actor_bindings_bare_verbs_null_patterns_and_particles() {
        let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
        let m = Matcher::new(&d);

        // "Arnor accused Gondor of war crimes": + after the verb binds the object
        let mut c = clause("accused", "accuse");
        c.subject = Some(np("Arnor", true));
        c.object = Some(np("Gondor", true));
        c.obliques = vec![obl("of", "war crimes", false)];
        let r = m.code(&c).unwrap();
        assert_eq!(r.code, "1124");
        assert_eq!(
            (r.source, r.target),
            (Some(Role::Subject), Some(Role::Object))
        );

        // "... of corruption": $ before the verb, + after the prepositional phrase
        c.obliques = vec![obl("of", "corruption", false)];
        assert_eq!(m.code(&c).unwrap().code, "1121");

        // a `$` needs an actor: with a non-actor subject the pattern fails, bare verb codes
        c.subject = Some(np("critics", false));
        let r = m.code(&c).unwrap();
        assert_eq!((r.code.as_str(), r.pattern.is_none()), ("112", true));
        assert_eq!((r.source, r.target), (None, Some(Role::Object)));

        // the bare verb, passive: "Gondor was visited by Arnor"
        let mut c = clause("visited", "visit");
        c.passive = true;
        c.subject = Some(np("Gondor", true));
        c.obliques = vec![obl("by", "Arnor", true)];
        let r = m.code(&c).unwrap();
        assert_eq!((r.code.as_str(), r.paired.as_deref()), ("042", Some("043")));
        assert_eq!(
            (r.source, r.target),
            (Some(Role::Oblique(0)), Some(Role::Subject))
        );

        // a null-coded pattern suppresses the event: "Pilgrims visited Rome"
        let mut c = clause("visited", "visit");
        c.subject = Some(np("Pilgrims", false));
        c.object = Some(np("Rome", true));
        assert_eq!(m.code(&c), None);

        // particle verbs: "Police cordoned off the square"
        let mut c = clause("cordoned", "cordon");
        c.particle = Some(w("off"));
        c.subject = Some(np("police", true));
        assert_eq!(m.code(&c).unwrap().code, "1723");
        c.particle = None;
        assert_eq!(m.code(&c), None, "CORDON alone is not in the dictionary");
        assert!(m.code(&clause("frobnicated", "frobnicate")).is_none());
    }

    #[test]
    fn codes_sample_clauses_with_the_cameo_dictionary() {
        let m = Matcher::new(VerbDictionary::cameo());
        let run = |verb: &str, lemma: &str, obj: Option<&str>, obls: Vec<Oblique>| {
            let mut c = clause(verb, lemma);
            c.subject = Some(np("Blinken", true));
            c.object = obj.map(|o| np(o, true));
            c.obliques = obls;
            m.code(&c).map(|r| r.code)
        };
        assert_eq!(
            run("praised", "praise", Some("officials"), vec![]).as_deref(),
            Some("051")
        );
        assert_eq!(
            run("visited", "visit", Some("Brussels"), vec![]).as_deref(),
            Some("042")
        );
        assert_eq!(
            run("met", "meet", Some("Wilmes"), vec![]).as_deref(),
            Some("040")
        );
        assert_eq!(
            run("summoned", "summon", Some("envoys"), vec![]).as_deref(),
            Some("040")
        );
        assert_eq!(
            run("visited", "visit", None, vec![obl("for", "talks", false)]).as_deref(),
            Some("046"),
            "* (FOR TALKS) [046:046]"
        );
    }
}
