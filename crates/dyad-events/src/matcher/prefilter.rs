//! Skipping patterns that cannot match a clause, before matching them: most patterns of a
//! verb's block name a word the clause must contain (`* {FINANCIAL AID} (TO +)` needs
//! AID), and most clauses contain few of those words.
//!
//! When the matcher is built, each pattern gets one *required set*: words of which at
//! least one must be, as text or lemma, a word of any clause the pattern matches (a literal
//! word gives a set of one, `FAVOUR/FAVOR` or a synonym set give several). Only elements
//! that every reading of the pattern must match count (the subject side, the object side
//! as `phrase_match` and `sequence` read it); a noun phrase before the verb matches when
//! any of its elements does, so it requires nothing. Per clause, the words of all its
//! parts are looked up once ([`Present`]); a pattern whose set holds none of them is not
//! tried. The check only removes patterns that would fail anyway, and the patterns left
//! are visited in the same order, so the matcher's choice is unchanged.

use super::phrase_match::PREPOSITIONS;
use super::{Clause, SynsetIndex, Word, WordHash};
use crate::pattern::Element;
use crate::verb_dictionary::Pattern;
use std::collections::HashMap;

/// The numbering of the words that some pattern requires.
#[derive(Default)]
pub(super) struct RequiredWords {
    ids: HashMap<String, u32, WordHash>,
    /// Per synonym set a required set was taken from: its cost and size, and its ids once
    /// it was chosen (many patterns name the same large sets).
    synset_sets: HashMap<String, SynsetSet, WordHash>,
}

struct SynsetSet {
    cost: usize,
    len: usize,
    ids: Option<Box<[u32]>>,
}

