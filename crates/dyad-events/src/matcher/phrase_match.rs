//! Matching one pattern against a clause, element by element: the subject side (before
//! `*`) against the subject and the words before the verb, the object side against the
//! object's head, its noun phrase and the obliques, binding `$`/`+` as it goes.
//!
//! Also the regrouping of flat TABARI-style patterns into phrases, done once when the
//! matcher is built.

use super::{Bindings, Clause, Matcher, PatternPlan, Phrase, Role, Word};
use crate::pattern::Element;
use crate::verb_dictionary::{Pattern, VerbDictionary};

impl<'d> Matcher<'d> {
    pub(super) fn match_pattern(
        &self,
        p: &Pattern,
        plan: &PatternPlan,
        c: &Clause,
    ) -> Option<Bindings> {
        let at = plan.verb_at?;
        if p.elements[at] != Element::Verb {
            return None; // verb glued to words (`IN_*`): left to the tree coder
        }
        let mut b = Bindings {
            flat: plan.flat,
            ..Bindings::default()
        };
        self.before_verb(&p.elements[..at], c, &mut b)?;
        let mut used_obl = Vec::new();
        for e in &plan.after {
            self.object_side(e, c, &mut b, &mut used_obl)?;
        }
        Some(b)
    }

    /// The elements before `*`, in order. A pattern naming the verb that governs a
    /// complement reads the sentence in text order, as TABARI's patterns were written: an
    /// actor element before that verb's word is the governing verb's subject ("+ HOSTING
    /// *": "*Mordor* will be hosting Osgiliath to celebrate"), and when the complement's own
    /// subject is bound as the target after it (`NOTED + *`), the unbound source is the
    /// governing subject ("*Falastur* noted that Cirith Ungol regretted"), PETRARCH's
    /// default source, the actor opening the sentence.
    pub(super) fn before_verb(&self, els: &[Element], c: &Clause, b: &mut Bindings) -> Option<()> {
        let gov = c.governor.as_ref();
        let names_governor = |e: &Element| {
            e.is_lexical() && gov.is_some_and(|g| self.occurs(e, std::slice::from_ref(&g.verb)))
        };
        let mut governor_named = false;
        for (i, e) in els.iter().enumerate() {
            let role = matches!(e, Element::Source | Element::Target);
            if role && els[i + 1..].iter().any(names_governor) {
                let s = Role::Token(gov.and_then(|g| g.subject)?);
                if matches!(e, Element::Target) {
                    b.target = Some(s);
                } else {
                    b.source = Some(s);
                }
                continue;
            }
            governor_named |= names_governor(e);
            self.subject_side(e, c, b)?;
        }
        if governor_named && b.source.is_none() && b.target == Some(Role::Subject) {
            b.source = gov.and_then(|g| g.subject).map(Role::Token);
        }
        Some(())
    }