/// A required set of a pattern: words, or those of a synonym set (see [`simple`]).
enum Set<'a> {
    Words(Vec<&'a str>),
    Synset(&'a str),
}

/// What a set costs to require: the likelier its words, the dearer (a preposition is in
/// nearly every clause).
fn cost(words: &[&str]) -> usize {
    words
        .iter()
        .map(|w| if PREPOSITIONS.contains(w) { 1000 } else { 1 })
        .sum()
}

impl RequiredWords {
    /// The required set chosen for `p` (ids of its words), empty when the pattern
    /// requires no word: the set likeliest to be rare, fewest words, prepositions last.
    pub(super) fn for_pattern(
        &mut self,
        p: &Pattern,
        synsets: &HashMap<String, SynsetIndex, WordHash>,
    ) -> Box<[u32]> {
        let mut sets: Vec<Set> = Vec::new();
        if let Some(at) = p.verb_position() {
            for e in &p.elements[..at] {
                simple(e, synsets, &mut sets);
            }
            if let Element::Consecutive(parts) = &p.elements[at] {
                for e in parts.iter().filter(|e| **e != Element::Verb) {
                    simple(e, synsets, &mut sets);
                }
            }
            for e in &p.elements[at + 1..] {
                match e {
                    Element::NounPhrase(inner) => {
                        inner.iter().for_each(|x| simple(x, synsets, &mut sets));
                    }
                    Element::Prep { prep, object } => {
                        simple(prep, synsets, &mut sets);
                        for x in object {
                            match x {
                                Element::NounPhrase(inner) => {
                                    inner.iter().for_each(|y| simple(y, synsets, &mut sets));
                                }
                                other => simple(other, synsets, &mut sets),
                            }
                        }
                    }
                    other => simple(other, synsets, &mut sets),
                }
            }
        }
        // a synonym set's cost and size are worked out once
        for set in &sets {
            if let Set::Synset(name) = set {
                if !self.synset_sets.contains_key(*name) {
                    let words = synset_words(&synsets[*name]);
                    let entry = SynsetSet {
                        cost: cost(&words),
                        len: words.len(),
                        ids: None,
                    };
                    self.synset_sets.insert(name.to_string(), entry);
                }
            }
        }
        let len_cost = |set: &Set| -> (usize, usize) {
            match set {
                Set::Words(w) => (w.len(), cost(w)),
                Set::Synset(name) => {
                    let s = &self.synset_sets[*name];
                    (s.len, s.cost)
                }
            }
        };
        let best = sets
            .into_iter()
            .map(|set| (len_cost(&set), set))
            .filter(|((len, _), _)| *len > 0)
            .min_by_key(|((_, cost), _)| *cost);
        let Some((_, best)) = best else {
            return Box::default();
        };
        match best {
            Set::Words(words) => self.number(&words),
            Set::Synset(name) => {
                if let Some(ids) = &self.synset_sets[name].ids {
                    return ids.clone();
                }
                let ids = self.number(&synset_words(&synsets[name]));
                if let Some(s) = self.synset_sets.get_mut(name) {
                    s.ids = Some(ids.clone());
                }
                ids
            }
        }
    }

    /// The ids of `words`, numbering the new ones in order; sorted, each once.
    fn number(&mut self, words: &[&str]) -> Box<[u32]> {
        let mut out: Vec<u32> = words
            .iter()
            .map(|&w| match self.ids.get(w) {
                Some(&id) => id,
                None => {
                    let next = self.ids.len() as u32;
                    self.ids.insert(w.to_string(), next);
                    next
                }
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out.into_boxed_slice()
    }

    /// The required words a clause contains.
    pub(super) fn present(&self, c: &Clause) -> Present {
        let mut bits = vec![0u64; self.ids.len().div_ceil(64)];
        let mut add = |w: &Word| {
            let (text, lemma) = (w.text_key(), w.lemma_key());
            // a word that is its own lemma ("Gondor", "the") is looked up once
            let lemma = (lemma != text).then_some(lemma);
            for k in std::iter::once(text).chain(lemma) {
                if let Some(&id) = self.ids.get(k) {
                    bits[id as usize / 64] |= 1 << (id % 64);
                }
            }
        };
        add(&c.verb);
        c.particle.iter().for_each(&mut add);
        c.preceding.iter().for_each(&mut add);
        c.pre_verb.iter().for_each(&mut add);
        for ph in c.subject.iter().chain(&c.object) {
            ph.words.iter().for_each(&mut add);
        }
        for o in &c.obliques {
            add(&o.prep);
            o.phrase.words.iter().for_each(&mut add);
        }
        c.following.iter().for_each(&mut add);
        Present { bits }
    }
}

/// The required words of one clause, as a bit set over their ids.
pub(super) struct Present {
    bits: Vec<u64>,
}

impl Present {
    /// True when the clause holds a word of `needs`, or `needs` is empty (no requirement).
    pub(super) fn admits(&self, needs: &[u32]) -> bool {
        needs.is_empty()
            || needs
                .iter()
                .any(|&id| self.bits[id as usize / 64] & (1 << (id % 64)) != 0)
    }
}

/// Adds the required set of an element matched as a whole where it stands (a word, its
/// alternatives, a synonym set, each part of a consecutive group); a noun phrase here
/// matches by any one element, so it adds nothing.
fn simple<'a>(
    e: &'a Element,
    synsets: &'a HashMap<String, SynsetIndex, WordHash>,
    out: &mut Vec<Set<'a>>,
) {
    match e {
        Element::Word(w) => out.push(Set::Words(vec![w.as_str()])),
        Element::Alternatives(a) => out.push(Set::Words(a.iter().map(String::as_str).collect())),
        // a synset with an empty phrase matches nothing: no requirement is safe
        Element::Synset(s) => {
            if let Some(ix) = synsets.get(s) {
                if ix.multi.iter().all(|ph| !ph.is_empty()) {
                    out.push(Set::Synset(s));
                }
            }
        }
        Element::Consecutive(parts) => parts.iter().for_each(|x| simple(x, synsets, out)),
        _ => {}
    }
}

/// The words of a synonym set as a required set: a one-word phrase is that word; a longer
/// one ends with its last word.
fn synset_words(ix: &SynsetIndex) -> Vec<&str> {
    let mut set: Vec<&str> = ix.singles.iter().map(String::as_str).collect();
    set.extend(
        ix.multi
            .iter()
            .filter_map(|ph| ph.last())
            .map(String::as_str),
    );
    set
}

#[cfg(test)]
mod tests {
    use super::super::{Matcher, Oblique, Phrase, SurfaceToken};
    use super::*;
    use crate::verb_dictionary::VerbDictionary;

    impl Present {
        /// A set admitting every pattern: the matcher as it was without the filter.
        fn all(n: usize) -> Present {
            Present {
                bits: vec![!0; n.div_ceil(64)],
            }
        }
    }

    const DICT: &str = "\
&MILITARY
+ARMY
+SPECIAL_FORCES_

--- RUSH [---] ---
RUSH
- * (TO)                    [042:043]
- * POLICE (TO BORDER)      [153]
- &MILITARY *               [154]
- {ELITE GUARD} *           [155]
- * FAVOUR/FAVOR            [156]
- $ * +                     [157]
";

    fn needs<'m>(m: &'m Matcher, i: usize) -> Vec<&'m str> {
        let mut out: Vec<&str> = m.plans[0][i]
            .needs
            .iter()
            .map(|&id| {
                let (w, _) = m.required.ids.iter().find(|(_, v)| **v == id).unwrap();
                w.as_str()
            })
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn each_pattern_requires_its_rarest_word_set() {
        let d = VerbDictionary::parse(DICT, "t.txt").unwrap();
        let m = Matcher::new(&d);
        assert_eq!(needs(&m, 0), ["TO"]);
        // POLICE rather than the preposition, or BORDER (first of equals)
        assert_eq!(needs(&m, 1), ["POLICE"]);
        // a synset: any one-word phrase or the last word of a longer one
        let mil = needs(&m, 2);
        assert!(mil.contains(&"ARMY") && mil.contains(&"FORCES"), "{mil:?}");
        assert!(!mil.contains(&"SPECIAL"), "{mil:?}");
        // a noun phrase before the verb matches by any of its words: no requirement
        assert!(needs(&m, 3).is_empty());
        assert_eq!(needs(&m, 4), ["FAVOR", "FAVOUR"]);
        assert!(needs(&m, 5).is_empty());
    }

    /// Deterministic pseudo-random numbers (a 64-bit LCG), for clause generation.
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) as usize) % n.max(1)
        }
    }

    fn words_of<'a>(e: &'a Element, out: &mut Vec<&'a str>) {
        match e {
            Element::Word(w) => out.push(w),
            Element::Alternatives(a) => out.extend(a.iter().map(String::as_str)),
            Element::NounPhrase(x) | Element::Consecutive(x) => {
                x.iter().for_each(|y| words_of(y, out))
            }
            Element::Prep { prep, object } => {
                words_of(prep, out);
                object.iter().for_each(|y| words_of(y, out));
            }
            _ => {}
        }
    }

    /// The filter never changes a result: on the shipped CAMEO dictionary, clauses of
    /// each verb built from the words of its patterns (so that many patterns match, some
    /// only partly) are coded the same with and without it.
    #[test]
    fn filtered_matching_equals_unfiltered_on_the_cameo_dictionary() {
        let d = VerbDictionary::cameo();
        let m = Matcher::new(d);
        let n = m.required.ids.len();
        let mut rng = Lcg(7);
        let (mut coded, mut by_pattern, mut skipped_some) = (0, 0, 0);
        for b in &d.blocks {
            let Some(verb) = b.verbs.first().filter(|v| v.lemma.words.len() == 1) else {
                continue;
            };
            let lemma = verb.lemma.words[0].to_lowercase();
            let mut pool: Vec<&str> = vec!["the", "to", "with", "of"];
            for p in &b.patterns {
                p.elements.iter().for_each(|e| words_of(e, &mut pool));
            }
            for _ in 0..12 {
                let phrase = |rng: &mut Lcg, actor: bool| {
                    let len = 1 + rng.below(3);
                    let words: Vec<Word> = (0..len)
                        .map(|_| {
                            let t = pool[rng.below(pool.len())].to_lowercase();
                            Word::new(&t, &t)
                        })
                        .collect();
                    Phrase {
                        head: len - 1,
                        words,
                        is_actor: actor,
                        token: None,
                    }
                };
                let actor = rng.below(3) != 0;
                let subject = Some(phrase(&mut rng, actor));
                let actor = rng.below(2) == 0;
                let object = (rng.below(3) != 0).then(|| phrase(&mut rng, actor));
                let obliques: Vec<Oblique> = (0..rng.below(3))
                    .map(|_| {
                        let p = ["to", "with", "of", "in", "against", "on"][rng.below(6)];
                        let actor = rng.below(2) == 0;
                        Oblique {
                            prep: Word::new(p, p),
                            phrase: phrase(&mut rng, actor),
                        }
                    })
                    .collect();
                let mut following: Vec<Word> = Vec::new();
                for ph in object.iter().chain(obliques.iter().map(|o| &o.phrase)) {
                    following.extend(ph.words.iter().cloned());
                }
                let following_at = (0..following.len())
                    .map(|i| SurfaceToken {
                        token: i,
                        actor: (i % 3 == 0).then_some(i),
                        phrase_head: None,
                    })
                    .collect();
                let c = Clause {
                    verb: Word::new(&lemma, &lemma),
                    pre_verb: vec![phrase(&mut rng, false).words.remove(0)],
                    subject,
                    object,
                    obliques,
                    following,
                    following_at,
                    ..Default::default()
                };
                let verbs = m.verbs(&c);
                let present = m.required.present(&c);
                let got = m.code_with(&c, &verbs, &present, m.sequential);
                let want = m.code_with(&c, &verbs, &Present::all(n), m.sequential);
                assert_eq!(got, want, "{} on {c:?}", b.name);
                coded += 1;
                by_pattern += usize::from(want.is_some());
                let all = verbs
                    .iter()
                    .flat_map(|r| &m.plans[r.block])
                    .filter(|p| !present.admits(&p.needs))
                    .count();
                skipped_some += usize::from(all > 0);
            }
        }
        // the comparison must cover matches, and clauses where the filter did skip
        assert!(coded > 1000 && by_pattern > 300, "{coded} {by_pattern}");
        assert!(skipped_some > 1000, "{skipped_some}");
    }
}