    pub(super) fn subject_side(&self, e: &Element, c: &Clause, b: &mut Bindings) -> Option<()> {
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
        // the elements with noun phrases opened, in order (no list is built: this runs
        // for every pattern of every verb)
        let lexical = || {
            els.iter().flat_map(|e| match e {
                Element::NounPhrase(inner) => inner.as_slice(),
                other => std::slice::from_ref(other),
            })
        };
        for e in lexical() {
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
                // `^` in a phrase slot skips the phrase: `(IN ^)` is any phrase after IN
                Element::Skip => {}
                Element::Verb | Element::Prep { .. } => return false,
                _ => {}
            }
        }
        let words_needed = lexical().filter(|e| e.is_lexical()).count();
        let head_mods = lexical().rfind(|e| e.is_lexical()).map(|head| {
            (
                head,
                lexical().filter(|e| e.is_lexical()).take(words_needed - 1),
            )
        });
        if let Some((head, mut mods)) = head_mods {
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
            if !head_ok || !mods.all(|m| self.occurs(m, &ph.words)) {
                return false;
            }
            if let Element::Word(w) = head {
                if head_word[0].text_key() == w {
                    b.exact += 1;
                }
            }
            b.lexical += words_needed;
        }
        true
    }

    /// True if `e` occurs in `words` (a phrase of it as consecutive words).
    fn occurs(&self, e: &Element, words: &[Word]) -> bool {
        (0..words.len()).any(|end| self.ends_at(e, words, end))
    }

    /// True if some phrase of `e` occurs ending at word `end`.
    /// Word `w` is the dictionary's word `d`: as written, or by its lemma, except in a
    /// dictionary written only in TABARI's flat style, which spells out each form it means
    /// (`* SANCTIONS` beside `* SANCTION`) and whose words PETRARCH matches as written
    /// ("adopt a set of *resolutions*" is no `* RESOLUTION`).
    fn word_is(&self, w: &Word, d: &str) -> bool {
        w.text_key() == d || (!self.sequential && w.lemma_key() == d)
    }

    pub(super) fn ends_at(&self, e: &Element, words: &[Word], end: usize) -> bool {
        let Some(last) = words.get(end) else {
            return false;
        };
        match e {
            Element::Word(w) => self.word_is(last, w),
            Element::Alternatives(a) => a.iter().any(|w| self.word_is(last, w)),
            Element::Synset(s) => self.synsets.get(s).is_some_and(|ix| {
                ix.singles.contains(last.text_key())
                    || ix.singles.contains(last.lemma_key())
                    || ix.multi.iter().any(|ph| seq_ends_at(ph, words, end))
            }),
            Element::NounPhrase(inner) => inner.iter().any(|x| self.ends_at(x, words, end)),
            Element::Consecutive(_) => {
                // some phrase of the group, not empty, fills words[..=end] backwards
                let mut found = false;
                self.lengths(e, words, end + 1, &mut |len| {
                    found = len > 0;
                    found
                });
                found
            }
            _ => false,
        }
    }

    /// Calls `f` with the length of each phrase of `e` (as a consecutive group spells it
    /// out: alternatives, synonym set phrases, groups within groups) that the words
    /// `words[stop - len..stop]` are, until `f` returns true; returns whether it did.
    /// Walking the group's parts from the last one this way matches it without writing
    /// out every combination of its alternatives.
    fn lengths(
        &self,
        e: &Element,
        words: &[Word],
        stop: usize,
        f: &mut dyn FnMut(usize) -> bool,
    ) -> bool {
        let last = stop.checked_sub(1).and_then(|i| words.get(i));
        match e {
            Element::Word(w) => last.is_some_and(|l| self.word_is(l, w)) && f(1),
            Element::Alternatives(a) => {
                // one phrase per alternative, as many calls as alternatives matching
                a.iter()
                    .any(|w| last.is_some_and(|l| self.word_is(l, w)) && f(1))
            }
            Element::Synset(s) => self.synsets.get(s).is_some_and(|ix| {
                let single = last.is_some_and(|l| {
                    ix.singles.contains(l.text_key()) || ix.singles.contains(l.lemma_key())
                });
                (single && f(1))
                    || ix.multi.iter().any(|ph| {
                        stop >= ph.len()
                            && stop <= words.len()
                            && words[stop - ph.len()..stop]
                                .iter()
                                .zip(ph)
                                .all(|(w, d)| w.is(d))
                            && f(ph.len())
                    })
            }),
            Element::Consecutive(parts) => self.group_lengths(parts, words, stop, 0, f),
            Element::NounPhrase(inner) => inner.iter().any(|x| self.lengths(x, words, stop, f)),
            _ => false,
        }
    }

    /// `lengths` for the parts of a group: the last part ends at `stop`, the ones before
    /// it end where it starts; `done` words were matched by parts after these.
    fn group_lengths(
        &self,
        parts: &[Element],
        words: &[Word],
        stop: usize,
        done: usize,
        f: &mut dyn FnMut(usize) -> bool,
    ) -> bool {
        let Some((last, before)) = parts.split_last() else {
            return f(done);
        };
        self.lengths(last, words, stop, &mut |len| {
            self.group_lengths(before, words, stop - len, done + len, f)
        })
    }
}

/// A phrase naming several actors joined by a conjunction ("the Philippines and France"),
/// which a `%` after the verb demands.
fn compound(ph: &Phrase) -> bool {
    ph.is_actor
        && ph
            .words
            .iter()
            .any(|w| w.is("AND") || w.is("OR") || w.is("NOR"))
}

/// Words read as prepositions when a flat pattern is regrouped.
pub(super) const PREPOSITIONS: &[&str] = &[
    "ABOUT", "AGAINST", "AMONG", "AT", "BETWEEN", "BY", "DURING", "FOR", "FROM", "IN", "INTO",
    "NEAR", "OF", "ON", "OVER", "THROUGH", "TO", "TOWARD", "TOWARDS", "UNDER", "UPON", "WITH",
    "WITHOUT",
];

/// The object side of a pattern in structured form. PETRARCH2 patterns already mark
/// phrases; a flat TABARI-style run of words (`* DIPLOMATIC TIES`, `* OVER EFFORTS`,
/// `* AT ^ +`, `* WITH %`) is regrouped: words before the first preposition form the
/// object noun phrase, each preposition opens a prepositional phrase holding what follows
/// it, `^` is dropped.
pub(super) fn regroup(after: &[Element], is_prep: &dyn Fn(&Element) -> bool) -> Vec<Element> {
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
pub(super) fn is_prep(dict: &VerbDictionary, e: &Element) -> bool {
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
